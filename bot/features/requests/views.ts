// The request as each audience sees it: the coordinator's summary and the consultant team's channel card.
import { requestChannelCard, requestSummaryCard } from '../../../cards/requestCards.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { formatDateTime } from '../../domain/time.ts';
import { REQUEST_TYPE_LABEL, STATUS_LABEL, type Pupil, type RequestStatus, type RequestType } from '../../domain/requests/types.ts';
import type { Db } from '../../store/database.ts';
import { loadRequest, type RequestWithContext } from '../../store/requests.ts';
import { historyLines, requestFacts, requestWarnings } from './present.ts';

const EVENT_LABEL: Record<string, string> = { submitted: 'verstuurd', withdrawn: 'ingetrokken' };

async function historyOf(db: Db, request: RequestWithContext): Promise<string[]> {
  const actorIds = [...new Set(request.events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const people = await db.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return historyLines(
    request.events.map((e) => ({ at: e.at, action: EVENT_LABEL[e.action] ?? e.action, note: e.note, actorName: e.actorId ? names.get(e.actorId) : undefined })),
  ).map((line) => line.replace(/^(.*?): (\w)/, (_m, d: string, c: string) => `${d}: ${c.toUpperCase()}`));
}

/** What happens next, in the coordinator's words. */
export function nextStep(status: RequestStatus, consultant: string): string {
  switch (status) {
    case 'new':
      return `Wacht tot ${consultant} de aanvraag oppakt. U kunt hem nog intrekken.`;
    case 'claimed':
      return `${consultant} neemt contact met u op.`;
    case 'planned':
      return 'Er is een afspraak gepland.';
    case 'waiting':
      return `${consultant} wacht op informatie van u.`;
    case 'closed':
    case 'withdrawn':
      return 'Afgesloten.';
  }
}

export async function coordinatorSummary(
  db: Db,
  request: RequestWithContext,
  now: Date,
  opts: { banner?: string; message?: string } = {},
): Promise<AdaptiveCardJson> {
  const status = request.status as RequestStatus;
  const actions = [
    ...(status === 'new' ? [{ title: 'Intrekken', verb: 'request.withdraw', data: { requestId: request.id } }] : []),
    { title: 'Mijn aanvragen', verb: 'mine.list' },
    { title: 'Naar het menu', verb: 'menu.open' },
  ];
  return requestSummaryCard({
    banner: opts.banner,
    typeLabel: REQUEST_TYPE_LABEL[request.type as RequestType],
    reference: request.reference,
    facts: [
      { label: 'Status', value: STATUS_LABEL[status] },
      { label: 'School', value: request.school.name },
      { label: 'Consulent', value: request.consultant.name },
      { label: 'Ingediend door', value: request.requester.name },
      { label: 'Volgende stap', value: nextStep(status, request.consultant.name) },
      ...requestFacts(request.type as RequestType, request.details as Record<string, unknown>, request.pupil as Pupil | null, 'coordinator', now),
    ],
    warnings: status === 'new' || status === 'claimed' || status === 'planned' || status === 'waiting' ? requestWarnings(request.type as RequestType, request.details as Record<string, unknown>, now) : [],
    history: await historyOf(db, request),
    actions,
    message: opts.message,
  });
}

const NOTICES: Record<string, (consultant: string) => string> = {
  unlinked: (c) => `Let op: ${c} heeft nog geen kanaal gekoppeld, daarom staat deze aanvraag hier. Koppel een kanaal met "koppel ${c}" in het kanaal van de consulent.`,
  thuiszittersteam: () => 'Kopie voor het Thuiszittersteam.',
};

/** The card in the channel, rendered from the current state when it is sent or updated. */
export async function renderRequestChannelCard(db: Db, args: Record<string, unknown>, now = new Date()) {
  const request = await loadRequest(db, String(args.requestId));
  if (!request) return null;
  const status = request.status as RequestStatus;
  const notice = typeof args.notice === 'string' ? NOTICES[args.notice]?.(request.consultant.name) : undefined;
  const card = requestChannelCard({
    notice,
    typeLabel: REQUEST_TYPE_LABEL[request.type as RequestType],
    reference: request.reference,
    school: request.school.name,
    consultant: { name: request.consultant.name, aadObjectId: request.consultant.aadObjectId },
    facts: [
      { label: 'Status', value: STATUS_LABEL[status] },
      { label: 'Ingediend', value: `${formatDateTime(request.createdAt)} door ${request.requester.name}` },
      ...requestFacts(request.type as RequestType, request.details as Record<string, unknown>, request.pupil as Pupil | null, 'channel', now),
    ],
    warnings: status === 'closed' || status === 'withdrawn' ? [] : requestWarnings(request.type as RequestType, request.details as Record<string, unknown>, now),
  });
  return { card, summary: `${REQUEST_TYPE_LABEL[request.type as RequestType]} ${request.reference}: ${request.school.name}` };
}
