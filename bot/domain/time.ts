import { DateTime } from 'luxon';

/** All dates users see or type are Dutch local time. */
export const ZONE = 'Europe/Amsterdam';

export function formatDateTime(date: Date): string {
  return DateTime.fromJSDate(date, { zone: ZONE }).setLocale('nl').toFormat("d MMMM yyyy 'om' HH:mm");
}

export function formatDate(date: Date): string {
  return DateTime.fromJSDate(date, { zone: ZONE }).setLocale('nl').toFormat('d MMMM yyyy');
}

/** "2026-12-01" → "dinsdag 1 december 2026" */
export function formatIsoDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: ZONE }).setLocale('nl').toFormat('cccc d MMMM yyyy');
}

/** "2026-12-01T14:30" (Dutch local time) → "dinsdag 1 december 2026 om 14:30" */
export function formatLocalDateTime(local: string): string {
  return DateTime.fromISO(local, { zone: ZONE }).setLocale('nl').toFormat("cccc d MMMM yyyy 'om' HH:mm");
}

export function yearInZone(date: Date): number {
  return DateTime.fromJSDate(date, { zone: ZONE }).year;
}

/**
 * A Dutch local date and time ("2027-03-28", "02:30") as a moment, or null when that time does not exist
 * on that day (the hour skipped when summer time starts). In the hour that repeats in October, the first.
 */
export function localMoment(date: string, time: string): DateTime | null {
  const at = DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
  return at.isValid && at.toISODate() === date && at.toFormat('HH:mm') === time ? at : null;
}
