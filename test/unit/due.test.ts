import { describe, expect, it } from 'vitest';
import {
  daysSince,
  daysUntil,
  dueAgendaReminder,
  inOfficeHours,
  isoWeek,
  isWeekday,
  sectorsFor,
  todayIso,
  tomorrowIso,
} from '../../bot/features/reminders/due.ts';
import { at } from './dutch.ts';

// Fixed moments. DST in Europe/Amsterdam: 2026-03-29 02:00 → 03:00 and 2026-10-25 03:00 → 02:00
// (the last Sundays of March and October); New Year's Eve 2026 is a Thursday.
const utc = (iso: string) => new Date(iso);

describe('inOfficeHours: 07:30 up to 18:00 Dutch time', () => {
  it.each([
    ['2026-11-25T07:29', false],
    ['2026-11-25T07:30', true],
    ['2026-11-25T12:00', true],
    ['2026-11-25T17:59', true],
    ['2026-11-25T18:00', false],
    ['2026-11-25T23:59', false],
    ['2026-11-25T00:00', false],
  ])('%s → %s', (local, expected) => {
    expect(inOfficeHours(at(local))).toBe(expected);
  });

  it('17:59:59 is still in, 18:00:00 is out', () => {
    expect(inOfficeHours(at('2026-11-25T17:59:59'))).toBe(true);
    expect(inOfficeHours(at('2026-11-25T18:00:00'))).toBe(false);
  });

  it('in winter time 06:30 UTC is 07:30; in summer time 05:30 UTC is', () => {
    expect(inOfficeHours(utc('2026-11-25T06:30:00Z'))).toBe(true);
    expect(inOfficeHours(utc('2026-11-25T06:29:00Z'))).toBe(false);
    expect(inOfficeHours(utc('2026-07-01T05:30:00Z'))).toBe(true);
    expect(inOfficeHours(utc('2026-07-01T05:29:00Z'))).toBe(false);
    expect(inOfficeHours(utc('2026-07-01T16:00:00Z'))).toBe(false); // 18:00 CEST
    expect(inOfficeHours(utc('2026-11-25T16:59:00Z'))).toBe(true); // 17:59 CET
  });

  it('the Friday before and the Monday after the spring change', () => {
    expect(inOfficeHours(utc('2026-03-27T06:30:00Z'))).toBe(true); // 07:30 CET
    expect(inOfficeHours(utc('2026-03-30T05:30:00Z'))).toBe(true); // 07:30 CEST
    expect(inOfficeHours(utc('2026-03-30T06:30:00Z'))).toBe(true); // 08:30 CEST
    expect(inOfficeHours(utc('2026-03-30T16:00:00Z'))).toBe(false); // 18:00 CEST
  });

  it('the Monday after the autumn change', () => {
    expect(inOfficeHours(utc('2026-10-26T06:29:00Z'))).toBe(false); // 07:29 CET
    expect(inOfficeHours(utc('2026-10-26T06:30:00Z'))).toBe(true);
    expect(inOfficeHours(utc('2026-10-26T16:59:00Z'))).toBe(true); // 17:59 CET
  });
});

describe('isWeekday (Dutch time)', () => {
  it('Monday to Friday, not Saturday or Sunday', () => {
    expect(['23', '24', '25', '26', '27', '28', '29'].map((d) => isWeekday(at(`2026-11-${d}T12:00`)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('at midnight: Friday 23:00 UTC is already Saturday in winter, Sunday 22:30 UTC already Monday in summer', () => {
    expect(isWeekday(utc('2026-11-27T22:59:00Z'))).toBe(true); // Friday 23:59
    expect(isWeekday(utc('2026-11-27T23:00:00Z'))).toBe(false); // Saturday 00:00
    expect(isWeekday(utc('2026-06-28T22:30:00Z'))).toBe(true); // Monday 00:30 CEST
  });

  it('both DST Sundays are not weekdays; New Year’s Day 2027 (a Friday) is', () => {
    expect(isWeekday(at('2026-03-29T12:00'))).toBe(false);
    expect(isWeekday(at('2026-10-25T12:00'))).toBe(false);
    expect(isWeekday(at('2027-01-01T09:00'))).toBe(true);
  });
});

describe('todayIso and tomorrowIso', () => {
  it('on New Year’s Eve and just after midnight', () => {
    expect(todayIso(at('2026-12-31T23:30'))).toBe('2026-12-31');
    expect(tomorrowIso(at('2026-12-31T23:30'))).toBe('2027-01-01');
    expect(todayIso(utc('2026-12-31T23:30:00Z'))).toBe('2027-01-01'); // 00:30 Dutch time
    expect(tomorrowIso(utc('2026-12-31T23:30:00Z'))).toBe('2027-01-02');
  });

  it('around both DST changes', () => {
    expect(todayIso(utc('2026-03-28T23:30:00Z'))).toBe('2026-03-29'); // 00:30 CET
    expect(tomorrowIso(at('2026-03-28T23:30'))).toBe('2026-03-29');
    expect(tomorrowIso(at('2026-03-29T12:00'))).toBe('2026-03-30');
    expect(todayIso(utc('2026-10-25T22:59:00Z'))).toBe('2026-10-25'); // 23:59 CET
    expect(todayIso(utc('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
    expect(tomorrowIso(at('2026-10-25T01:00'))).toBe('2026-10-26');
  });

  it('a leap day', () => {
    expect(tomorrowIso(at('2028-02-28T18:00'))).toBe('2028-02-29');
    expect(tomorrowIso(at('2027-02-28T18:00'))).toBe('2027-03-01');
  });
});

describe('dueAgendaReminder', () => {
  const days = [14, 7, 1];

  it.each([
    ['2026-11-24T12:00', null], // 15 days before
    ['2026-11-25T07:00', 14],
    ['2026-11-30T12:00', 14], // a late bot sends the 14-day one, not more
    ['2026-12-02T00:00', 7],
    ['2026-12-07T23:59', 7],
    ['2026-12-08T00:00', 1],
    ['2026-12-09T23:59', 1], // the day itself: the 1-day reminder, late
    ['2026-12-10T00:00', null], // passed
  ] as const)('item on 9 December, [14, 7, 1], at %s → %s', (local, expected) => {
    expect(dueAgendaReminder('2026-12-09', days, at(local))).toBe(expected);
  });

  it('the order of the reminder days does not matter; 0 means on the day', () => {
    expect(dueAgendaReminder('2026-12-09', [1, 14, 7], at('2026-12-03T10:00'))).toBe(7);
    expect(dueAgendaReminder('2026-12-09', [0, 3], at('2026-12-09T10:00'))).toBe(0);
    expect(dueAgendaReminder('2026-12-09', [0, 3], at('2026-12-08T10:00'))).toBe(3);
  });

  it('no reminder days, or an unreadable date: nothing', () => {
    expect(dueAgendaReminder('2026-12-09', [], at('2026-12-09T10:00'))).toBeNull();
    expect(dueAgendaReminder('9-12-2026', days, at('2026-12-09T10:00'))).toBeNull();
  });

  it('across the spring change: due from the Dutch midnight of the 23-hour day', () => {
    expect(dueAgendaReminder('2026-03-30', [1], utc('2026-03-28T22:59:00Z'))).toBeNull(); // Sat 23:59 CET
    expect(dueAgendaReminder('2026-03-30', [1], utc('2026-03-28T23:00:00Z'))).toBe(1); // Sun 00:00 CET
    expect(dueAgendaReminder('2026-04-05', [7], at('2026-03-29T00:00'))).toBe(7);
    expect(dueAgendaReminder('2026-04-05', [7], at('2026-03-28T23:59'))).toBeNull();
  });

  it('across the autumn change: due from the Dutch midnight after the 25-hour day', () => {
    expect(dueAgendaReminder('2026-10-27', [1], utc('2026-10-25T22:59:00Z'))).toBeNull(); // Sun 23:59 CET
    expect(dueAgendaReminder('2026-10-27', [1], utc('2026-10-25T23:00:00Z'))).toBe(1); // Mon 00:00 CET
    expect(dueAgendaReminder('2026-11-01', [7], at('2026-10-25T00:00'))).toBe(7);
    expect(dueAgendaReminder('2026-11-01', [7], at('2026-10-24T23:59'))).toBeNull();
  });

  it('over New Year: the first school day of 2027', () => {
    expect(dueAgendaReminder('2027-01-04', [7, 3], at('2026-12-28T00:00'))).toBe(7);
    expect(dueAgendaReminder('2027-01-04', [7, 3], at('2026-12-31T23:59'))).toBe(7);
    expect(dueAgendaReminder('2027-01-04', [7, 3], at('2027-01-01T00:00'))).toBe(3);
    expect(dueAgendaReminder('2026-12-31', [1], at('2027-01-01T00:00'))).toBeNull();
  });
});

describe('sectorsFor', () => {
  it('PO covers primary, special primary and special schools; VO only VO; anything else means all', () => {
    expect(sectorsFor('PO')).toEqual(['PO', 'SBO', 'SO']);
    expect(sectorsFor('VO')).toEqual(['VO']);
    expect(sectorsFor('alle')).toBeNull();
    expect(sectorsFor('')).toBeNull();
  });
});

describe('isoWeek', () => {
  it('a week in November', () => {
    expect(isoWeek(at('2026-11-25T10:00'))).toBe('2026-W48');
    expect(isoWeek(at('2026-03-02T10:00'))).toBe('2026-W10');
  });

  it('2026 has 53 ISO weeks; New Year’s Eve and Day are both in 2026-W53, Monday 4 January is 2027-W01', () => {
    expect(isoWeek(at('2026-12-31T23:59'))).toBe('2026-W53');
    expect(isoWeek(at('2027-01-01T00:00'))).toBe('2026-W53');
    expect(isoWeek(at('2027-01-03T23:59'))).toBe('2026-W53');
    expect(isoWeek(at('2027-01-04T00:00'))).toBe('2027-W01');
  });

  it('30 December 2024 was in 2025-W01 (week year, not calendar year)', () => {
    expect(isoWeek(at('2024-12-30T12:00'))).toBe('2025-W01');
  });

  it('Monday 00:30 Dutch time is the new week, although UTC is still on Sunday', () => {
    expect(isoWeek(utc('2027-01-03T23:30:00Z'))).toBe('2027-W01');
    expect(isoWeek(utc('2026-03-29T22:30:00Z'))).toBe('2026-W14'); // Monday 00:30 CEST, after the spring change
    expect(isoWeek(utc('2026-03-29T21:30:00Z'))).toBe('2026-W13');
  });
});

describe('daysUntil: calendar days in Dutch time', () => {
  it('today, tomorrow, next week, the past', () => {
    const now = at('2026-11-25T23:59');
    expect(daysUntil('2026-11-25', now)).toBe(0);
    expect(daysUntil('2026-11-26', now)).toBe(1);
    expect(daysUntil('2026-12-02', now)).toBe(7);
    expect(daysUntil('2026-11-20', now)).toBe(-5);
  });

  it('over both DST changes and New Year', () => {
    expect(daysUntil('2026-03-30', at('2026-03-28T12:00'))).toBe(2);
    expect(daysUntil('2026-04-28', at('2026-03-28T12:00'))).toBe(31);
    expect(daysUntil('2026-10-26', at('2026-10-24T23:30'))).toBe(2);
    expect(daysUntil('2027-01-01', at('2026-12-31T23:30'))).toBe(1);
    expect(daysUntil('2027-01-01', utc('2026-12-31T23:30:00Z'))).toBe(0); // 00:30 on 1 January
  });
});

describe('daysSince: whole days, counted on the Dutch calendar', () => {
  it('whole days, rounded down', () => {
    expect(daysSince(at('2026-11-20T10:00'), at('2026-11-25T09:59'))).toBe(4);
    expect(daysSince(at('2026-11-20T10:00'), at('2026-11-25T10:00'))).toBe(5);
    expect(daysSince(at('2026-11-25T10:00'), at('2026-11-25T10:00'))).toBe(0);
  });

  it('the 23-hour spring day counts as a whole day', () => {
    expect(daysSince(at('2026-03-28T12:00'), at('2026-03-29T12:00'))).toBe(1); // 23 real hours
    expect(daysSince(at('2026-03-28T12:00'), at('2026-03-29T11:59'))).toBe(0);
  });

  it('the 25-hour autumn day needs all 25 hours', () => {
    expect(daysSince(at('2026-10-24T12:00'), at('2026-10-25T11:30'))).toBe(0); // 24.5 real hours
    expect(daysSince(at('2026-10-24T12:00'), at('2026-10-25T12:00'))).toBe(1);
  });

  it('over New Year', () => {
    expect(daysSince(at('2026-12-24T09:00'), at('2027-01-04T09:00'))).toBe(11);
  });
});
