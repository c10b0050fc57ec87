// The request as each audience sees it: the coordinator's summary and the consultant team's channel card.
import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { aboutTail } from '../../domain/requests/aboutLine.ts';
import { button, type Button } from '../../../cards/verbs.ts';
import { requestChannelCard, requestSummaryCard, SHOW_MY_ACTIONS } from '../../../cards/requestCards.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { DateTime } from 'luxon';
import { formatDateTime, formatLocalDateTime, ZONE } from '../../domain/time.ts';
import { type Appointment, tlvRouteOpen } from '../../domain/requests/record.ts';
import { OPEN_STATUSES, type RequestStatus, type RequestType, STATUS_LABEL } from '../../domain/requests/types.ts';
import { appointmentSentence, appointmentText, PLACES, placePhrase } from '../../domain/requests/appointments.ts';
import type { Db } from '../../store/database.ts';
import { loadRequest, type RequestWithContext } from '../../store/requests.ts';
import { holidaysFor } from '../../store/holidays.ts';
import { type Holiday, holidayRegionOf } from '../../domain/schoolCalendar.ts';
import { gatekeepingFacts, historyLines, requestFacts } from './facts.ts';
import { linkFacts } from './jesLink.ts';
import { decide } from '../../domain/requests/lifecycle.ts';
import { nl } from '../../domain/wording/register.ts';

/** A thuiszitter's school holidays (for weeks absent); other requests need none. */
export async function holidaysOf(db: Db, request: RequestWithContext): Promise<Holiday[]> {
  return request.type === 'thuiszitter' ? holidaysFor(db, request.swvId, holidayRegionOf(request.school.sector)) : [];
}

async function historyOf(db: Db, request: RequestWithContext): Promise<string[]> {
  const actorIds = [...new Set(request.events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const people = await db.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return historyLines(
    request.events.map((e) => ({ at: e.at, action: e.action, note: e.note, actorName: e.actorId ? names.get(e.actorId) : undefined })),
    'coordinator',
  );
}

/**
 * What happens next, in the coordinator's words; with an appointment: when, where and who
 * ("Op donderdag 3 december 2026 om 10:00 komt Anouk Bos op school langs voor het spreekuur.").
 * `handler` is whoever picked it up, when that is not the consultant.
 */
export function nextStep(
  request: { type: RequestType; status: RequestStatus; appointment: Appointment | null },
  consultant: string,
  handler: string | undefined,
  now: Date,
): string {
  const who = handler ?? consultant;
  switch (request.status) {
    case 'new':
      return nl`Wacht tot ${consultant} de aanvraag oppakt. U kunt de aanvraag nog intrekken.`;
    case 'claimed':
      return nl`${who} neemt contact met u op.`;
    case 'planned':
      if (!request.appointment) return nl`${who} plant een afspraak met u.`;
      if (appointmentPassed(request.appointment, now))
        return `De afspraak was ${appointmentText(request.appointment)}. ${who} rondt de aanvraag af of plant een nieuwe afspraak.`;
      return appointmentSentence(request.type, request.appointment, who);
    case 'waiting':
      return nl`${who} wacht op informatie van u.`;
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
  const status = request.status;
  const holidays = await holidaysOf(db, request);
  const actions: Button[] = [
    ...(status === 'new' ? [button('Intrekken', 'request.withdraw', { requestId: request.id })] : []),
    ...((request.type === 'thuiszitter' || request.type === 'spreekuur') && OPEN_STATUSES.includes(status) && notYetNamed(request)
      ? [button('Leerling alsnog noemen', 'request.identify.form', { requestId: request.id })]
      : []),
    ...(status === 'waiting' ? [button('Vraag beantwoorden', 'request.answer.form', { requestId: request.id })] : []),
    ...(request.type === 'thuiszitter' && OPEN_STATUSES.includes(status)
      ? [button('Gegevens aanvullen', 'request.report.form', { requestId: request.id })]
      : []),
    ...(request.type === 'thuiszitter' && OPEN_STATUSES.includes(status) && !request.details.backToSchool
      ? [button('Terug naar school', 'request.back.form', { requestId: request.id })]
      : []),
    ...(OPEN_STATUSES.includes(status) && tlvRouteOpen(request)
      ? [button('TLV-verloop vastleggen', 'request.tlv.form', { requestId: request.id })]
      : []),
    ...(decide('jes', { type: request.type, status }, ['coordinator']).allowed
      ? [button('Aanmelden voor JES', 'request.jes.form', { requestId: request.id })]
      : []),
    button('Mijn aanvragen', 'mine.list'),
    button('Naar het menu', 'menu.open'),
  ];
  return requestSummaryCard({
    banner: opts.banner,
    typeLabel: REQUEST_KINDS[request.type].label,
    reference: request.reference,
    facts: [
      { label: 'Status', value: STATUS_LABEL[status] },
      { label: 'School', value: request.school.name },
      { label: 'Consulent', value: request.consultant.name },
      { label: 'Ingediend door', value: submitter(request) },
      { label: 'Volgende stap', value: nextStep(request, request.consultant.name, await handlerNameOf(db, request), now) },
      ...linkFacts(request),
      ...(await caseworkFacts(db, request)),
      ...factsOf(request, 'coordinator', now, holidays),
    ],
    history: await historyOf(db, request),
    actions,
    message: opts.message,
  });
}

/** People who get their own view of the channel card (with the buttons they may use). */
async function refreshUserIds(db: Db, request: RequestWithContext): Promise<string[]> {
  const people = await db.person.findMany({
    where: {
      active: true,
      teamsUserId: { not: null },
      OR: [
        { id: request.consultantId },
        ...(request.handlerId ? [{ id: request.handlerId }] : []),
        { isAdmin: true, swvId: request.swvId },
        ...(request.type === 'thuiszitter' ? [{ isThuiszittersteam: true, swvId: request.swvId }] : []),
      ],
    },
    select: { teamsUserId: true },
  });
  return people.map((p) => p.teamsUserId!);
}

/**
 * The pupil is not named yet: anonymous sparring, or (a thuiszitter signal from the short form) initials only,
 * which the coordinator can complete with name and birth date.
 */
const notYetNamed = (request: RequestWithContext) =>
  request.pupil?.kind === 'anonymous' ||
  (request.type === 'thuiszitter' && request.pupil?.kind === 'identified' && !request.pupil.birthDate);

/** Who filed it: the coordinator, or "… (SOT), namens <school>" for a request the SOT entered. */
const submitter = (request: RequestWithContext) =>
  request.enteredBySot ? `${request.requester.name} (SOT), namens ${request.school.name}` : request.requester.name;

/** What the consultants did so far: handler, appointment, interim agreement, open question, outcome. */
export async function caseworkFacts(db: Db, request: RequestWithContext): Promise<{ label: string; value: string }[]> {
  const facts: { label: string; value: string }[] = [];
  if (request.handlerId) {
    const handler = await db.person.findUnique({ where: { id: request.handlerId }, select: { name: true } });
    if (handler) facts.push({ label: 'Opgepakt door', value: handler.name });
  }
  const appointment = request.appointment;
  if (appointment) facts.push({ label: 'Afspraak', value: appointmentText(appointment) });
  if (request.interimAgreement) facts.push({ label: 'Tussentijds', value: request.interimAgreement });
  if (request.openQuestion) facts.push({ label: 'Open vraag aan school', value: request.openQuestion });
  facts.push(...gatekeepingFacts(request.gatekeeping));
  if (request.outcome) facts.push({ label: 'Uitkomst', value: request.outcome });
  if (request.advice) facts.push({ label: 'Advies', value: request.advice });
  return facts;
}

/** Notices on the shared card: seen by everyone in the channel, so never a free text. */
const NOTICES: Record<string, (consultant: string) => string> = {
  handover: () => 'Overgedragen. De overdrachtsnotitie staat bij de details (druk op "Mijn acties tonen").',
  unlinked: (c) =>
    `Let op: ${c} heeft nog geen kanaal gekoppeld, daarom staat deze aanvraag hier. Koppel een kanaal met "koppel ${c}" in het kanaal van de consulent.`,
  thuiszittersteam: () => 'Kopie voor het Thuiszittersteam.',
};

export interface ChannelView {
  /** Buttons for this viewer; the shared card (everyone) gets "Mijn acties tonen" and a refresh instead. */
  actions?: Button[];
  message?: string;
  /** The viewer may read the pupil details (lifecycle.ts mayReadDetails); otherwise the shared facts only. */
  details: boolean;
}

/** The request's own facts; a closed or withdrawn one as it was when it ended (weeks absent stop counting). */
function factsOf(request: RequestWithContext, audience: 'coordinator' | 'channel', now: Date, holidays: Holiday[]) {
  const ended = !(OPEN_STATUSES as readonly string[]).includes(request.status);
  const asOf = ended && request.closedAt && request.closedAt < now ? request.closedAt : now;
  return requestFacts(request, request.pupil, audience, asOf, holidays, ended);
}

const appointmentPassed = (a: Appointment, now: Date) =>
  DateTime.fromISO(`${a.date}T${a.time}`, { zone: ZONE }) <= DateTime.fromJSDate(now, { zone: ZONE });

/** The appointment without its address: the shared card says when, and whether at school, online, … */
function appointmentForEveryone(appointment: Appointment | null): { label: string; value: string }[] {
  if (!appointment) return [];
  const known: string[] = [PLACES.school, PLACES.online, PLACES.telefoon];
  const place = known.includes(appointment.place) ? placePhrase(appointment.place) : 'op een ander adres';
  return [{ label: 'Afspraak', value: `${formatLocalDateTime(`${appointment.date}T${appointment.time}`)}, ${place}` }];
}

async function handlerNameOf(db: Db, request: RequestWithContext): Promise<string | undefined> {
  if (!request.handlerId) return undefined;
  const handler = await db.person.findUnique({ where: { id: request.handlerId }, select: { name: true } });
  return handler?.name;
}

async function handlerName(db: Db, request: RequestWithContext) {
  if (!request.handlerId) return [];
  const handler = await db.person.findUnique({ where: { id: request.handlerId }, select: { name: true } });
  return handler ? [{ label: 'Opgepakt door', value: handler.name }] : [];
}

/** The last hand-over note, for those who handle the case (never on the shared card, never to the school). */
function handoverNote(request: RequestWithContext): { label: string; value: string }[] {
  const last = [...request.events].reverse().find((e) => e.action === 'handover' && e.note);
  return last?.note ? [{ label: 'Overdracht', value: last.note }] : [];
}

/**
 * The card in the channel, rendered from the current state when it is sent or updated. The shared card
 * (no `view`) is read by everyone in the channel: type, school, reference, status, who handles it and the
 * next appointment — no pupil details. Those come with the user-specific view, for those entitled only.
 */
export async function renderRequestChannelCard(db: Db, args: Record<string, unknown>, now = new Date(), view?: ChannelView) {
  const request = await loadRequest(db, String(args.requestId));
  if (!request) return null;
  const status = request.status;
  const notice = typeof args.notice === 'string' ? NOTICES[args.notice]?.(request.consultant.name) : undefined;
  const shared = !view;
  const details = view?.details === true;
  const holidays = details ? await holidaysOf(db, request) : [];
  const facts = details
    ? [
        { label: 'Status', value: STATUS_LABEL[status] },
        ...linkFacts(request),
        ...(await caseworkFacts(db, request)),
        ...handoverNote(request),
        { label: 'Ingediend', value: `${formatDateTime(request.createdAt)} door ${submitter(request)}` },
        ...factsOf(request, 'channel', now, holidays),
      ]
    : [
        { label: 'Status', value: STATUS_LABEL[status] },
        ...(await handlerName(db, request)),
        ...(OPEN_STATUSES.includes(status) ? appointmentForEveryone(request.appointment) : []),
        { label: 'Ingediend', value: `${formatDateTime(request.createdAt)} door ${submitter(request)}` },
      ];
  const card = requestChannelCard({
    actions:
      view?.actions ??
      (status === 'closed' || status === 'withdrawn' ? [] : [button(SHOW_MY_ACTIONS, 'request.refresh', { requestId: request.id })]),
    message: view?.message,
    refresh:
      shared && status !== 'closed' && status !== 'withdrawn'
        ? { verb: 'request.refresh', data: { requestId: request.id }, userIds: await refreshUserIds(db, request) }
        : undefined,
    notice,
    typeLabel: REQUEST_KINDS[request.type].label,
    reference: request.reference,
    school: request.school.name,
    // The shared card has no pupil details at all; the personal view (automatic for the consultant, the SOT office and
    // the Thuiszittersteam) names initials or "anoniem" and the question's first words.
    about: details ? aboutTail(request) : '',
    consultant: { name: request.consultant.name, aadObjectId: request.consultant.aadObjectId },
    facts,
  });
  return { card, summary: `${REQUEST_KINDS[request.type].label} ${request.reference}: ${request.school.name}` };
}
