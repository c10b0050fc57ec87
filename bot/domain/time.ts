import { DateTime } from 'luxon';

/** All dates users see or type are Dutch local time. */
export const ZONE = 'Europe/Amsterdam';

export function formatDateTime(date: Date): string {
  return DateTime.fromJSDate(date, { zone: ZONE }).setLocale('nl').toFormat("d MMMM yyyy 'om' HH:mm");
}

export function formatDate(date: Date): string {
  return DateTime.fromJSDate(date, { zone: ZONE }).setLocale('nl').toFormat('d MMMM yyyy');
}
