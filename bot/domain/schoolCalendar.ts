// School holidays from the year agenda, and counting days while leaving them out. Dates are Dutch
// calendar dates ("YYYY-MM-DD"); a holiday runs from its start to its end, both days included.
import { DateTime } from 'luxon';
import { ZONE } from './time.ts';

export interface Holiday {
  start: string;
  end: string;
}

/** The agenda's doelgroep a school follows for its holidays: VO schools the VO dates, all others PO. */
export type HolidayRegion = 'PO' | 'VO';
export const holidayRegionOf = (sector: string): HolidayRegion => (sector.toUpperCase() === 'VO' ? 'VO' : 'PO');

const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).startOf('day');

/**
 * Calendar days from `from` (included) up to `to` (excluded) that fall in no holiday. Overlapping
 * holidays count once. Zero when `to` is not after `from`.
 */
export function daysOutsideHolidays(from: string, to: string, holidays: readonly Holiday[]): number {
  const start = day(from);
  const end = day(to);
  if (!start.isValid || !end.isValid || end <= start) return 0;
  const total = Math.round(end.diff(start, 'days').days);
  // Merge the holidays that touch [start, end) into disjoint ranges, then subtract their length.
  const ranges = holidays
    .map((h) => ({ s: day(h.start), e: day(h.end).plus({ days: 1 }) }))
    .filter((r) => r.s.isValid && r.e.isValid && r.e > start && r.s < end)
    .map((r) => ({ s: DateTime.max(r.s, start), e: DateTime.min(r.e, end) }))
    .sort((a, b) => a.s.toMillis() - b.s.toMillis());
  let off = 0;
  let cursor: DateTime = start;
  for (const r of ranges) {
    const s = DateTime.max(r.s, cursor);
    if (r.e > s) {
      off += Math.round(r.e.diff(s, 'days').days);
      cursor = r.e;
    }
  }
  return total - off;
}
