import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/render.ts';
import { noticeCard } from '../../cards/notice.ts';
import type { Services } from '../services.ts';
import { setRoute } from './turn.ts';
import { safeError } from '../log.ts';

export type App = Application<TurnState>;

/**
 * Registers a card action (Action.Execute verb). The returned card replaces the card the user
 * clicked. A failure answers with a Dutch error card instead of Teams' "Something went wrong".
 */
export function onCardAction<T = Record<string, unknown>>(
  app: App,
  services: Services,
  verb: string | RegExp,
  handler: (context: TurnContext, data: T) => Promise<AdaptiveCardJson>,
): void {
  app.adaptiveCards.actionExecute<T>(verb, async (context, _state, data) => {
    setRoute(context, typeof verb === 'string' ? verb : 'unknownAction');
    try {
      return await handler(context, (data ?? {}) as T);
    } catch (err) {
      services.logger.error({ err: safeError(err), route: String(verb) }, 'card action failed');
      return noticeCard({
        title: 'Er ging iets mis',
        tone: 'attention',
        paragraphs: [
          'Er is niets half opgeslagen, maar het kan zijn dat uw actie niet is verwerkt. Kijk via "Mijn aanvragen" (of "Bijwerken" op de kaart) hoe het ervoor staat voordat u het opnieuw probeert.',
          'Lukt het dan nog niet? Neem contact op met het SOT-bureau.',
        ],
      }) as AdaptiveCardJson;
    }
  });
}

/** Registers a typed command (message text), e.g. "help" or "koppel". */
export function onCommand(
  app: App,
  route: string,
  pattern: RegExp,
  handler: (context: TurnContext) => Promise<void>,
): void {
  app.message(pattern, async (context) => {
    setRoute(context, route);
    await handler(context);
  });
}
