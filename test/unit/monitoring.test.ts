import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { FORM_ENTRIES, FORM_KINDS } from '../../bot/domain/requests/kinds.ts';
import { REPORT_COMMAND } from '../../bot/features/monitoring/index.ts';
import { signReportLink, verifyReportLink } from '../../bot/features/monitoring/reportLink.ts';
import { currentSchoolYear, parseSchoolYear, quartersOf, schoolYearStarting } from '../../bot/features/monitoring/schoolYear.ts';
import { suppress, whatAReaderKnows, type Sum } from '../../bot/features/monitoring/suppression.ts';
import { categoriesOf, reportCsv, type ReportRow } from '../../bot/features/monitoring/thuiszitterReport.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toJSDate();

describe('school year', () => {
  const now = at('2026-11-25T10:00');

  it('accepts JJJJ-JJJJ with consecutive years, from 2014-2015 up to the current school year', () => {
    expect(parseSchoolYear('2026-2027', now)).toEqual({
      ok: true,
      year: { label: '2026-2027', startYear: 2026, firstDay: '2026-08-01', lastDay: '2027-07-31' },
    });
    expect(parseSchoolYear(' 2014-2015 ', now).ok).toBe(true);
  });

  it('refuses other forms, years that do not follow each other, too early and not yet begun, in Dutch', () => {
    const message = (text: string) => {
      const r = parseSchoolYear(text, now);
      return r.ok ? 'ok' : r.message;
    };
    expect(message('2026/2027')).toContain('schrijf het als JJJJ-JJJJ');
    expect(message('26-27')).toContain('schrijf het als JJJJ-JJJJ');
    expect(message('')).toContain('schrijf het als JJJJ-JJJJ');
    expect(message('2026-2028')).toContain('moeten op elkaar volgen, bijvoorbeeld 2026-2027');
    expect(message('2027-2026')).toContain('moeten op elkaar volgen');
    expect(message('2013-2014')).toContain('begint bij schooljaar 2014-2015');
    expect(message('2027-2028')).toBe(
      'Schooljaar 2027-2028 is nog niet begonnen (het begint op 1 augustus 2027). Kies het huidige schooljaar (2026-2027) of een eerder jaar.',
    );
  });

  it('a school year begins on 1 August (Dutch time)', () => {
    expect(currentSchoolYear(at('2027-07-31T23:59')).label).toBe('2026-2027');
    expect(currentSchoolYear(at('2027-08-01T00:00')).label).toBe('2027-2028');
    expect(parseSchoolYear('2027-2028', at('2027-07-31T23:59')).ok).toBe(false);
    expect(parseSchoolYear('2027-2028', at('2027-08-01T00:01')).ok).toBe(true);
  });

  it('lists the quarters begun: ended ones up to their last day, the running one up to now, none that has not begun', () => {
    const year = schoolYearStarting(2026);
    const quarters = quartersOf(year, now);
    expect(quarters.map((q) => [q.number, q.firstDay, q.lastDay, q.peildatum, q.complete])).toEqual([
      [1, '2026-08-01', '2026-10-31', '2026-10-31', true],
      [2, '2026-11-01', '2027-01-31', '2026-11-25', false],
    ]);
    expect(quarters[0]!.until).toEqual(at('2026-10-31T23:59:59.999'));
    expect(quarters[1]!.until).toEqual(now);
    const all = quartersOf(year, at('2027-09-01T12:00'));
    expect(all.map((q) => q.lastDay)).toEqual(['2026-10-31', '2027-01-31', '2027-04-30', '2027-07-31']);
    expect(all.every((q) => q.complete)).toBe(true);
    // On the last day of a quarter it still runs; the next day it is complete and the next one begins.
    expect(quartersOf(year, at('2027-01-31T18:00')).map((q) => q.complete)).toEqual([true, false]);
    expect(quartersOf(year, at('2027-02-01T08:00')).map((q) => q.complete)).toEqual([true, true, false]);
  });
});

describe('small-count suppression', () => {
  it('writes every count from 1 to 4 as small, and shows 0 and 5 or more', () => {
    expect(suppress([0, 1, 4, 5, 12], [])).toEqual(['shown', 'small', 'small', 'shown', 'shown']);
  });

  it('hides the smallest other category when exactly one category of a dimension is small', () => {
    // total 20 = 3 + 6 + 11: the 3 would be 20 − 6 − 11.
    const marks = suppress([20, 3, 6, 11], [{ members: [1, 2, 3], total: 0 }]);
    expect(marks).toEqual(['shown', 'small', 'hidden', 'shown']);
  });

  it('leaves two small categories alone when neither can be worked out', () => {
    expect(suppress([14, 3, 2, 9], [{ members: [1, 2, 3], total: 0 }])).toEqual(['shown', 'small', 'small', 'shown']);
  });

  it('also protects a small count that a range argument would give away (8 = 4 + 4)', () => {
    const marks = suppress([8, 4, 4, 0], [{ members: [1, 2, 3], total: 0 }]);
    expect(marks[1]).toBe('small');
    expect(marks[0]).toBe('hidden'); // no other non-zero category: the total goes
  });

  it('leaves alone what no hiding can protect: four categories each "<5" under a total "<5" are one each', () => {
    const marks = suppress([4, 1, 1, 1, 1, 0], [{ members: [1, 2, 3, 4, 5], total: 0 }]);
    expect(marks).toEqual(['small', 'small', 'small', 'small', 'small', 'shown']);
  });

  it('a masked cell is written small even at 0, and a reader then knows only 0 to 4', () => {
    const sums = [{ members: [1, 2, 3, 4, 5], total: 0 }];
    const masked = new Set([1, 2, 3, 4, 5]);
    const marks = suppress([4, 1, 1, 1, 1, 0], sums, { masked });
    expect(marks.every((m) => m === 'small')).toBe(true);
    const { lo, hi } = whatAReaderKnows([4, 1, 1, 1, 1, 0], marks, sums, { masked });
    expect(lo.slice(1)).toEqual([0, 0, 0, 0, 0]);
    expect(hi.slice(1)).toEqual([4, 4, 4, 4, 4]);
  });

  it('protects across schools: a school cell must not be the "alle scholen" cell minus the other schools', () => {
    // cells: all, school A, school B of one category; A has 2.
    const marks = suppress([12, 2, 10], [{ members: [1, 2], total: 0 }]);
    expect(marks).toEqual(['shown', 'small', 'hidden']);
  });

  it('in a dimension where a signal can count more than once, one small category takes the smallest other with it', () => {
    // cells: total 17, then four categories.
    expect(suppress([17, 3, 7, 9, 0], [], { overlapping: [{ members: [1, 2, 3, 4], total: 0 }] })).toEqual([
      'shown',
      'small',
      'hidden',
      'shown',
      'shown',
    ]);
    // One category holding every signal gives the total away (each category is at most the total).
    const marks = suppress([6, 6, 0, 1], [], { overlapping: [{ members: [1, 2, 3], total: 0 }] });
    expect(marks[3]).toBe('small');
    expect(marks.filter((m) => m === 'hidden').length).toBeGreaterThan(0);
  });

  it('never leaves a small cell that a reader can pin down from the sums (random tables)', () => {
    // Random two-level tables: schools × categories, with row totals, column totals and a grand total.
    const table = fc.array(fc.array(fc.nat({ max: 12 }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }).map((rows) => {
      const width = Math.min(...rows.map((r) => r.length));
      return rows.map((r) => r.slice(0, width));
    });
    fc.assert(
      fc.property(table, (rows) => {
        const width = rows[0]!.length;
        const values: number[] = [];
        const cell = rows.map((r) => r.map((v) => values.push(v) - 1));
        const rowTotal = rows.map((r) => values.push(r.reduce((a, b) => a + b, 0)) - 1);
        const colTotal = Array.from({ length: width }, (_, c) => values.push(rows.reduce((a, r) => a + r[c]!, 0)) - 1);
        const grand = values.push(rows.flat().reduce((a, b) => a + b, 0)) - 1;
        const sums: Sum[] = [
          ...cell.map((r, i) => ({ members: r, total: rowTotal[i]! })),
          ...colTotal.map((t, c) => ({ members: cell.map((r) => r[c]!), total: t })),
          { members: rowTotal, total: grand },
          { members: colTotal, total: grand },
        ];
        const marks = suppress(values, sums);
        const { lo, hi } = whatAReaderKnows(values, marks, sums);
        // What no hiding can change: the ranges with every non-zero count hidden.
        const worst = whatAReaderKnows(
          values,
          marks.map((m, i) => (m === 'shown' && values[i]! > 0 ? 'hidden' : m)),
          sums,
        );
        for (const [i, v] of values.entries()) {
          expect(lo[i]! <= v && v <= hi[i]!).toBe(true); // the reader's ranges are sound
          if (v >= 1 && v <= 4) {
            expect(marks[i]).toBe('small');
            if (worst.lo[i]! < worst.hi[i]!) expect(lo[i]! < hi[i]!).toBe(true);
          }
          if (marks[i] === 'hidden') {
            expect(v).toBeGreaterThanOrEqual(5);
            expect(lo[i]! < hi[i]!).toBe(true); // hidden only where it hides something
          }
        }
      }),
      { numRuns: 300, seed: 20262027 },
    );
  });
});

describe('report file', () => {
  const row = (over: Partial<ReportRow>): ReportRow => ({
    schooljaar: '2026-2027',
    kwartaal: 1,
    peildatum: '2026-10-31',
    volledig: 'ja',
    school_brin: '12AB00',
    school: 'Obs Het Kompas',
    sector: 'PO',
    dimensie: 'totaal',
    categorie: 'alle meldingen',
    aantal: '7',
    ...over,
  });

  it('is semicolon-separated UTF-8 with a BOM and Dutch headers, quoting what needs it and defusing formulas', () => {
    const csv = reportCsv([row({}), row({ school: 'School "De Brug"; locatie Oost', aantal: '<5' }), row({ school: '=HYPERLINK("x")' })]);
    expect(csv.startsWith('\uFEFFschooljaar;kwartaal;peildatum;volledig;school_brin;school;sector;dimensie;categorie;aantal\r\n')).toBe(
      true,
    );
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe('2026-2027;1;2026-10-31;ja;12AB00;Obs Het Kompas;PO;totaal;alle meldingen;7');
    expect(lines[2]).toBe('2026-2027;1;2026-10-31;ja;12AB00;"School ""De Brug""; locatie Oost";PO;totaal;alle meldingen;<5');
    expect(lines[3]).toContain(';"\'=HYPERLINK(""x"")";');
  });

  it('reads only the category fields of a signal, each checked for its shape', () => {
    const details = {
      kind: 'thuiszitter',
      reason: 'psychisch',
      reasonOther: 'vrije tekst',
      tried: 'Gesprekken met Jan',
      question: 'Wat nu?',
      firstAbsentDate: '2026-09-07',
      reporting: { duo: '2026-10-01', ot: 'gisteren', leerplicht: '2026-10-02', leerplichtName: 'Gert Jonker' },
      backToSchool: { date: '2027-01-11', extent: 'volledig' },
      outcomes: ['terugNaarSchool', 42],
      callback: { via: 'telefoon', phone: '06 12345678', date: '2026-09-10' },
    };
    expect(categoriesOf(details)).toEqual({
      kind: 'thuiszitter',
      reason: 'psychisch',
      firstAbsentDate: '2026-09-07',
      backToSchool: { date: '2027-01-11' },
      duoDate: '2026-10-01',
      otDate: undefined,
      outcomes: ['terugNaarSchool'],
    });
    expect(categoriesOf(null)).toEqual({
      kind: undefined,
      reason: undefined,
      firstAbsentDate: undefined,
      duoDate: undefined,
      otDate: undefined,
      outcomes: [],
    });
  });
});

describe('report link', () => {
  const secret = 'test-link-secret-0123456789';
  const link = { schoolYear: '2026-2027', personId: 'p1', expires: 1_800_000_000 };
  const query = { p: 'p1', exp: String(link.expires), sig: signReportLink(secret, link) };
  const before = new Date((link.expires - 1) * 1000);

  it('opens with its own signature until it expires', () => {
    expect(verifyReportLink(secret, '2026-2027', query, before)).toEqual({ ok: true, link });
    expect(verifyReportLink(secret, '2026-2027', query, new Date(link.expires * 1000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another year, person, expiry, secret, or a missing part', () => {
    expect(verifyReportLink(secret, '2025-2026', query, before).ok).toBe(false);
    expect(verifyReportLink(secret, '2026-2027', { ...query, p: 'p2' }, before).ok).toBe(false);
    expect(verifyReportLink(secret, '2026-2027', { ...query, exp: String(link.expires + 3600) }, before).ok).toBe(false);
    expect(verifyReportLink('another-secret-0123456789', '2026-2027', query, before).ok).toBe(false);
    expect(verifyReportLink(secret, '2026-2027', { p: 'p1', exp: query.exp }, before)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyReportLink(secret, '2026-2027', { ...query, exp: '1e12' }, before)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('the typed word', () => {
  it('"rapportage" starts no other dialog, and no other typed word opens the report', () => {
    for (const text of ['rapportage', 'Rapportage', ' rapportages! ']) {
      expect(REPORT_COMMAND.test(text)).toBe(true);
      for (const form of FORM_KINDS) expect(FORM_ENTRIES[form].typed.test(text), `${form} on "${text}"`).toBe(false);
    }
    for (const form of FORM_KINDS) expect(REPORT_COMMAND.test(FORM_ENTRIES[form].command)).toBe(false);
    for (const text of ['mijn aanvragen', 'help', 'menu', 'koppel', 'verzet dag', 'rapportage thuiszitters'])
      expect(REPORT_COMMAND.test(text)).toBe(false);
  });
});
