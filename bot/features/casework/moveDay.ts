// Verzetten van een hele dag: a consultant who cannot come (illness, no school visits) moves all their
// appointments of a day or a few days in one card. Each appointment gets its own concrete new moment;
// one reason and one interim agreement go for all; each school hears about its own appointment.
import crypto from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { actionFormCard, type FormInput } from '../../../cards/actionForm.ts';
import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import { formatIsoDate, formatLocalDateTime, localMoment, ZONE } from '../../domain/time.ts';
import type { Services } from '../../services.ts';
import { plannedRequestsOf } from '../../store/requestQueries.ts';
import { loadRequest } from '../../store/requests.ts';
import { resolveActor } from '../../teams/turn.ts';
import { rolesOf } from './act.ts';
import { appointmentText } from '../../domain/requests/appointments.ts';
import { moveAppointment } from './planning.ts';
import { nl } from '../../domain/wording/register.ts';

/** At most this many days at once: a longer absence is a hand-over, not a move. */
const MAX_DAYS = 14;
const MAX_APPOINTMENTS = 20;

const notice = (title: string, text: string) =>
  noticeCard({ title, tone: 'attention', paragraphs: [text], actions: [{ title: 'Help', verb: 'menu.help' }] }) as AdaptiveCardJson;

async function consultantOf(context: TurnContext, services: Services) {
  const actor = await resolveActor(context, services);
  return actor && (actor.isConsultant || actor.isThuiszittersteam) ? actor : null;
}

function periodForm(values: Record<string, string> = {}, errors: Record<string, string> = {}) {
  return actionFormCard({
    title: 'Afspraken van een dag verzetten',
    subtitle: nl`Kunt u niet komen (ziek, geen schoolbezoeken)? Verzet al uw afspraken van die dag(en) in één keer.`,
    inputs: [
      { kind: 'date', id: 'from', label: 'Van', required: true },
      { kind: 'date', id: 'to', label: 'Tot en met (leeg: alleen die dag)' },
    ],
    values,
    errors,
    submit: { title: 'Afspraken tonen', verb: 'casework.moveDay.form', data: { step: 'period' } },
    cancel: { verb: 'menu.open', data: {} },
  });
}

function readPeriod(data: Record<string, unknown>, now: Date) {
  const f = new FormReader(data, now);
  const from = f.date('from', { required: 'Vul de eerste dag in.', notInPast: true, label: 'Van' });
  const to = f.date('to', { notInPast: true, label: 'Tot en met' }) ?? from;
  if (from && to && to < from) f.fail('to', 'De laatste dag ligt vóór de eerste.');
  if (from && to && DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days >= MAX_DAYS)
    f.fail('to', nl`Kies hooguit ${MAX_DAYS} dagen; bij een langere afwezigheid kunt u aanvragen beter overdragen.`);
  return { f, from, to };
}

async function appointmentsIn(services: Services, personId: string, from: string, to: string) {
  const planned = await plannedRequestsOf(services.db, personId);
  return planned
    .filter((r) => r.appointment && r.appointment.date >= from && r.appointment.date <= to)
    .sort((a, b) => `${a.appointment!.date}T${a.appointment!.time}`.localeCompare(`${b.appointment!.date}T${b.appointment!.time}`))
    .slice(0, MAX_APPOINTMENTS);
}

function movesForm(
  list: Awaited<ReturnType<typeof appointmentsIn>>,
  period: { from: string; to: string },
  values: Record<string, string> = {},
  errors: Record<string, string> = {},
) {
  const inputs: FormInput[] = [];
  for (const r of list) {
    const now = appointmentText(r.appointment!);
    inputs.push({ kind: 'date', id: `date_${r.id}`, label: `${r.reference} (${r.school.name}, nu ${now}): nieuwe datum`, required: true });
    inputs.push({ kind: 'time', id: `time_${r.id}`, label: `${r.reference}: nieuwe tijd`, required: true });
  }
  inputs.push({ kind: 'text', id: 'reason', label: 'Reden van verzetten (voor alle afspraken)', maxLength: 500, required: true });
  inputs.push({
    kind: 'text',
    id: 'interim',
    label: 'Wat kan er tussentijds gebeuren, en door wie? (voor alle)',
    multiline: true,
    maxLength: 1000,
    required: true,
  });
  const days =
    period.from === period.to ? formatIsoDate(period.from) : `${formatIsoDate(period.from)} tot en met ${formatIsoDate(period.to)}`;
  return actionFormCard({
    title: 'Afspraken verzetten',
    subtitle: `${list.length} ${list.length === 1 ? 'afspraak' : 'afspraken'} op ${days}`,
    intro:
      'Elke afspraak krijgt een concrete nieuwe datum en tijd; de plaats blijft gelijk. Elke school hoort alleen over de eigen afspraak.',
    inputs,
    values,
    errors,
    submit: {
      title: 'Alles verzetten',
      verb: 'casework.moveDay',
      data: { ...period, requestIds: list.map((r) => r.id), formId: crypto.randomUUID() },
    },
    cancel: { verb: 'menu.open', data: {} },
  });
}

/** Step 1: which day(s); step 2 (after "Afspraken tonen"): the appointments of those days, each with a new moment. */
export async function moveDayForm(context: TurnContext, services: Services, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const actor = await consultantOf(context, services);
  if (!actor)
    return notice('Alleen voor consulenten', 'Afspraken in één keer verzetten kan alleen een consulent, voor de eigen afspraken.');
  if (data.step !== 'period') return periodForm();
  const { f, from, to } = readPeriod(data, services.now());
  const typed = { from: String(data.from ?? ''), to: String(data.to ?? '') };
  if (!f.ok || !from || !to) return periodForm(typed, f.errors);
  const list = await appointmentsIn(services, actor.personId, from, to);
  if (!list.length) return periodForm(typed, { from: nl`U heeft in die periode geen geplande afspraken.` });
  return movesForm(list, { from, to });
}

/** "Alles verzetten": every new moment is checked first; then each appointment is moved on its own. */
export async function moveDay(context: TurnContext, services: Services, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const actor = await consultantOf(context, services);
  if (!actor)
    return notice('Alleen voor consulenten', 'Afspraken in één keer verzetten kan alleen een consulent, voor de eigen afspraken.');
  const now = services.now();
  const period = { from: String(data.from ?? ''), to: String(data.to ?? '') };
  const asked = Array.isArray(data.requestIds) ? data.requestIds.filter((id): id is string => typeof id === 'string') : [];
  // The card's list is only a hint: the appointments are looked up again, and only the consultant's own count.
  const list = (await appointmentsIn(services, actor.personId, period.from, period.to)).filter((r) => asked.includes(r.id));
  if (!list.length) return notice('Niets te verzetten', 'Deze afspraken zijn al verzet of afgerond. Er is niets gewijzigd.');
  const f = new FormReader(data, now);
  const moments = list.map((r) => {
    const date = f.date(`date_${r.id}`, { required: 'Vul de nieuwe datum in.', notInPast: true, label: 'Nieuwe datum' });
    const time = f.time(`time_${r.id}`, { required: 'Vul de nieuwe tijd in.', label: 'Nieuwe tijd' });
    const at = date && time ? localMoment(date, time) : null;
    if (date && time && !at) f.fail(`time_${r.id}`, `${time} bestaat niet op die dag (de klok gaat vooruit). Kies een andere tijd.`);
    else if (at && at <= DateTime.fromJSDate(now, { zone: ZONE })) f.fail(`time_${r.id}`, 'Dit moment ligt in het verleden.');
    return date && time ? { date, time, place: r.appointment!.place } : undefined;
  });
  const reason = f.text('reason', { required: 'Vul de reden in.', max: 500, label: 'Reden' });
  const interim = f.text('interim', {
    required: 'Spreek af wat er tussentijds gebeurt, en door wie.',
    max: 1000,
    label: 'Tussentijdse afspraak',
  });
  const typed = Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === 'string') as [string, string][]);
  if (!f.ok) return movesForm(list, period, typed, f.errors);

  const formId = typeof data.formId === 'string' ? data.formId.slice(0, 80) : undefined;
  const lines: string[] = [];
  for (const [i, listed] of list.entries()) {
    const request = await loadRequest(services.db, listed.id);
    if (!request) continue;
    const ctx = { actor, request, roles: rolesOf(actor, request) };
    const outcome = await moveAppointment(services, ctx, moments[i]!, reason, interim, formId && `${formId}:${request.id}`);
    const when = `${formatLocalDateTime(`${moments[i]!.date}T${moments[i]!.time}`)}`;
    lines.push(
      outcome.ok
        ? `${request.reference} (${request.school.name}): verzet naar ${when}.`
        : `${request.reference}: niet verzet. ${outcome.message}`,
    );
  }
  return noticeCard({ title: 'Afspraken verzet', tone: 'good', paragraphs: [...lines, `Tussentijds: ${interim}`] }) as AdaptiveCardJson;
}
