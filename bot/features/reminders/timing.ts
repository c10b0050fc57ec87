// When the tunable reminders (year agenda, the appointment reminder) go out: on a working day of the
// person who gets them, from the reminder time (REMINDER_TIME, default 08:00 Dutch time) on. A reminder
// whose day falls in the weekend or a school holiday moves to the last working day before it: "14 days
// before" then arrives a little earlier, never later and never not at all. Pure rules, no database.
import { DateTime } from 'luxon';
import type { Holiday } from '../../domain/schoolCalendar.ts';
import { ZONE } from '../../domain/time.ts';

export const DEFAULT_REMINDER_TIME = '08:00';

/**
 * How far back a reminder day moves at most, looking for a working day. The longest holiday the agenda
 * accepts is 90 days; beyond this the reminder is dropped rather than sent months early.
 */
const MAX_MOVE_DAYS = 120;

/** "08:00" → minutes after midnight. */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** True from the reminder time (Dutch local time, whatever the UTC offset that day) until midnight. */
export function reminderTimeReached(now: Date, time: string = DEFAULT_REMINDER_TIME): boolean {
  const t = DateTime.fromJSDate(now, { zone: ZONE });
  return t.hour * 60 + t.minute >= minutesOf(time);
}

/** Whether a Dutch calendar date ("YYYY-MM-DD") is a day on which someone gets reminders. */
export type WorkCalendar = (isoDate: string) => boolean;

const weekday = (isoDate: string) => {
  const d = DateTime.fromISO(isoDate, { zone: ZONE });
  return d.isValid && d.weekday <= 5;
};

/** Every day: the rule before working days existed (kept for callers that do not pass a calendar). */
export const EVERY_DAY: WorkCalendar = () => true;

/** Monday to Friday. SOT staff: the office works through the school holidays, so only the weekend counts. */
export const WEEKDAYS: WorkCalendar = weekday;

const inHoliday = (isoDate: string, holidays: readonly Holiday[]) => holidays.some((h) => h.start <= isoDate && isoDate <= h.end);

/**
 * A coordinator's working days: Monday to Friday outside the school holidays. `holidaySets` holds the
 * holidays of each region their schools follow (usually one); a day counts when at least one of their
 * schools is open.
 */
export function schoolDays(holidaySets: readonly (readonly Holiday[])[]): WorkCalendar {
  if (holidaySets.length === 0) return WEEKDAYS;
  return (isoDate) => weekday(isoDate) && holidaySets.some((holidays) => !inHoliday(isoDate, holidays));
}

const plusDays = (isoDate: string, days: number) => DateTime.fromISO(isoDate, { zone: ZONE }).plus({ days }).toISODate()!;

/** The last working day on or before a date; null when there is none within MAX_MOVE_DAYS (or the date is unreadable). */
export function workingDayOnOrBefore(isoDate: string, isWorking: WorkCalendar): string | null {
  if (!DateTime.fromISO(isoDate, { zone: ZONE }).isValid) return null;
  for (let back = 0; back <= MAX_MOVE_DAYS; back++) {
    const day = plusDays(isoDate, -back);
    if (isWorking(day)) return day;
  }
  return null;
}

/** The day a reminder `daysBefore` a date goes out: that day, or the last working day before it. */
export function reminderDay(isoDate: string, daysBefore: number, isWorking: WorkCalendar): string | null {
  const d = DateTime.fromISO(isoDate, { zone: ZONE });
  if (!d.isValid) return null;
  return workingDayOnOrBefore(d.minus({ days: daysBefore }).toISODate()!, isWorking);
}

/**
 * The day of an appointment's reminder ("de dag ervoor"): the last working day before the appointment.
 * A Monday appointment is reminded of on Friday; one after a holiday on the last school day before it.
 */
export const appointmentReminderDay = (appointmentDate: string, isWorking: WorkCalendar): string | null =>
  reminderDay(appointmentDate, 1, isWorking);
