import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryKey, parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { holidaysByRegion, holidaysFor } from '../bot/store/holidays.ts';
import { daysOutsideHolidays, holidayRegionOf } from '../bot/domain/schoolCalendar.ts';
import type { Database } from '../bot/store/database.ts';
import { createTestDatabase } from './support/testDatabase.ts';
import { importFixture } from './support/org.ts';
import { clock } from './support/clock.ts';

const example = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/jaaragenda.example.csv'), 'utf8');
const holidaysExample = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/jaaragenda.vakanties.example.csv'), 'utf8');
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await importFixture(db);
});
afterAll(() => db?.close());

describe('year agenda file', () => {
  it('reads the contract example (dates, local times, audience, reminder days)', () => {
    const result = parseAgendaFile('jaaragenda.csv', example, clock.now());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entries).toHaveLength(5);
    expect(result.entries[0]).toMatchObject({
      date: '2027-01-15',
      title: 'Deadline aanvragen TLV schooljaar 2027-2028',
      audience: 'alle',
      remindDays: [14, 2],
    });
    expect(result.entries[1]).toMatchObject({ date: '2027-02-03', time: '15:30', remindDays: [7, 1] });
    expect(result.entries[3]).toMatchObject({ audience: 'PO', remindDays: [10] });
  });

  it('lists every error with its line and changes nothing', () => {
    const bad = [
      'datum;titel;omschrijving;doelgroep;herinneren',
      '2027-02-30;Titel;x;alle;1',
      '2027-03-01;;x;PO;1',
      '2027-03-02;Titel;x;MBO;1',
      '2027-03-03;Titel;x;VO;een',
    ].join('\n');
    const result = parseAgendaFile('a.csv', bad, clock.now());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.where)).toEqual(['regel 2', 'regel 3', 'regel 4', 'regel 5']);
    expect(result.errors[2]!.message).toContain('PO, VO of alle');
    expect(parseAgendaFile('a.csv', 'datum,titel\n2027-01-01,x', clock.now()).ok).toBe(false);
    expect(parseAgendaFile('a.csv', 'datum;titel;omschrijving;doelgroep;herinneren\n', clock.now()).ok).toBe(false); // would wipe the agenda
  });

  it('reads an iCalendar export: all-day and timed events, categories, alarms', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Outlook//NL',
      'BEGIN:VEVENT',
      'UID:1',
      'DTSTART;VALUE=DATE:20270115',
      'SUMMARY:Deadline TLV',
      'CATEGORIES:VO',
      'BEGIN:VALARM',
      'TRIGGER:-P14D',
      'ACTION:DISPLAY',
      'DESCRIPTION:x',
      'END:VALARM',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:2',
      'DTSTART:20270203T143000Z',
      'SUMMARY:Netwerkbijeenkomst',
      'DESCRIPTION:Zaal 2',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = parseAgendaFile('agenda.ics', ics, clock.now());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entries[0]).toMatchObject({ date: '2027-01-15', audience: 'VO', remindDays: [14] });
    expect(result.entries[1]).toMatchObject({ date: '2027-02-03', time: '15:30', audience: 'alle', description: 'Zaal 2' }); // 14:30Z = 15:30 in winter
  });

  it('has the same limits in both formats: a sane year, reminders at most a year ahead, bounded texts', () => {
    const csv = [
      'datum;titel;omschrijving;doelgroep;herinneren',
      '9999-01-15;Ver weg;x;alle;1',
      `2027-01-15;${'T'.repeat(201)};x;alle;1`,
      '2027-01-16;Alarm;x;alle;400',
    ].join('\n');
    const fromCsv = parseAgendaFile('a.csv', csv, clock.now());
    expect(fromCsv.ok).toBe(false);
    if (!fromCsv.ok) {
      expect(fromCsv.errors.map((e) => e.where)).toEqual(['regel 2', 'regel 3', 'regel 4']);
      expect(fromCsv.errors[0]!.message).toContain('controleer het jaartal');
    }
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:1',
      'DTSTART;VALUE=DATE:99990115',
      'SUMMARY:Ver weg',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:2',
      'DTSTART;VALUE=DATE:20270115',
      `SUMMARY:${'T'.repeat(201)}`,
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:3',
      'DTSTART;VALUE=DATE:20270116',
      'SUMMARY:Alarm',
      'BEGIN:VALARM',
      'TRIGGER:-P99999D',
      'ACTION:DISPLAY',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const fromIcs = parseAgendaFile('agenda.ics', ics, clock.now());
    expect(fromIcs.ok).toBe(false);
    if (!fromIcs.ok) {
      expect(fromIcs.errors.map((e) => e.where)).toEqual(['afspraak 1', 'afspraak 2', 'afspraak 3']);
      expect(fromIcs.errors.map((e) => e.message).join(' ')).toMatch(/jaartal.*200 tekens.*365 dagen/);
    }
  });

  it('takes an Outlook TZID time as Dutch time, and Outlook all-day events as dates', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:3',
      'DTSTART;TZID=W. Europe Standard Time:20270203T153000',
      'SUMMARY:Overleg',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:4',
      'DTSTART:20270301T000000',
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
      'SUMMARY:Peildatum',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = parseAgendaFile('agenda.ics', ics, clock.now());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entries[0]).toMatchObject({ date: '2027-02-03', time: '15:30' });
    expect(result.entries[1]).toEqual(expect.objectContaining({ date: '2027-03-01' }));
    expect(result.entries[1]!.time).toBeUndefined();
  });

  it('refuses times that do not exist and names the real line after blank lines', () => {
    const text = [
      'datum;titel;omschrijving;doelgroep;herinneren',
      '',
      '2027-03-28T02:30;Zomertijd;x;alle;1',
      '2027-01-01T24:00;Middernacht;x;alle;1',
    ].join('\n');
    const result = parseAgendaFile('a.csv', text, clock.now());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.where)).toEqual(['regel 3', 'regel 4']);
  });
});

describe('agenda import', () => {
  it('imports, and the same file again changes nothing; a changed file updates and removes', async () => {
    const parsed = parseAgendaFile('a.csv', example, clock.now());
    if (!parsed.ok) throw new Error('example invalid');
    expect(await importAgenda(db.prisma, parsed.entries, 'test')).toMatchObject({ created: 5, changed: true });
    const first = await db.prisma.agendaItem.findMany({ orderBy: { date: 'asc' } });
    expect(await importAgenda(db.prisma, parsed.entries, 'test')).toMatchObject({ created: 0, updated: 0, removed: 0, changed: false });
    expect(await db.prisma.agendaItem.findMany({ orderBy: { date: 'asc' } })).toEqual(first);

    const changed = parsed.entries.slice(1).map((e, i) => (i === 0 ? { ...e, remindDays: [3] } : e));
    expect(await importAgenda(db.prisma, changed, 'test')).toMatchObject({ created: 0, updated: 1, removed: 1 });
    expect(await db.prisma.agendaItem.count()).toBe(4);
  });
});

/** The rows of an iCalendar file around the given VEVENT bodies. */
const calendar = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//NL',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');

describe('school holidays in the year agenda file', () => {
  const header = 'datum;titel;omschrijving;doelgroep;herinneren';

  it('reads a file without the new columns exactly as before: activities, same keys', () => {
    const result = parseAgendaFile('jaaragenda.csv', example, clock.now());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entries.every((e) => e.kind === 'activiteit' && e.endDate === undefined)).toBe(true);
    // The stored identity of an activity did not change, so an import after the upgrade updates nothing.
    expect(entryKey(result.entries[0]!)).toBe('2027-01-15||deadline aanvragen tlv schooljaar 2027-2028');
    expect(entryKey(result.entries[1]!)).toBe('2027-02-03|15:30|netwerkbijeenkomst coördinatoren passend onderwijs');
    // "soort" alone, empty or "activiteit", means the same as leaving it out.
    const lines = example.trim().split('\n').slice(1);
    const withKind = [`${header};soort`, ...lines.map((l, i) => `${l};${i % 2 ? 'Activiteit' : ''}`)].join('\n');
    expect(parseAgendaFile('a.csv', withKind, clock.now())).toEqual(result);
    // A 5-column header still wants exactly 5 columns.
    const extra = parseAgendaFile('a.csv', `${header}\n2027-10-16;Herfstvakantie;;alle;;vakantie;2027-10-24`, clock.now());
    expect(extra).toEqual({ ok: false, errors: [{ where: 'regel 2', message: 'verwacht 5 kolommen gescheiden door ";", gevonden 7.' }] });
  });

  it('reads holidays from the soort and tot columns: one day by default, audience per school type', () => {
    const result = parseAgendaFile('jaaragenda.csv', holidaysExample, clock.now());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entries).toHaveLength(9);
    expect(result.entries[0]).toMatchObject({ kind: 'activiteit', date: '2027-01-15', remindDays: [14, 2] });
    expect(result.entries[0]!.endDate).toBeUndefined();
    expect(result.entries[1]).toMatchObject({ kind: 'activiteit', time: '15:30' });
    expect(result.entries[2]).toEqual({
      kind: 'vakantie',
      date: '2027-02-20',
      endDate: '2027-02-28',
      title: 'Voorjaarsvakantie',
      description: '',
      audience: 'alle',
      remindDays: [],
    });
    expect(result.entries[5]).toMatchObject({ kind: 'vakantie', date: '2027-05-17', endDate: '2027-05-17' }); // no tot: one day
    expect(result.entries[6]).toMatchObject({ date: '2027-07-10', endDate: '2027-08-22', audience: 'PO', remindDays: [14] });
    expect(result.entries[7]).toMatchObject({ date: '2027-07-17', endDate: '2027-08-29', audience: 'VO' });
    // The optional columns may be left off at the end of a row; "VAKANTIE" is read like "vakantie".
    const short = parseAgendaFile(
      'a.csv',
      `${header};soort;tot\n2027-03-01;Peildatum;;alle;5\n2027-10-16;Herfst;;VO;;VAKANTIE`,
      clock.now(),
    );
    if (!short.ok) throw new Error(JSON.stringify(short.errors));
    expect(short.entries.map((e) => [e.kind, e.endDate])).toEqual([
      ['activiteit', undefined],
      ['vakantie', '2027-10-16'],
    ]);
  });

  it('refuses a wrong soort or tot with the line, and a file with an error changes nothing', () => {
    const lines = [
      `${header};soort;tot`,
      '2027-10-16;Herfstvakantie;;alle;;vakantie;2027-10-10', // tot before datum
      '2027-03-01;Peildatum;;alle;5;activiteit;2027-03-02', // tot on an activity
      '2027-03-01;Studiedag;;alle;5;;2027-03-02', // tot with soort left empty: an activity too
      '2027-07-01;Zomervakantie;;PO;;vakantie;2027-09-29', // 91 days
      '2027-10-16T08:30;Herfst;;VO;;vakantie;2027-10-24', // a holiday with a time
      '2027-10-16;Herfst;;VO;;feest;', // unknown soort
      '2027-10-16;Herfst;;PO;;vakantie;24-10-2027', // tot not ISO
      '2027-10-16;Herfst;;alle;;vakantie;2027-10-24T12:00', // tot with a time
      '2027-05-17;Pinksteren;;alle;;vakantie;;extra', // 8 columns
      '2027-12-24;Kerstvakantie;;alle;;vakantie;2028-01-07', // fine, but the file has errors
    ];
    const result = parseAgendaFile('a.csv', lines.join('\n'), clock.now());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.where)).toEqual([
      'regel 2',
      'regel 3',
      'regel 4',
      'regel 5',
      'regel 6',
      'regel 7',
      'regel 8',
      'regel 9',
      'regel 10',
    ]);
    const message = (line: number) => result.errors.find((e) => e.where === `regel ${line}`)!.message;
    expect(message(2)).toContain('de vakantie eindigt (2027-10-10) vóór de eerste dag (2027-10-16)');
    expect(message(3)).toBe('tot mag alleen ingevuld zijn bij soort vakantie; laat tot leeg bij een activiteit.');
    expect(message(4)).toContain('tot mag alleen ingevuld zijn bij soort vakantie');
    expect(message(5)).toContain('duurt 91 dagen; een vakantie kan hoogstens 90 dagen duren');
    expect(message(6)).toContain('een vakantie duurt hele dagen');
    expect(message(7)).toBe('soort "feest" moet leeg, activiteit of vakantie zijn.');
    expect(message(8)).toContain('tot "24-10-2027" is geen geldige datum; gebruik JJJJ-MM-DD');
    expect(message(9)).toContain('tot "2027-10-24T12:00" is geen geldige datum');
    expect(message(10)).toBe('verwacht 5 tot 7 kolommen gescheiden door ";", gevonden 8.');
    // 90 days, both ends included, is the longest holiday.
    expect(parseAgendaFile('a.csv', `${header};soort;tot\n2027-07-01;Zomer;;PO;;vakantie;2027-09-28`, clock.now()).ok).toBe(true);
    // A header with "tot" but no "soort", or a misspelt column, is refused as a whole.
    for (const wrong of [`${header};tot`, `${header};soort;tot;extra`, `${header};sort`]) {
      const r = parseAgendaFile('a.csv', `${wrong}\n2027-03-01;Peildatum;;alle;5`, clock.now());
      expect(r.ok ? [] : r.errors.map((e) => e.where)).toEqual(['regel 1']);
    }
  });

  it('a holiday is identified by its first day, audience and title: PO and VO may differ, a repeat is an error', () => {
    const both = `${header};soort;tot\n2027-07-10;Zomervakantie;;PO;;vakantie;2027-08-22\n2027-07-10;Zomervakantie;;VO;;vakantie;2027-08-29`;
    expect(parseAgendaFile('a.csv', both, clock.now()).ok).toBe(true);
    const twice = `${both}\n2027-07-10;zomervakantie;;po;;vakantie;2027-08-21`;
    expect(parseAgendaFile('a.csv', twice, clock.now())).toEqual({
      ok: false,
      errors: [{ where: 'regel 4', message: 'staat dubbel in het bestand (zelfde eerste dag, doelgroep en titel als regel 2).' }],
    });
  });

  it('reads an iCalendar holiday: CATEGORIES vakantie or schoolvakantie, DTEND exclusive, audience from the categories', () => {
    const ics = calendar(
      // all-day, several days: DTEND is the day after the last day
      ['UID:h1', 'DTSTART;VALUE=DATE:20271016', 'DTEND;VALUE=DATE:20271025', 'SUMMARY:Herfstvakantie', 'CATEGORIES:Schoolvakantie'],
      // audience and holiday in one CATEGORIES line, with a reminder
      [
        'UID:h2',
        'DTSTART;VALUE=DATE:20270710',
        'DTEND;VALUE=DATE:20270823',
        'SUMMARY:Zomervakantie',
        'CATEGORIES:PO,VAKANTIE',
        'BEGIN:VALARM',
        'TRIGGER:-P14D',
        'ACTION:DISPLAY',
        'DESCRIPTION:x',
        'END:VALARM',
      ],
      // no DTEND: one day
      ['UID:h3', 'DTSTART;VALUE=DATE:20270517', 'SUMMARY:Tweede Pinksterdag', 'CATEGORIES:vakantie'],
      // Outlook's all-day event: midnight to midnight
      [
        'UID:h4',
        'DTSTART;TZID=W. Europe Standard Time:20270506T000000',
        'DTEND;TZID=W. Europe Standard Time:20270508T000000',
        'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
        'SUMMARY:Hemelvaart',
        'CATEGORIES:VO',
        'CATEGORIES:Vakantie',
      ],
      // a duration instead of DTEND
      ['UID:h5', 'DTSTART;VALUE=DATE:20270220', 'DURATION:P9D', 'SUMMARY:Voorjaarsvakantie', 'CATEGORIES:Schoolvakantie'],
      // an ordinary all-day event over several days stays an activity on its first day
      ['UID:a1', 'DTSTART;VALUE=DATE:20270301', 'DTEND;VALUE=DATE:20270303', 'SUMMARY:Congres', 'CATEGORIES:VO'],
    );
    const result = parseAgendaFile('agenda.ics', ics, clock.now());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entries.map((e) => [e.kind, e.date, e.endDate, e.audience])).toEqual([
      ['vakantie', '2027-10-16', '2027-10-24', 'alle'],
      ['vakantie', '2027-07-10', '2027-08-22', 'PO'],
      ['vakantie', '2027-05-17', '2027-05-17', 'alle'],
      ['vakantie', '2027-05-06', '2027-05-07', 'VO'],
      ['vakantie', '2027-02-20', '2027-02-28', 'alle'],
      ['activiteit', '2027-03-01', undefined, 'VO'],
    ]);
    expect(result.entries[1]!.remindDays).toEqual([14]);
    expect(result.entries.every((e) => e.time === undefined)).toBe(true);
  });

  it('refuses an iCalendar holiday with a time, an end before its start, or longer than 90 days, by event number', () => {
    const ics = calendar(
      ['UID:1', 'DTSTART;VALUE=DATE:20271016', 'DTEND;VALUE=DATE:20271025', 'SUMMARY:Goed', 'CATEGORIES:vakantie'],
      ['UID:2', 'DTSTART:20271016T080000', 'DTEND:20271016T170000', 'SUMMARY:Met tijd', 'CATEGORIES:vakantie'],
      ['UID:3', 'DTSTART;VALUE=DATE:20271016', 'DTEND;VALUE=DATE:20271010', 'SUMMARY:Achterstevoren', 'CATEGORIES:vakantie'],
      ['UID:4', 'DTSTART;VALUE=DATE:20270701', 'DTEND;VALUE=DATE:20270930', 'SUMMARY:Te lang', 'CATEGORIES:schoolvakantie'],
    );
    const result = parseAgendaFile('agenda.ics', ics, clock.now());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.where)).toEqual(['afspraak 2', 'afspraak 3', 'afspraak 4']);
    expect(result.errors[0]!.message).toContain('heeft een begintijd; maak er een afspraak voor de hele dag van');
    expect(result.errors[1]!.message).toContain('vóór de eerste dag');
    expect(result.errors[2]!.message).toContain('duurt 91 dagen');
    // DTEND equal to DTSTART (some tools write that for one day) is one day.
    const same = parseAgendaFile(
      'agenda.ics',
      calendar(['UID:1', 'DTSTART;VALUE=DATE:20271016', 'DTEND;VALUE=DATE:20271016', 'SUMMARY:Studiedag', 'CATEGORIES:vakantie']),
      clock.now(),
    );
    expect(same.ok && same.entries[0]).toMatchObject({ date: '2027-10-16', endDate: '2027-10-16' });
  });
});

describe('school holidays stored and read back', () => {
  const parsed = () => {
    const result = parseAgendaFile('jaaragenda.csv', holidaysExample, clock.now());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.entries;
  };
  const swvId = async () => (await db.prisma.swv.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;

  it('imports holidays with kind and last day; the same file again changes nothing; a corrected last day updates', async () => {
    const entries = parsed();
    await importAgenda(db.prisma, entries, 'test');
    const first = await db.prisma.agendaItem.findMany({ orderBy: [{ date: 'asc' }, { audience: 'asc' }] });
    expect(first).toHaveLength(9);
    expect(first.find((i) => i.title === 'Voorjaarsvakantie')).toMatchObject({ kind: 'vakantie', endDate: '2027-02-28', time: null });
    expect(first.find((i) => i.title === 'Netwerkbijeenkomst coördinatoren passend onderwijs')).toMatchObject({
      kind: 'activiteit',
      endDate: null,
    });
    expect(await importAgenda(db.prisma, entries, 'test')).toMatchObject({ created: 0, updated: 0, removed: 0, changed: false });
    expect(await db.prisma.agendaItem.findMany({ orderBy: [{ date: 'asc' }, { audience: 'asc' }] })).toEqual(first);

    const corrected = entries.map((e) => (e.title === 'Herfstvakantie' ? { ...e, endDate: '2027-10-23' } : e));
    expect(await importAgenda(db.prisma, corrected, 'test')).toMatchObject({ created: 0, updated: 1, removed: 0 });
    const herfst = await db.prisma.agendaItem.findMany({ where: { title: 'Herfstvakantie' } });
    expect(herfst.map((i) => [i.id, i.endDate])).toEqual([[first.find((i) => i.title === 'Herfstvakantie')!.id, '2027-10-23']]);
    // The file as it was: the same item gets its last day back.
    expect(await importAgenda(db.prisma, entries, 'test')).toMatchObject({ created: 0, updated: 1, removed: 0 });
  });

  it('holidaysFor gives a school its region’s holidays and those for everyone; holidaysByRegion both in one go', async () => {
    await importAgenda(db.prisma, parsed(), 'test');
    const id = await swvId();
    const po = await holidaysFor(db.prisma, id, 'PO');
    const vo = await holidaysFor(db.prisma, id, 'VO');
    expect(po).toEqual([
      { start: '2027-02-20', end: '2027-02-28' },
      { start: '2027-04-24', end: '2027-05-02' },
      { start: '2027-05-06', end: '2027-05-07' },
      { start: '2027-05-17', end: '2027-05-17' },
      { start: '2027-07-10', end: '2027-08-22' },
      { start: '2027-10-16', end: '2027-10-24' },
    ]);
    expect(vo.filter((h) => h.start.startsWith('2027-07'))).toEqual([{ start: '2027-07-17', end: '2027-08-29' }]);
    expect(vo).toHaveLength(6);
    expect(await holidaysByRegion(db.prisma, id)).toEqual({ PO: po, VO: vo });
    expect(await holidaysFor(db.prisma, 'another-swv', 'PO')).toEqual([]);
    // Activities are never holidays.
    expect(po.some((h) => h.start === '2027-01-15' || h.start === '2027-02-03')).toBe(false);

    // What the thuiszitter count needs: days absent leaving out the school's holidays.
    expect(daysOutsideHolidays('2027-07-05', '2027-09-06', await holidaysFor(db.prisma, id, holidayRegionOf('SBO')))).toBe(63 - 44);
    expect(daysOutsideHolidays('2027-07-05', '2027-09-06', await holidaysFor(db.prisma, id, holidayRegionOf('VO')))).toBe(63 - 44);
  });
});
