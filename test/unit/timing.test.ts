// When the tunable reminders go out: the reminder time in Dutch local time (also on the days the clocks
// change), working days only, and a reminder day off moving to the working day before. Fixed moments.
import { describe, expect, it } from 'vitest';
import { dueAgendaReminder, sectorsFor } from '../../bot/features/reminders/due.ts';
import {
  appointmentReminderDay,
  reminderDay,
  reminderTimeReached,
  schoolDays,
  WEEKDAYS,
  workingDayOnOrBefore,
} from '../../bot/features/reminders/timing.ts';
import { at } from './dutch.ts';

const utc = (iso: string) => new Date(iso);
const autumn = [{ start: '2027-10-16', end: '2027-10-24' }]; // herfstvakantie, Saturday to Sunday
const summer = [{ start: '2027-07-10', end: '2027-08-22' }];

describe('reminderTimeReached: from the reminder time, Dutch local time', () => {
  it('08:00 by default; 07:59 is not yet', () => {
    expect(reminderTimeReached(at('2026-11-25T07:59'))).toBe(false);
    expect(reminderTimeReached(at('2026-11-25T08:00'))).toBe(true);
    expect(reminderTimeReached(at('2026-11-25T17:59'))).toBe(true);
  });

  it('another time from REMINDER_TIME', () => {
    expect(reminderTimeReached(at('2026-11-25T08:59'), '09:00')).toBe(false);
    expect(reminderTimeReached(at('2026-11-25T09:00'), '09:00')).toBe(true);
    expect(reminderTimeReached(at('2026-11-25T07:45'), '07:30')).toBe(true);
  });

  it('on both days the clocks change, 08:00 is 08:00 on the wall clock', () => {
    // Sunday 28 March 2027: 02:00 → 03:00, so 08:00 is 06:00 UTC (CEST); the day before it was 07:00 UTC.
    expect(reminderTimeReached(utc('2027-03-28T05:59:00Z'))).toBe(false);
    expect(reminderTimeReached(utc('2027-03-28T06:00:00Z'))).toBe(true);
    expect(reminderTimeReached(utc('2027-03-27T06:30:00Z'))).toBe(false); // 07:30 CET
    // Sunday 25 October 2026: 03:00 → 02:00, so 08:00 is 07:00 UTC (CET); the day before 06:00 UTC.
    expect(reminderTimeReached(utc('2026-10-25T06:59:00Z'))).toBe(false);
    expect(reminderTimeReached(utc('2026-10-25T07:00:00Z'))).toBe(true);
    expect(reminderTimeReached(utc('2026-10-24T06:00:00Z'))).toBe(true); // 08:00 CEST
    // The Mondays after.
    expect(reminderTimeReached(utc('2027-03-29T05:59:00Z'))).toBe(false);
    expect(reminderTimeReached(utc('2027-03-29T06:00:00Z'))).toBe(true);
    expect(reminderTimeReached(utc('2026-10-26T06:59:00Z'))).toBe(false);
    expect(reminderTimeReached(utc('2026-10-26T07:00:00Z'))).toBe(true);
  });
});

describe('work calendars', () => {
  it('SOT staff: Monday to Friday, school holidays do not count', () => {
    expect(['2027-10-15', '2027-10-16', '2027-10-17', '2027-10-18'].map(WEEKDAYS)).toEqual([true, false, false, true]);
  });

  it('a coordinator: Monday to Friday outside their school holidays', () => {
    const po = schoolDays([autumn]);
    expect(['2027-10-15', '2027-10-18', '2027-10-22', '2027-10-25'].map(po)).toEqual([true, false, false, true]);
  });

  it('a coordinator of a PO and a VO school works when either school is open', () => {
    const both = schoolDays([autumn, [{ start: '2027-10-23', end: '2027-10-31' }]]);
    expect(both('2027-10-20')).toBe(true); // PO holiday, VO open
    expect(both('2027-10-25')).toBe(true); // VO holiday, PO open
    expect(schoolDays([autumn, autumn])('2027-10-20')).toBe(false);
  });

  it('the last working day on or before a date', () => {
    expect(workingDayOnOrBefore('2027-10-15', WEEKDAYS)).toBe('2027-10-15');
    expect(workingDayOnOrBefore('2027-10-17', WEEKDAYS)).toBe('2027-10-15');
    expect(workingDayOnOrBefore('2027-10-24', schoolDays([autumn]))).toBe('2027-10-15');
    expect(workingDayOnOrBefore('2027-08-22', schoolDays([summer]))).toBe('2027-07-09');
    expect(workingDayOnOrBefore('not a date', WEEKDAYS)).toBeNull();
    expect(workingDayOnOrBefore('2027-10-17', () => false)).toBeNull(); // gives up rather than search for ever
  });
});

describe('reminderDay: a day off moves to the working day before', () => {
  it('14 days before a Saturday is a Saturday: the Friday before', () => {
    expect(reminderDay('2027-10-30', 14, WEEKDAYS)).toBe('2027-10-15');
    expect(reminderDay('2027-10-30', 13, WEEKDAYS)).toBe('2027-10-15');
    expect(reminderDay('2027-10-30', 12, WEEKDAYS)).toBe('2027-10-18');
  });

  it('the day before the DST Sunday: a Sunday reminder goes out on Friday', () => {
    expect(reminderDay('2027-03-29', 1, WEEKDAYS)).toBe('2027-03-26');
    expect(reminderDay('2026-10-26', 1, WEEKDAYS)).toBe('2026-10-23');
  });

  it('in a holiday: the last school day before it for the school, the Friday before for the SOT', () => {
    expect(reminderDay('2027-10-25', 1, schoolDays([autumn]))).toBe('2027-10-15');
    expect(reminderDay('2027-10-25', 1, WEEKDAYS)).toBe('2027-10-22');
  });

  it('an appointment: the last working day before it', () => {
    expect(appointmentReminderDay('2027-10-19', WEEKDAYS)).toBe('2027-10-18');
    expect(appointmentReminderDay('2027-10-18', WEEKDAYS)).toBe('2027-10-15'); // Monday → Friday
    expect(appointmentReminderDay('2027-10-25', schoolDays([autumn]))).toBe('2027-10-15');
  });
});

describe('dueAgendaReminder with a work calendar', () => {
  const po = schoolDays([autumn]);

  it('nothing on a day off', () => {
    expect(dueAgendaReminder('2027-10-25', [1], at('2027-10-16T09:00'), WEEKDAYS)).toBeNull(); // Saturday
    expect(dueAgendaReminder('2027-10-25', [1], at('2027-10-20T09:00'), po)).toBeNull(); // autumn holiday
  });

  it('the moved reminder is due from its new day, and only the fewest days before', () => {
    expect(dueAgendaReminder('2027-10-25', [1], at('2027-10-14T09:00'), po)).toBeNull();
    expect(dueAgendaReminder('2027-10-25', [1], at('2027-10-15T09:00'), po)).toBe(1);
    expect(dueAgendaReminder('2027-10-25', [1], at('2027-10-25T09:00'), po)).toBe(1); // the same key: not again
    // Both 7 and 1 days before fall in the holiday: one reminder on the Friday before, not two.
    expect(dueAgendaReminder('2027-10-25', [7, 1], at('2027-10-15T09:00'), po)).toBe(1);
  });

  it('without a calendar every day counts, as before', () => {
    expect(dueAgendaReminder('2027-10-25', [1], at('2027-10-24T09:00'))).toBe(1);
  });
});

describe('sectorsFor SOT', () => {
  it('an SOT item is for no school', () => {
    expect(sectorsFor('SOT')).toEqual([]);
  });
});
