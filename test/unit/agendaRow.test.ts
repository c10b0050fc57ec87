// One row of the year agenda, as the import reads a CSV line and the form in Teams checks an item: the same
// checks, each problem with its column; the form also hears of every limit at once.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkAgendaRow, type AgendaRow } from '../../bot/features/agenda/agendaFile.ts';

const now = DateTime.fromISO('2026-11-25T10:00', { zone: 'Europe/Amsterdam' }).toJSDate();
const row = (over: Partial<AgendaRow>): AgendaRow => ({
  datum: '2027-01-15',
  titel: 'Deadline TLV',
  omschrijving: '',
  doelgroep: 'alle',
  herinneren: '14,1',
  soort: '',
  tot: '',
  ...over,
});

describe('checkAgendaRow', () => {
  it('makes an entry of a good row', () => {
    expect(checkAgendaRow(row({}), now)).toEqual({
      ok: true,
      entry: { kind: 'activiteit', date: '2027-01-15', title: 'Deadline TLV', description: '', audience: 'alle', remindDays: [14, 1] },
    });
    expect(checkAgendaRow(row({ soort: 'vakantie', tot: '2027-01-20', herinneren: '' }), now)).toMatchObject({
      ok: true,
      entry: { kind: 'vakantie', date: '2027-01-15', endDate: '2027-01-20' },
    });
  });

  it('names the column of each problem', () => {
    const result = checkAgendaRow(row({ datum: '2027-02-30', doelgroep: 'MBO', herinneren: 'een', tot: '2027-03-01' }), now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.column)).toEqual(['datum', 'doelgroep', 'herinneren', 'tot']);
  });

  it('a file line stops before the limits when something cannot be read; the form hears of every field', () => {
    const bad = row({ doelgroep: 'MBO', titel: '', omschrijving: 'x'.repeat(2001), datum: '2031-01-01' });
    const line = checkAgendaRow(bad, now);
    const form = checkAgendaRow(bad, now, { everyField: true });
    if (line.ok || form.ok) throw new Error('expected problems');
    expect(line.problems.map((p) => p.column)).toEqual(['doelgroep']);
    expect(form.problems.map((p) => p.column)).toEqual(['doelgroep', 'datum', 'titel', 'omschrijving']);
    expect(form.problems[1]!.message).toBe('datum 2031-01-01 ligt niet tussen 2025 en 2028; controleer het jaartal.');
  });
});
