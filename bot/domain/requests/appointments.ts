// An appointment in words: where it is (a choice title "Op school", or mid-sentence "op school"), and what
// happens next ("Op donderdag 3 december 2026 om 10:00 komt Anouk Bos op school langs voor het spreekuur.").
import { DateTime } from 'luxon';
import { LABEL } from '../wording/glossary.ts';
import { nl } from '../wording/register.ts';
import { formatLocalDateTime, ZONE } from '../time.ts';
import type { Appointment } from './record.ts';
import type { RequestType } from './types.ts';
import { DAY_PARTS, type PreferredMoment } from './spreekuur.ts';

/** The places a consultant chooses from (choice titles); "anders" stores the address typed. */
export const PLACES = { school: LABEL.onSchool, online: LABEL.online, telefoon: LABEL.phone, anders: LABEL.otherAddress } as const;

type Where = 'school' | 'online' | 'telefoon' | 'adres';

function whereOf(place: string): Where {
  if (place === PLACES.school) return 'school';
  if (place === PLACES.online) return 'online';
  if (place === PLACES.telefoon) return 'telefoon';
  return 'adres';
}

/** The place mid-sentence: "op school", "online (Teams)", "telefonisch", "op Kerkstraat 1, Utrecht". */
export function placePhrase(place: string): string {
  const where = whereOf(place);
  if (where === 'school') return 'op school';
  if (where === 'online') return 'online (Teams)';
  if (where === 'telefoon') return 'telefonisch';
  return `op ${place}`;
}

/** "dinsdag 1 december 2026 om 10:00, op school" */
export const appointmentText = (a: Appointment) => `${formatLocalDateTime(`${a.date}T${a.time}`)}, ${placePhrase(a.place)}`;

/** What the appointment is for, mid-sentence. */
const PURPOSE: Record<RequestType, string> = {
  spreekuur: 'het spreekuur',
  thuiszitter: 'een gesprek over de thuiszittermelding',
  jes: 'het JES-overleg',
  advies: 'een gesprek over de adviesvraag',
  kijkOpSchool: 'Kijk op School',
};

/**
 * What happens next, for the school: date, time, place and who. `who` is the consultant (or whoever picked it up).
 * "Op donderdag 3 december 2026 om 10:00 komt Anouk Bos op school langs voor het spreekuur."
 */
export function appointmentSentence(type: RequestType, a: Appointment, who: string): string {
  const when = `Op ${formatLocalDateTime(`${a.date}T${a.time}`)}`;
  const where = whereOf(a.place);
  if (type === 'jes') {
    if (where === 'online') return `${when} is ${PURPOSE.jes} online (Teams), met ${who}.`;
    if (where === 'telefoon') return `${when} is ${PURPOSE.jes} telefonisch, met ${who}.`;
    return `${when} is ${PURPOSE.jes} ${placePhrase(a.place)}, met ${who}.`;
  }
  if (where === 'online') return nl`${when} spreekt u ${who} online (Teams) voor ${PURPOSE[type]}.`;
  if (where === 'telefoon') return nl`${when} belt ${who} u voor ${PURPOSE[type]}.`;
  if (where === 'school') return `${when} komt ${who} op school langs voor ${PURPOSE[type]}.`;
  return nl`${when} ziet u ${who} ${placePhrase(a.place)} voor ${PURPOSE[type]}.`;
}

/** The clock time a part of the day starts at, to pre-fill a preferred moment. */
export const DAY_PART_TIME: Record<keyof typeof DAY_PARTS, string> = { ochtend: '09:00', middag: '13:00' };

/** "dinsdag 1 december 2026, ochtend" */
export const preferredMomentText = (m: PreferredMoment) =>
  `${DateTime.fromISO(m.date, { zone: ZONE }).setLocale('nl').toFormat('cccc d MMMM yyyy')}, ${DAY_PARTS[m.dayPart].toLowerCase()}`;

/**
 * The first preferred moment (in the school's order) still to come: its day part has not started yet (a morning on today's date
 * has passed at 09:00). Null when there are none or all have passed.
 */
export function firstFutureMoment(moments: PreferredMoment[], now: Date): { date: string; time: string } | null {
  const at = DateTime.fromJSDate(now, { zone: ZONE });
  const first = moments
    .map((m) => ({ date: m.date, time: DAY_PART_TIME[m.dayPart] }))
    .find((m) => DateTime.fromISO(`${m.date}T${m.time}`, { zone: ZONE }) > at);
  return first ?? null;
}

/** An appointment still to come (closing now means it does not take place). */
export function appointmentAhead(a: Appointment | null | undefined, now: Date): boolean {
  return !!a && DateTime.fromISO(`${a.date}T${a.time}`, { zone: ZONE }) > DateTime.fromJSDate(now, { zone: ZONE });
}
