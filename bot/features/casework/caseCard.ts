import { button, type Verb } from '../../../cards/verbs.ts';
import { tlvRouteOpen } from '../../domain/requests/record.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { allowedActions, mayReadDetails, type RequestAction, type RequestRole } from '../../domain/requests/lifecycle.ts';
import type { Services } from '../../services.ts';
import type { RequestWithContext } from '../../store/requests.ts';
import { renderRequestChannelCard } from '../requests/views.ts';
import { nl } from '../../domain/wording/register.ts';

type ButtonVerb = Extract<Verb, 'request.claim' | `request.${string}.form`>;
const BUTTONS: Partial<Record<RequestAction, { title: string; verb: ButtonVerb }>> = {
  claim: { title: 'Oppakken', verb: 'request.claim' },
  plan: { title: 'Inplannen', verb: 'request.plan.form' },
  move: { title: 'Verzetten', verb: 'request.move.form' },
  ask: { title: 'Vraag stellen', verb: 'request.ask.form' },
  handover: { title: 'Overdragen', verb: 'request.handover.form' },
  close: { title: 'Afronden', verb: 'request.close.form' },
  report: { title: 'Gegevens aanvullen', verb: 'request.report.form' },
  back: { title: 'Terug naar school', verb: 'request.back.form' },
  advise: { title: 'Advies geven', verb: 'request.advise.form' },
  tlv: { title: 'TLV-verloop vastleggen', verb: 'request.tlv.form' },
  visit: { title: 'Kijk op School voorstellen', verb: 'request.visit.form' },
  jes: { title: 'Aanmelden voor JES', verb: 'request.jes.form' },
};

const NO_DETAILS = nl`U ziet alleen de algemene gegevens: de details van deze aanvraag zijn voor de consulent, het SOT-bureau en (bij thuiszitters) het Thuiszittersteam.`;

/** The channel card as this person sees it: details and the buttons they may use, or the shared facts only. */
export async function caseCardFor(
  services: Services,
  request: RequestWithContext,
  roles: RequestRole[],
  message?: string,
): Promise<AdaptiveCardJson> {
  const type = request.type;
  const details = mayReadDetails({ type }, roles);
  const allowed = allowedActions({ type, status: request.status }, roles);
  const actions = allowed.flatMap((a) => {
    const hidden =
      (a === 'tlv' && !tlvRouteOpen(request)) || (a === 'back' && request.type === 'thuiszitter' && !!request.details.backToSchool);
    const b = hidden ? undefined : BUTTONS[a];
    return b ? [button(b.title, b.verb, { requestId: request.id })] : [];
  });
  const why = actions.length ? [] : [noActionsReason(request, roles)];
  const rendered = await renderRequestChannelCard(services.db, { requestId: request.id }, services.now(), {
    actions,
    message: message ?? ([...why, ...(details ? [] : [NO_DETAILS])].join(' ') || undefined),
    details,
  });
  return rendered!.card;
}

/** One line for someone who pressed "Mijn acties tonen" and may do nothing here: why not. */
export function noActionsReason(
  request: Pick<RequestWithContext, 'type' | 'status' | 'consultant'>,
  roles: readonly RequestRole[],
): string {
  const type = request.type;
  if (request.status === 'closed' || request.status === 'withdrawn') return 'Deze aanvraag is afgesloten: er valt niets meer aan te doen.';
  const only =
    type === 'thuiszitter'
      ? `Alleen de consulent van deze school (${request.consultant.name}) of het Thuiszittersteam kan deze melding behandelen.`
      : `Alleen de consulent van deze school (${request.consultant.name}) kan deze aanvraag behandelen.`;
  if (roles.includes('coordinator') && !roles.includes('assignee')) return nl`${only} U volgt de aanvraag via "Mijn aanvragen".`;
  if (!roles.includes('assignee') && !roles.includes('admin') && !(type === 'thuiszitter' && roles.includes('thuiszittersteam')))
    return only;
  return nl`Op dit moment is er voor u niets te doen aan deze aanvraag; ${request.consultant.name} is de consulent.`;
}
