import { describe, expect, it } from 'vitest';
import { mayView, type Overview } from '../../bot/features/overviews/access.ts';
import { CASE_GROUPS } from '../../bot/features/overviews/cases.ts';
import { askedView, checkFilter, type FilterSpec, pageOf, pager } from '../../bot/features/overviews/listView.ts';
import { appointmentPassed, unpickedBefore } from '../../bot/features/overviews/overdue.ts';
import { workingDaysSince } from '../../bot/features/reminders/due.ts';
import { OPEN_STATUSES } from '../../bot/domain/requests/types.ts';
import type { Actor } from '../../bot/domain/roles.ts';
import { at, WEDNESDAY } from './dutch.ts';

describe('overdue: not picked up for more than 5 working days', () => {
  it('unpickedBefore agrees with workingDaysSince (the reminders’ count) over six weeks, DST included', () => {
    // Around the autumn DST change (25 October 2026) and a month after; `since` every 9 hours up to 16 days before `now`.
    for (let h = 0; h < 24 * 42; h += 11) {
      const now = new Date(at('2026-10-12T00:30').getTime() + h * 3_600_000);
      const cutoff = unpickedBefore(now);
      for (let back = 0; back < 24 * 16; back += 9) {
        const since = new Date(now.getTime() - back * 3_600_000);
        expect(since < cutoff, `${since.toISOString()} → ${now.toISOString()}`).toBe(workingDaysSince(since, now) > 5);
      }
    }
  });

  it('on Wednesday 25 November: filed Tuesday 17th is overdue, Wednesday 18th not yet', () => {
    expect(unpickedBefore(WEDNESDAY)).toEqual(at('2026-11-18T00:00'));
    expect(workingDaysSince(at('2026-11-17T23:59'), WEDNESDAY)).toBe(6);
    expect(workingDaysSince(at('2026-11-18T00:00'), WEDNESDAY)).toBe(5);
  });

  it('an appointment has passed from the day after its date (Dutch time)', () => {
    expect(appointmentPassed('2026-11-24', WEDNESDAY)).toBe(true);
    expect(appointmentPassed('2026-11-25', WEDNESDAY)).toBe(false);
    expect(appointmentPassed('2026-11-25', at('2026-11-25T23:59'))).toBe(false);
    expect(appointmentPassed('2026-12-31', at('2027-01-01T00:01'))).toBe(true);
  });
});

describe('"mijn casussen" groups', () => {
  it('are the open statuses in descending order, the order the page query sorts by', () => {
    const statuses = CASE_GROUPS.map((g) => g.status);
    expect([...statuses].sort().reverse()).toEqual(statuses);
    expect(new Set(statuses)).toEqual(new Set(OPEN_STATUSES));
  });
});

describe('page and filter from a card: never trusted', () => {
  const specs: FilterSpec[] = [
    { key: 'school', label: 'School', all: 'Alle scholen', choices: [{ title: 'Obs Het Kompas', value: '12AB00' }] },
    { key: 'status', label: 'Status', all: 'Alle open', choices: [{ title: 'Nieuw', value: 'new' }] },
  ];

  it('a paging button carries the filter; "Filteren" reads the inputs', () => {
    expect(askedView({ page: 2, filter: { school: '12AB00' }, filterSchool: 'ANDERS' })).toEqual({
      page: 2,
      school: '12AB00',
      type: undefined,
      status: undefined,
    });
    expect(askedView({ page: 0, filterSchool: '12AB00', filterStatus: 'alle' })).toMatchObject({
      page: 0,
      school: '12AB00',
      status: undefined,
    });
  });

  it('a page that is no whole number from 0 is the first; a huge one is capped', () => {
    for (const page of ['abc', -1, 1.5, '1e3', null, {}, ' ']) expect(askedView({ page }).page, String(page)).toBe(0);
    expect(askedView({ page: '3' }).page).toBe(3);
    expect(askedView({ page: 10 ** 9 }).page).toBe(10_000);
  });

  it('keeps only values among the viewer’s choices and names what it dropped', () => {
    expect(checkFilter({ school: '12AB00', status: 'closed', type: 'spreekuur' }, specs)).toEqual({
      filter: { school: '12AB00' },
      dropped: ['status'],
    });
    expect(checkFilter({ school: '99ZZ00' }, specs)).toEqual({ filter: {}, dropped: ['school'] });
  });

  it('pageOf shows the last page when fewer are left, and one page when there is nothing', () => {
    expect(pageOf(25, 0)).toEqual({ index: 0, pages: 3, skip: 0, take: 10 });
    expect(pageOf(25, 7)).toEqual({ index: 2, pages: 3, skip: 20, take: 10 });
    expect(pageOf(0, 3)).toEqual({ index: 0, pages: 1, skip: 0, take: 10 });
    expect(pageOf(10, 1)).toMatchObject({ index: 0, pages: 1 });
  });

  it('the pager carries the filter shown, without empty fields', () => {
    expect(pager('overview.cases', { index: 1, pages: 3 }, { status: 'new', school: undefined })).toEqual([
      { title: 'Vorige', verb: 'overview.cases', data: { page: 0, filter: { status: 'new' } } },
      { title: 'Volgende', verb: 'overview.cases', data: { page: 2, filter: { status: 'new' } } },
    ]);
    expect(pager('overview.cases', { index: 0, pages: 1 }, {})).toEqual([]);
  });
});

describe('who may view which overview', () => {
  const actor = (roles: Partial<Actor>): Actor => ({
    personId: 'p',
    swvId: 's',
    name: 'X',
    email: 'x@example.nl',
    isAdmin: false,
    isThuiszittersteam: false,
    isConsultant: false,
    schools: [],
    ...roles,
  });
  const views = (a: Actor) => (['cases', 'thuiszitters', 'office'] as Overview[]).filter((o) => mayView(a, o));

  const table: [string, Partial<Actor>, Overview[]][] = [
    ['a coordinator', { schools: [{ id: 's1', name: 'Obs Het Kompas', brin: '12AB00' }] }, []],
    ['a consultant', { isConsultant: true }, ['cases']],
    ['a Thuiszittersteam member', { isThuiszittersteam: true }, ['cases', 'thuiszitters']],
    ['a consultant in the Thuiszittersteam', { isConsultant: true, isThuiszittersteam: true }, ['cases', 'thuiszitters']],
    ['the office', { isAdmin: true }, ['thuiszitters', 'office']],
    ['a consultant who is also admin', { isConsultant: true, isAdmin: true }, ['cases', 'thuiszitters', 'office']],
  ];
  it.each(table)('%s', (_, roles, expected) => {
    expect(views(actor(roles))).toEqual(expected);
  });
});
