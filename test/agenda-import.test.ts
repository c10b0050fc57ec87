import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import type { Database } from '../bot/store/database.ts';
import { createTestDatabase } from './support/testDatabase.ts';
import { importFixture } from './support/org.ts';
import { clock } from './support/clock.ts';

const example = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/jaaragenda.example.csv'), 'utf8');
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
