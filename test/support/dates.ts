import { DateTime } from 'luxon';

/** A date N days from today in Dutch time, as Input.Date sends it. */
export function isoDay(offsetDays: number): string {
  return DateTime.now().setZone('Europe/Amsterdam').plus({ days: offsetDays }).toISODate()!;
}
