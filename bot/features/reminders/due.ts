// Which reminders are due at a given moment. Pure rules, no database, no Teams.
import { DateTime } from 'luxon';
import { ZONE } from '../../domain/time.ts';
import { EVERY_DAY, reminderDay, type WorkCalendar } from './timing.ts';

/** Reminders go out in office hours only (Dutch time). */
export function inOfficeHours(now: Date): boolean {
  const t = DateTime.fromJSDate(now, { zone: ZONE });
  const minutes = t.hour * 60 + t.minute;
  return minutes >= 7 * 60 + 30 && minutes < 18 * 60;
}

export function isWeekday(now: Date): boolean {
  return DateTime.fromJSDate(now, { zone: ZONE }).weekday <= 5;
}

export function todayIso(now: Date): string {
  return DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
}

/**
 * The reminder of an agenda item that is due today: the one for the fewest days before the date whose
 * reminder day has come. A bot that was down sends only that one, late, never a pile of them. With a
 * work calendar (timing.ts), nothing is due on a day off, and a reminder day that is a day off moves to
 * the last working day before it; without one every day counts (the rule before working days).
 */
export function dueAgendaReminder(itemDate: string, remindDays: number[], now: Date, isWorking: WorkCalendar = EVERY_DAY): number | null {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const date = DateTime.fromISO(itemDate, { zone: ZONE }).startOf('day');
  if (!date.isValid || date < today || !isWorking(today.toISODate()!)) return null;
  const due = remindDays.filter((d) => {
    const day = reminderDay(itemDate, d, isWorking);
    return day !== null && day <= today.toISODate()!;
  });
  return due.length ? Math.min(...due) : null;
}

/**
 * Which schools an agenda item is for: PO covers bao, sbo and so; SOT items are for the SOT team (its
 * consultants), so for no school at all.
 */
export function sectorsFor(audience: string): string[] | null {
  if (audience === 'PO') return ['PO', 'SBO', 'SO'];
  if (audience === 'VO') return ['VO'];
  if (audience === 'SOT') return [];
  return null; // alle
}

/** ISO week, e.g. "2026-W48": weekly reminders use it in their key. */
export function isoWeek(now: Date): string {
  const t = DateTime.fromJSDate(now, { zone: ZONE });
  return `${t.weekYear}-W${String(t.weekNumber).padStart(2, '0')}`;
}

/** Whole calendar days from today until a date (Dutch time). */
export function daysUntil(isoDate: string, now: Date): number {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  return Math.round(DateTime.fromISO(isoDate, { zone: ZONE }).startOf('day').diff(today, 'days').days);
}

/** Whole days a request has waited. */
export function daysSince(date: Date, now: Date): number {
  return Math.floor(DateTime.fromJSDate(now, { zone: ZONE }).diff(DateTime.fromJSDate(date, { zone: ZONE }), 'days').days);
}

export function tomorrowIso(now: Date): string {
  return DateTime.fromJSDate(now, { zone: ZONE }).plus({ days: 1 }).toISODate()!;
}

/** Working days (Monday to Friday, Dutch time) from the day after `since` up to and including today. */
export function workingDaysSince(since: Date, now: Date): number {
  let day = DateTime.fromJSDate(since, { zone: ZONE }).startOf('day').plus({ days: 1 });
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  let count = 0;
  for (let guard = 0; day <= today && guard < 3660; guard++, day = day.plus({ days: 1 })) if (day.weekday <= 5) count++;
  return count;
}
