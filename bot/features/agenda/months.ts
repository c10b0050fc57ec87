// The agenda card's months: which months may be shown, and the items of a month in the order and words the
// card shows them. Pure: no database, no Teams. Dates are Dutch calendar dates ("YYYY-MM-DD").
import { DateTime } from 'luxon';
import { ZONE } from '../../domain/time.ts';
import { agendaYears } from './agendaFile.ts';

/** A month as it travels on the card: "2026-12". */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const startOf = (month: Month) => DateTime.fromISO(`${month}-01`, { zone: ZONE });
const monthOf = (d: DateTime): Month => d.toFormat('yyyy-MM');

export const currentMonth = (now: Date): Month => monthOf(DateTime.fromJSDate(now, { zone: ZONE }));
export const addMonths = (month: Month, n: number): Month => monthOf(startOf(month).plus({ months: n }));

/**
 * The first months the card may show (it shows that month and the next): from the start of last school
 * year (1 August), or the first year an agenda date may have if that is earlier, up to two years ahead.
 */
export function pagingRange(now: Date): { first: Month; last: Month } {
  const today = DateTime.fromJSDate(now, { zone: ZONE });
  const schoolYear = today.month >= 8 ? today.year : today.year - 1;
  const years = agendaYears(now);
  const fromSchoolYear = `${schoolYear - 1}-08`;
  const fromYears = `${years.first}-01`;
  return { first: fromSchoolYear < fromYears ? fromSchoolYear : fromYears, last: `${years.last}-11` };
}

/** The month from the card, when it is one and within the range; otherwise null. */
export function checkMonth(value: unknown, now: Date): Month | null {
  if (typeof value !== 'string' || !MONTH.test(value)) return null;
  const { first, last } = pagingRange(now);
  return value >= first && value <= last ? value : null;
}

/** "december 2026" */
export const monthLabel = (month: Month) => startOf(month).setLocale('nl').toFormat('LLLL yyyy');

/** The first and last day of a month. */
export function monthDays(month: Month): { from: string; to: string } {
  const start = startOf(month);
  return { from: start.toISODate()!, to: start.endOf('month').toISODate()! };
}

export interface AgendaItemRow {
  id: string;
  kind: string;
  date: string;
  endDate: string | null;
  time: string | null;
  title: string;
  description: string;
  audience: string;
}

/** "dinsdag 1 december" */
export const dayLabel = (isoDate: string) => DateTime.fromISO(isoDate, { zone: ZONE }).setLocale('nl').toFormat('cccc d MMMM');

/** What the card says of the item's moment: "dinsdag 1 december, 15:30 uur", or a holiday's period. */
export function whenLabel(item: AgendaItemRow): string {
  if (item.kind === 'vakantie') {
    const last = item.endDate ?? item.date;
    return last === item.date ? dayLabel(item.date) : `${dayLabel(item.date)} t/m ${dayLabel(last)}`;
  }
  return item.time ? `${dayLabel(item.date)}, ${item.time} uur` : dayLabel(item.date);
}

/**
 * The items that touch a month, in date order: an item on a day of the month, or a holiday running through
 * it (a holiday that began earlier is listed at the month's first day). Same day: all-day before timed.
 */
export function itemsInMonth<T extends AgendaItemRow>(items: readonly T[], month: Month): T[] {
  const { from, to } = monthDays(month);
  // ISO dates compare as text: the later of the item's first day and the month's.
  const shownOn = (i: T) => [i.date, from].sort()[1]!;
  return items
    .filter((i) => i.date <= to && (i.endDate ?? i.date) >= from)
    .sort(
      (a, b) => shownOn(a).localeCompare(shownOn(b)) || (a.time ?? '').localeCompare(b.time ?? '') || a.title.localeCompare(b.title, 'nl'),
    );
}
