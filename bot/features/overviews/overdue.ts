// "Over tijd" in the office overview, as its card explains it: a request nobody picked up for more than five
// working days (the office hears of it then, see reminders/scheduler.ts), or a planned appointment whose
// date has passed while the request was neither closed nor moved.
import { DateTime } from 'luxon';
import { ZONE } from '../../domain/time.ts';
import { todayIso } from '../reminders/due.ts';

export const UNPICKED_WORKING_DAYS = 5;

export const OVERDUE_EXPLAINED = `Over tijd: nieuw en na meer dan ${UNPICKED_WORKING_DAYS} werkdagen nog niet opgepakt, of ingepland met een afspraakdatum die voorbij is terwijl de aanvraag niet is afgerond of verzet.`;

/**
 * The moment before which a request must have become new (filed or handed over) to be overdue now: then
 * more than `workingDays` working days have passed since, counted as reminders/due.ts workingDaysSince does
 * (Monday to Friday after that day, up to and including today).
 */
export function unpickedBefore(now: Date, workingDays = UNPICKED_WORKING_DAYS): Date {
  let day = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  let counted = 0;
  for (let guard = 0; guard < 3660; guard++, day = day.minus({ days: 1 })) {
    if (day.weekday <= 5) counted++;
    if (counted > workingDays) return day.toJSDate();
  }
  return day.toJSDate();
}

/** An appointment date (YYYY-MM-DD, Dutch) before today: it has passed. */
export const appointmentPassed = (date: string, now: Date) => date < todayIso(now);

export const overdueLimits = (now: Date) => ({ unpickedBefore: unpickedBefore(now), today: todayIso(now) });
