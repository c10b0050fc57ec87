// A thuiszitter signal as people read it: absence in school weeks, the reporting duty in one row (and the
// leerplichtambtenaar when known), the call back the coordinator asked for, and the return to school.
import type { Fact } from '../../../cards/requestCards.ts';
import { formatIsoDate } from '../../domain/time.ts';
import {
  CALLBACK_VIA,
  RETURN_EXTENT,
  THUISZITTER_KIND,
  THUISZITTER_REASONS,
  hasReportingDuty,
  type ThuiszitterInput,
  weeksAbsent,
} from '../../domain/requests/thuiszitter.ts';
import { type Pupil, URGENCY } from '../../domain/requests/types.ts';
import type { Holiday } from '../../domain/schoolCalendar.ts';
import { type Audience, pupilLine } from './pupilLine.ts';

export const weeksText = (weeks: number) => (weeks === 1 ? '1 week' : `${weeks} weken`);

export function thuiszitterFacts(
  d: Omit<ThuiszitterInput, 'pupil'>,
  pupil: Pupil | null | undefined,
  audience: Audience,
  now: Date,
  holidays: readonly Holiday[],
  /** A closed or withdrawn signal: `now` is the day it ended, and nothing is left "to do". */
  ended = false,
): Fact[] {
  const facts: Fact[] = [
    { label: 'Soort', value: THUISZITTER_KIND[d.kind] },
    { label: 'Leerling', value: pupilLine(pupil, audience) },
  ];
  if (d.urgency) facts.push({ label: 'Urgentie', value: URGENCY[d.urgency] });
  // After the retention period the call back is a removed-text marker, not an object.
  if (d.callback && typeof d.callback === 'object') facts.push({ label: 'Terugbellen', value: callbackLine(d.callback) });
  if (d.firstAbsentDate) {
    facts.push({ label: 'Eerste verzuimdag', value: formatIsoDate(d.firstAbsentDate) });
    const weeks = weeksText(weeksAbsent(d, now, holidays));
    facts.push({ label: 'Verzuim', value: `${weeks} (schoolweken, vakanties niet meegeteld)` });
  } else {
    facts.push({ label: 'Verzuim', value: 'Nog geen eerste verzuimdag' });
  }
  if (d.backToSchool)
    facts.push({
      label: 'Terug naar school',
      value: `${RETURN_EXTENT[d.backToSchool.extent]}, sinds ${formatIsoDate(d.backToSchool.date)}`,
    });
  if (d.reason) facts.push({ label: 'Reden', value: d.reason === 'anders' ? `Anders: ${d.reasonOther}` : THUISZITTER_REASONS[d.reason] });
  facts.push(...reportingDutyRow(d, now, holidays, ended));
  const r = d.reporting ?? {};
  if (r.leerplicht || r.leerplichtName)
    facts.push({
      label: 'Leerplichtambtenaar',
      value: ['Betrokken', r.leerplicht && `sinds ${formatIsoDate(r.leerplicht)}`, r.leerplichtName && `(${r.leerplichtName})`]
        .filter(Boolean)
        .join(' '),
    });
  if (d.tried) facts.push({ label: 'Al geprobeerd', value: d.tried });
  facts.push({ label: d.kind === 'dreigend' && !d.tried ? 'Zorg' : 'Vraag', value: d.question });
  return facts;
}

export const REPORTING_LABEL = 'DUO- en OT-melding';

/**
 * The reporting duty in one row: "nog te doen — 5 weken verzuim" once the duty applies, "gedaan (DUO 3 november,
 * OT 24 november)" when both are recorded, nothing while there is no duty and nothing was reported.
 */
export function reportingDutyRow(d: Omit<ThuiszitterInput, 'pupil'>, now: Date, holidays: readonly Holiday[], ended = false): Fact[] {
  const r = d.reporting ?? {};
  const duty = hasReportingDuty(d, now, holidays);
  if (!duty && !r.duo && !r.ot) return [];
  const done = [r.duo && `DUO ${dayMonth(r.duo)}`, r.ot && `OT ${dayMonth(r.ot)}`].filter(Boolean).join(', ');
  if (r.duo && r.ot) return [{ label: REPORTING_LABEL, value: `gedaan (${done})` }];
  if (!duty) return [{ label: REPORTING_LABEL, value: `deels gedaan (${done}); nog niet verplicht` }];
  const open = r.duo ? ': OT' : r.ot ? ': DUO' : '';
  const partly = done ? ` (gedaan: ${done})` : '';
  if (ended) return [{ label: REPORTING_LABEL, value: `niet vastgelegd${open}${partly}` }];
  return [{ label: REPORTING_LABEL, value: `nog te doen${open}${partly} — ${weeksText(weeksAbsent(d, now, holidays))} verzuim` }];
}

const dayMonth = (isoDate: string) =>
  formatIsoDate(isoDate)
    .replace(/^\S+ /, '')
    .replace(/ \d{4}$/, '');

function callbackLine(c: NonNullable<ThuiszitterInput['callback']>): string {
  const how = c.via === 'telefoon' && c.phone ? `${CALLBACK_VIA.telefoon} op ${c.phone}` : CALLBACK_VIA[c.via];
  return `${how}, ${formatIsoDate(c.date)}${c.time ? ` vanaf ${c.time}` : ''}`;
}
