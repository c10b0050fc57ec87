// Who may see which overview, and the friendly refusal for everyone else. Checked on every view (typed
// word, button, page, filter): a card's data never grants anything.
import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { type Button, button } from '../../../cards/verbs.ts';
import { isCoordinator, type Actor } from '../../domain/roles.ts';
import { nl } from '../../domain/wording/register.ts';

export type Overview = 'cases' | 'thuiszitters' | 'office';

/**
 * - "mijn casussen": consultants (their own cases), and Thuiszittersteam members (the signals they picked up);
 * - "thuiszitters": the Thuiszittersteam and the SOT office;
 * - "overzicht" (counts per consultant): the SOT office.
 */
export function mayView(actor: Actor, overview: Overview): boolean {
  switch (overview) {
    case 'cases':
      return actor.isConsultant || actor.isThuiszittersteam;
    case 'thuiszitters':
      return actor.isThuiszittersteam || actor.isAdmin;
    case 'office':
      return actor.isAdmin;
  }
}

const NAME: Record<Overview, string> = {
  cases: '"Mijn casussen"',
  thuiszitters: 'Het overzicht van thuiszitters',
  office: 'Het overzicht per consulent',
};

const FOR_WHOM: Record<Overview, string> = {
  cases: 'is voor consulenten van het SOT en het Thuiszittersteam: de aanvragen die zij zelf behandelen.',
  thuiszitters: 'is voor het Thuiszittersteam en het SOT-bureau.',
  office: 'is voor het SOT-bureau.',
};

/** The overviews this person may open, as buttons (for the home card and the refusals). */
export function overviewButtons(actor: Actor): Button[] {
  return [
    ...(mayView(actor, 'cases') ? [button('Mijn casussen', 'overview.cases', {})] : []),
    ...(mayView(actor, 'thuiszitters') ? [button('Thuiszitters', 'overview.thuiszitters', {})] : []),
    ...(mayView(actor, 'office') ? [button('Overzicht per consulent', 'overview.office', {})] : []),
  ];
}

/** Why not, and where to go instead: a coordinator to their own requests (or to report a thuiszitter). */
export function refusal(actor: Actor | null, overview: Overview): AdaptiveCardJson {
  if (!actor) {
    return noticeCard({
      title: 'Dit overzicht is voor het SOT',
      tone: 'attention',
      paragraphs: [nl`${NAME[overview]} ${FOR_WHOM[overview]} U staat nog niet in de organisatielijst van de SOT-bot.`],
      actions: [button('Naar het menu', 'menu.open')],
    }) as AdaptiveCardJson;
  }
  const paragraphs = [`${NAME[overview]} ${FOR_WHOM[overview]}`];
  const actions: Button[] = [];
  if (isCoordinator(actor)) {
    paragraphs.push(nl`Uw eigen aanvragen, en hoe het ervoor staat, vindt u onder "Mijn aanvragen".`);
    if (overview === 'thuiszitters') {
      paragraphs.push(nl`Wilt u een leerling melden die thuiszit of dreigt thuis te komen zitten? Kies "Thuiszitter melden".`);
      actions.push(button('Thuiszitter melden', 'thuiszitter.start', {}));
    }
    actions.push(button('Mijn aanvragen', 'mine.list'));
  }
  const others = overviewButtons(actor);
  if (others.length) paragraphs.push(nl`Dit kunt u wel bekijken:`);
  actions.push(...others, button('Naar het menu', 'menu.open'));
  return noticeCard({ title: nl`Dit overzicht kunt u niet openen`, tone: 'attention', paragraphs, actions }) as AdaptiveCardJson;
}
