import { describe, expect, it } from 'vitest';
import { daysOutsideHolidays, holidayRegionOf } from '../../bot/domain/schoolCalendar.ts';

describe('daysOutsideHolidays', () => {
  const kerst = { start: '2026-12-19', end: '2027-01-03' }; // 16 days

  it('counts calendar days when there is no holiday', () => {
    expect(daysOutsideHolidays('2026-11-02', '2026-11-30', [])).toBe(28);
  });

  it('leaves out a holiday that lies wholly inside', () => {
    expect(daysOutsideHolidays('2026-12-01', '2027-01-11', [kerst])).toBe(41 - 16);
  });

  it('leaves out only the part of a holiday inside the period, at either end', () => {
    expect(daysOutsideHolidays('2026-12-28', '2027-01-11', [kerst])).toBe(14 - 7);
    expect(daysOutsideHolidays('2026-12-10', '2026-12-21', [kerst])).toBe(11 - 2);
  });

  it('counts overlapping holidays once and ignores holidays outside the period', () => {
    const overlap = { start: '2026-12-30', end: '2027-01-05' };
    const far = { start: '2027-05-01', end: '2027-05-09' };
    expect(daysOutsideHolidays('2026-12-01', '2027-01-11', [overlap, kerst, far])).toBe(41 - 18);
  });

  it('is zero for an empty or reversed period, and wholly within a holiday', () => {
    expect(daysOutsideHolidays('2026-12-05', '2026-12-05', [])).toBe(0);
    expect(daysOutsideHolidays('2026-12-10', '2026-12-01', [])).toBe(0);
    expect(daysOutsideHolidays('2026-12-20', '2026-12-27', [kerst])).toBe(0);
  });

  it('counts whole days across the change to summer time', () => {
    expect(daysOutsideHolidays('2027-03-27', '2027-03-29', [])).toBe(2);
  });
});

describe('holidayRegionOf', () => {
  it('gives VO schools the VO holidays and all others the PO holidays', () => {
    expect(holidayRegionOf('VO')).toBe('VO');
    expect(holidayRegionOf('PO')).toBe('PO');
    expect(holidayRegionOf('SBO')).toBe('PO');
    expect(holidayRegionOf('SO')).toBe('PO');
  });
});
