import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatIsoDate, formatLocalDateTime, yearInZone, ZONE } from '../../bot/domain/time.ts';
import { at } from './dutch.ts';

const utc = (iso: string) => new Date(iso);

describe('time.ts: Dutch formatting in Dutch time', () => {
  it('the zone is Amsterdam', () => {
    expect(ZONE).toBe('Europe/Amsterdam');
  });

  it('formatDateTime and formatDate: Dutch month names, 24-hour clock, no leading zero on the day', () => {
    expect(formatDateTime(at('2026-11-25T10:00'))).toBe('25 november 2026 om 10:00');
    expect(formatDateTime(at('2026-03-01T09:05'))).toBe('1 maart 2026 om 09:05');
    expect(formatDate(at('2026-11-25T10:00'))).toBe('25 november 2026');
  });

  it('converts from UTC in winter and in summer time', () => {
    expect(formatDateTime(utc('2026-01-15T08:00:00Z'))).toBe('15 januari 2026 om 09:00');
    expect(formatDateTime(utc('2026-07-01T08:00:00Z'))).toBe('1 juli 2026 om 10:00');
  });

  it('around the DST changes', () => {
    expect(formatDateTime(utc('2026-03-29T00:59:00Z'))).toBe('29 maart 2026 om 01:59');
    expect(formatDateTime(utc('2026-03-29T01:00:00Z'))).toBe('29 maart 2026 om 03:00');
    expect(formatDateTime(utc('2026-10-25T00:30:00Z'))).toBe('25 oktober 2026 om 02:30');
    expect(formatDateTime(utc('2026-10-25T01:30:00Z'))).toBe('25 oktober 2026 om 02:30');
  });

  it('on New Year’s Eve the Dutch date is already the next year', () => {
    expect(formatDateTime(utc('2026-12-31T23:30:00Z'))).toBe('1 januari 2027 om 00:30');
    expect(formatDate(utc('2026-12-31T22:59:00Z'))).toBe('31 december 2026');
    expect(yearInZone(utc('2026-12-31T22:59:00Z'))).toBe(2026);
    expect(yearInZone(utc('2026-12-31T23:00:00Z'))).toBe(2027);
  });

  it('formatIsoDate: with the Dutch weekday', () => {
    expect(formatIsoDate('2026-12-01')).toBe('dinsdag 1 december 2026');
    expect(formatIsoDate('2027-01-01')).toBe('vrijdag 1 januari 2027');
    expect(formatIsoDate('2026-03-29')).toBe('zondag 29 maart 2026');
  });

  it('formatLocalDateTime: the local time as written', () => {
    expect(formatLocalDateTime('2026-12-01T14:30')).toBe('dinsdag 1 december 2026 om 14:30');
    expect(formatLocalDateTime('2026-12-31T23:59')).toBe('donderdag 31 december 2026 om 23:59');
    expect(formatLocalDateTime('2026-10-25T02:30')).toBe('zondag 25 oktober 2026 om 02:30');
  });
});

describe('time.ts: as it behaves today', () => {
  it('a local time that does not exist (spring change) is shown an hour later than written', () => {
    expect(formatLocalDateTime('2027-03-28T02:30')).toBe('zondag 28 maart 2027 om 03:30');
  });

  it('an unreadable date is shown as the English "Invalid DateTime"', () => {
    expect(formatIsoDate('01-12-2026')).toBe('Invalid DateTime');
    expect(formatLocalDateTime('')).toBe('Invalid DateTime');
    expect(formatDate(new Date(Number.NaN))).toBe('Invalid DateTime');
  });
});
