// The appointment fields of Inplannen and Verzetten: a concrete date and time, and where. Inplannen shows
// the moments the school asked for and starts from the first one still to come.
import { DateTime } from 'luxon';
import type { Fact } from '../../../cards/requestCards.ts';
import type { FormInput } from '../../../cards/actionForm.ts';
import { firstFutureMoment, PLACES, preferredMomentText } from '../../domain/requests/appointments.ts';
import type { FormReader } from '../../domain/requests/formValues.ts';
import type { Appointment } from '../../domain/requests/record.ts';
import { formatLocalDateTime, localMoment, ZONE } from '../../domain/time.ts';
import type { CaseContext } from './act.ts';
import { choices, keys } from './actionForms.ts';

export { appointmentText, PLACES } from '../../domain/requests/appointments.ts';

/** The moments a JES-overleg request proposed, if this is one. */
const proposedMoments = (ctx: CaseContext) => (ctx.request.type === 'jes' ? ctx.request.details.moments : []);

export function appointmentInputs(ctx: CaseContext, withProposals: boolean): FormInput[] {
  const inputs: FormInput[] = [];
  const moments = withProposals ? proposedMoments(ctx) : [];
  if (moments.length) {
    inputs.push({
      kind: 'choice',
      id: 'proposal',
      label: 'Voorgesteld moment',
      expanded: true,
      required: true,
      choices: [...moments.map((m) => ({ value: m, title: formatLocalDateTime(m) })), { value: 'anders', title: 'Een ander moment' }],
    });
  }
  const other = withProposals && ctx.request.type === 'jes';
  // With proposals, date and time are needed only for "Een ander moment": the server checks that.
  inputs.push({ kind: 'date', id: 'date', label: other ? 'Ander moment: datum' : 'Datum', required: !other });
  inputs.push({ kind: 'time', id: 'time', label: other ? 'Ander moment: tijd' : 'Tijd', required: !other });
  inputs.push({ kind: 'choice', id: 'place', label: 'Plaats', expanded: true, required: true, choices: choices(PLACES) });
  inputs.push({ kind: 'text', id: 'address', label: 'Adres (bij een ander adres)', maxLength: 200 });
  return inputs;
}

/** The preferred moments of a spreekuur or Kijk op School, shown above the form ("Voorkeur van de school"). */
export function preferredMomentFacts(ctx: CaseContext): Fact[] {
  const { request } = ctx;
  if (request.type === 'spreekuur' || request.type === 'kijkOpSchool') {
    const moments = request.details.moments;
    return moments.length ? [{ label: 'Voorkeur van de school', value: moments.map(preferredMomentText).join('; ') }] : [];
  }
  // A JES-overleg's proposed moments are the choices of "Voorgesteld moment" themselves.
  return [];
}

/** How the school would like to talk, as a place key (a spreekuur in Teams is online; a JES-overleg's location). */
function preferredPlace(ctx: CaseContext): keyof typeof PLACES | '' {
  const { request } = ctx;
  if (request.type === 'spreekuur')
    return ({ school: 'school', teams: 'online', telefoon: 'telefoon' } as const)[request.details.form] ?? '';
  if (request.type === 'jes') return request.details.location;
  if (request.type === 'kijkOpSchool') return 'school';
  return '';
}

/**
 * The values Inplannen starts with: the first preferred moment still to come (a part of the day starts at
 * 09:00 or 13:00), or for a JES-overleg the first proposed moment still to come; and the place the school
 * asked for. Nothing when every moment has passed.
 */
export function planDefaults(ctx: CaseContext, now: Date): Record<string, string> {
  const { request } = ctx;
  const values: Record<string, string> = {};
  const place = preferredPlace(ctx);
  if (place) values.place = place;
  if (request.type === 'jes') {
    const at = DateTime.fromJSDate(now, { zone: ZONE });
    const first = request.details.moments.find((m) => DateTime.fromISO(m, { zone: ZONE }) > at);
    if (first) values.proposal = first;
    if (place === 'anders') values.address = request.details.address;
  }
  if (request.type === 'spreekuur' || request.type === 'kijkOpSchool') {
    const first = firstFutureMoment(request.details.moments, now);
    if (first) Object.assign(values, first);
  }
  return values;
}

export function readAppointment(ctx: CaseContext, now: Date, f: FormReader, allowProposal: boolean): Appointment | undefined {
  let date: string | undefined;
  let time: string | undefined;
  // A date typed under "Ander moment" wins over the proposal the form started with.
  const proposal = allowProposal && !f.raw('date') ? f.raw('proposal') : '';
  if (proposal && proposal !== 'anders') {
    if (!proposedMoments(ctx).includes(proposal)) f.fail('proposal', 'Kies een van de voorgestelde momenten.');
    else [date, time] = proposal.split('T');
  } else {
    date = f.date('date', { required: 'Vul de datum in.', notInPast: true, label: 'Datum' });
    time = f.time('time', { required: 'Vul de tijd in.', label: 'Tijd' });
  }
  if (date && time) {
    const at = localMoment(date, time);
    if (!at) f.fail('time', `${time} bestaat niet op die dag: de klok gaat dan een uur vooruit. Kies een andere tijd.`);
    else if (at <= DateTime.fromJSDate(now, { zone: ZONE })) f.fail(proposal ? 'proposal' : 'time', 'Dit moment ligt in het verleden.');
  }
  const place = f.choice('place', keys(PLACES), { required: 'Kies waar de afspraak is.' });
  const address = f.text('address', { max: 200, label: 'Adres' });
  if (place === 'anders' && !address) f.fail('address', 'Vul het adres in.');
  return date && time && place ? { date, time, place: place === 'anders' ? address : PLACES[place] } : undefined;
}
