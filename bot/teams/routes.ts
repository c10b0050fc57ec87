import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/render.ts';
import { noticeCard } from '../../cards/notice.ts';
import type { Incoming, Verb } from '../../cards/verbs.ts';
import type { Services } from '../services.ts';
import { setRoute } from './turn.ts';
import { safeError } from '../log.ts';
import { UNAVAILABLE_TEXT } from './unavailable.ts';
import { nl } from '../domain/wording/register.ts';

export type App = Application<TurnState>;

/**
 * Where a route answers. Pupil data only in the personal chat (coordinators' dialogs and requests) or,
 * for SOT casework, on the channel cards, whose answers Teams shows to the clicker alone. Never in a
 * group chat, where everyone reads along.
 */
export type Where = 'personal' | 'personalOrChannel' | 'anywhere';

export function placeOf(context: TurnContext): 'personal' | 'channel' | 'groupChat' {
  const c = context.activity.conversation;
  if (c?.conversationType === 'channel') return 'channel';
  if (c?.conversationType === 'groupChat' || (c?.conversationType !== 'personal' && c?.isGroup)) return 'groupChat';
  return 'personal';
}

function allowedHere(context: TurnContext, where: Where): boolean {
  const place = placeOf(context);
  return where === 'anywhere' || place === 'personal' || (where === 'personalOrChannel' && place === 'channel');
}

export const ONLY_PERSONAL_TEXT = nl`Dit kan alleen in uw eigen chat met de SOT-bot, zodat niemand anders meeleest. Open de chat met de SOT-bot (in Teams onder Chat of Apps) en probeer het daar.`;

function elsewhereCard(): AdaptiveCardJson {
  return noticeCard({ title: nl`Liever in uw eigen chat`, tone: 'attention', paragraphs: [ONLY_PERSONAL_TEXT] }) as AdaptiveCardJson;
}

const verbsOf = new WeakMap<App, Set<Verb>>();
function registered(app: App): Set<Verb> {
  const verbs = verbsOf.get(app) ?? new Set<Verb>();
  verbsOf.set(app, verbs);
  return verbs;
}

/** The verbs that have a route in this app (the verb module's completeness is checked against it). */
export const registeredVerbs = (app: App): ReadonlySet<Verb> => registered(app);

/**
 * Registers a card action (Action.Execute verb). The returned card replaces the card the user
 * clicked. A failure answers with a Dutch error card instead of Teams' "Something went wrong".
 */
export function onCardAction<V extends Verb>(
  app: App,
  services: Services,
  verb: V,
  where: Where,
  handler: (context: TurnContext, data: Incoming<V>) => Promise<AdaptiveCardJson>,
): void {
  registered(app).add(verb);
  app.adaptiveCards.actionExecute<Incoming<V>>(verb, async (context, _state, data) => {
    setRoute(context, verb);
    if (!allowedHere(context, where)) {
      setRoute(context, `${verb}:elsewhere`);
      return elsewhereCard();
    }
    try {
      const fields: Incoming<V> = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
      return await handler(context, fields);
    } catch (err) {
      if (!(await services.databaseAvailable())) {
        services.logger.warn({ err: safeError(err), route: String(verb) }, 'card action while the database is unavailable');
        return noticeCard({ title: 'Probeer het zo opnieuw', tone: 'warning', paragraphs: [UNAVAILABLE_TEXT] }) as AdaptiveCardJson;
      }
      services.logger.error({ err: safeError(err), route: String(verb) }, 'card action failed');
      return noticeCard({
        title: 'Er ging iets mis',
        tone: 'attention',
        paragraphs: [
          nl`Er is niets half opgeslagen, maar het kan zijn dat uw actie niet is verwerkt. Kijk via "Mijn aanvragen" (of "Mijn acties tonen" op de kaart) hoe het ervoor staat voordat u het opnieuw probeert.`,
          'Lukt het dan nog niet? Neem contact op met het SOT-bureau.',
        ],
      }) as AdaptiveCardJson;
    }
  });
}

/** A button on an old card whose verb no longer exists (registered last, so it only catches the rest). */
export function onUnknownCardAction(app: App, answer: () => AdaptiveCardJson): void {
  app.adaptiveCards.actionExecute(/.*/, async (context) => {
    setRoute(context, 'unknownAction');
    return answer();
  });
}

/** Registers a typed command (message text), e.g. "help" or "koppel". */
export function onCommand(app: App, route: string, pattern: RegExp, where: Where, handler: (context: TurnContext) => Promise<void>): void {
  app.message(pattern, async (context) => {
    setRoute(context, route);
    if (!allowedHere(context, where)) {
      setRoute(context, `${route}:elsewhere`);
      await context.sendActivity(ONLY_PERSONAL_TEXT);
      return;
    }
    await handler(context);
  });
}
