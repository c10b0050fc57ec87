// The agenda card's months at fixed moments: the window it may page through, the Dutch labels, and which
// items a month lists in which order (a holiday in every month it touches).
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addMonths, checkMonth, currentMonth, itemsInMonth, monthLabel, pagingRange, whenLabel } from '../../bot/features/agenda/months.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toJSDate();
const item = (over: Partial<Parameters<typeof whenLabel>[0]>) => ({
  id: over.title ?? 'x',
  kind: 'activiteit',
  date: '2026-12-01',
  endDate: null,
  time: null,
  title: 'x',
  description: '',
  audience: 'alle',
  ...over,
});

describe('agenda months', () => {
  it('this month in Dutch time, also on New Year’s Eve late at night', () => {
    expect(currentMonth(at('2026-12-31T23:30'))).toBe('2026-12');
    expect(currentMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01'); // already 1 January in Amsterdam
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(monthLabel('2027-03')).toBe('maart 2027');
  });

  it('pages from last school year (or the first agenda year) to two years ahead', () => {
    expect(pagingRange(at('2026-11-25T10:00'))).toEqual({ first: '2025-01', last: '2028-11' });
    expect(pagingRange(at('2027-02-01T10:00'))).toEqual({ first: '2025-08', last: '2029-11' });
    const now = at('2026-11-25T10:00');
    expect(checkMonth('2025-01', now)).toBe('2025-01');
    expect(checkMonth('2028-11', now)).toBe('2028-11');
    for (const bad of ['2024-12', '2028-12', '2026-00', '2026-13', '2026-1', ' 2026-12', 202612, undefined, {}]) {
      expect(checkMonth(bad, now), String(bad)).toBeNull();
    }
  });

  it('names the day in Dutch, with the time, and a holiday as its period', () => {
    expect(whenLabel(item({ date: '2026-12-01' }))).toBe('dinsdag 1 december');
    expect(whenLabel(item({ date: '2027-02-03', time: '15:30' }))).toBe('woensdag 3 februari, 15:30 uur');
    expect(whenLabel(item({ kind: 'vakantie', date: '2026-12-19', endDate: '2027-01-03' }))).toBe(
      'zaterdag 19 december t/m zondag 3 januari',
    );
    expect(whenLabel(item({ kind: 'vakantie', date: '2027-05-17', endDate: '2027-05-17' }))).toBe('maandag 17 mei');
  });

  it('lists a month’s items in date order, all-day before timed, a holiday in every month it touches', () => {
    const items = [
      item({ title: 'Laat', date: '2027-01-15', time: '15:30' }),
      item({ title: 'Vroeg', date: '2027-01-15' }),
      item({ title: 'Kerstvakantie', kind: 'vakantie', date: '2026-12-19', endDate: '2027-01-03' }),
      item({ title: 'December', date: '2026-12-01' }),
      item({ title: 'Februari', date: '2027-02-01' }),
    ];
    expect(itemsInMonth(items, '2026-12').map((i) => i.title)).toEqual(['December', 'Kerstvakantie']);
    expect(itemsInMonth(items, '2027-01').map((i) => i.title)).toEqual(['Kerstvakantie', 'Vroeg', 'Laat']);
    expect(itemsInMonth(items, '2027-02').map((i) => i.title)).toEqual(['Februari']);
    expect(itemsInMonth(items, '2027-03')).toEqual([]);
  });
});
