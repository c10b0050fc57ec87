import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import type { Services } from '../../services.ts';
import { onCardAction, type App } from '../../teams/routes.ts';
import { resolveActor } from '../../teams/turn.ts';
import { isCoordinator } from '../../domain/roles.ts';
import { homeCard } from '../onboarding/welcome.ts';

const TITLES: Record<string, string> = {
  'spreekuur.start': 'Spreekuur aanvragen',
  'thuiszitter.start': 'Thuiszitter melden',
  'jes.start': 'JES-overleg plannen',
  'mine.list': 'Mijn aanvragen',
};

/** The request dialogs (spreekuur, thuiszitter, JES). Only coordinators may start them. */
export function registerRequests(app: App, services: Services): void {
  for (const [verb, title] of Object.entries(TITLES)) {
    onCardAction(app, services, verb, async (context) => {
      const actor = await resolveActor(context, services);
      if (!actor || !isCoordinator(actor)) return homeCard(services, actor, context.activity.from?.aadObjectId);
      return noticeCard({
        title,
        paragraphs: ['Dit onderdeel volgt binnenkort. Tot die tijd kunt u uw consulent zoals gewoonlijk mailen of bellen.'],
        actions: [{ title: 'Terug naar het menu', verb: 'menu.open' }],
      }) as AdaptiveCardJson;
    });
  }
}
