// The year agenda's doelgroep SOT (contract 2, extended): items for the SOT team itself. Files that were
// valid stay valid and mean the same; SOT is refused for a school holiday. Fixed moments.
import { describe, expect, it } from 'vitest';
import { parseAgendaFile } from '../../bot/features/agenda/agendaFile.ts';
import { at } from './dutch.ts';

const NOW = at('2026-11-25T10:00');
const csv = (...rows: string[]) => ['datum;titel;omschrijving;doelgroep;herinneren;soort;tot', ...rows].join('\n');

describe('doelgroep SOT', () => {
  it('CSV: SOT (any case) is an item for the SOT team', () => {
    const result = parseAgendaFile('a.csv', csv('2027-02-10;Intervisie consulenten;;SOT;7;;', '2027-02-11;Teamdag;;sot;;;'), NOW);
    expect(result.ok && result.entries.map((e) => e.audience)).toEqual(['SOT', 'SOT']);
  });

  it('a file without SOT means what it did', () => {
    const old =
      'datum;titel;omschrijving;doelgroep;herinneren\n2027-01-15;Deadline;;alle;14,2\n2027-04-12;Ronde;;PO;10\n2027-05-20;OPDC;;VO;14';
    const result = parseAgendaFile('a.csv', old, NOW);
    expect(result.ok && result.entries.map((e) => e.audience)).toEqual(['alle', 'PO', 'VO']);
  });

  it('another doelgroep is refused, naming SOT among the choices', () => {
    const result = parseAgendaFile('a.csv', csv('2027-02-10;Intervisie;;team;7;;'), NOW);
    expect(result).toEqual({
      ok: false,
      errors: [{ where: 'regel 2', message: 'doelgroep "team" moet PO, VO of alle zijn (scholen), of SOT (het SOT-team zelf).' }],
    });
  });

  it('a school holiday cannot be for the SOT', () => {
    const result = parseAgendaFile('a.csv', csv('2027-10-16;Herfstvakantie;;SOT;;vakantie;2027-10-24'), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain('een schoolvakantie geldt voor scholen');
  });

  it('iCalendar: CATEGORIES SOT; PO or VO win when both are given; a SOT holiday is refused', () => {
    const ics = (categories: string, extra = '') =>
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'UID:a',
        'DTSTART;VALUE=DATE:20270210',
        'SUMMARY:Intervisie',
        `CATEGORIES:${categories}`,
        extra,
        'END:VEVENT',
        'END:VCALENDAR',
      ]
        .filter(Boolean)
        .join('\r\n');
    const audience = (text: string) => {
      const result = parseAgendaFile('a.ics', text, NOW);
      return result.ok ? result.entries[0]!.audience : result.errors[0]!.message;
    };
    expect(audience(ics('SOT'))).toBe('SOT');
    expect(audience(ics('PO,SOT'))).toBe('PO');
    expect(audience(ics('Overleg'))).toBe('alle');
    expect(audience(ics('SOT,vakantie'))).toContain('een schoolvakantie geldt voor scholen');
  });
});
