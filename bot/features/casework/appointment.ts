// The appointment fields of Inplannen and Verzetten: a concrete date and time, and where.
import { DateTime } from 'luxon';
import type { FormInput } from '../../../cards/actionForm.ts';
import type { FormReader } from '../../domain/requests/formValues.ts';
import type { Appointment } from '../../domain/requests/record.ts';
import { formatLocalDateTime, localMoment, ZONE } from '../../domain/time.ts';
import type { CaseContext } from './act.ts';
import { choices, keys } from './actionForms.ts';
import { LABEL } from '../../domain/wording/glossary.ts';

export const PLACES = { school: 'Op school', online: LABEL.online, telefoon: 'Telefonisch', anders: 'Ander adres' } as const;

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
      choices: [...moments.map((m) => ({ value: m, title: formatLocalDateTime(m) })), { value: 'anders', title: 'Een ander moment' }],
    });
  }
  const other = withProposals && ctx.request.type === 'jes';
  inputs.push({ kind: 'date', id: 'date', label: other ? 'Ander moment: datum' : 'Datum' });
  inputs.push({ kind: 'time', id: 'time', label: other ? 'Ander moment: tijd' : 'Tijd' });
  inputs.push({ kind: 'choice', id: 'place', label: 'Plaats', expanded: true, choices: choices(PLACES) });
  inputs.push({ kind: 'text', id: 'address', label: 'Adres (bij een ander adres)', maxLength: 200 });
  return inputs;
}

export function readAppointment(ctx: CaseContext, now: Date, f: FormReader, allowProposal: boolean): Appointment | undefined {
  let date: string | undefined;
  let time: string | undefined;
  const proposal = allowProposal ? f.raw('proposal') : '';
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

/** "dinsdag 1 december 2026 om 10:00, Op school" */
export const appointmentText = (a: Appointment) => `${formatLocalDateTime(`${a.date}T${a.time}`)}, ${a.place}`;
