// The year agenda file (contract 2): CSV "datum;titel;omschrijving;doelgroep;herinneren" or iCalendar.
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { ZONE } from '../../domain/time.ts';

export const AUDIENCES = ['PO', 'VO', 'alle'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface AgendaEntry {
  date: string;
  time?: string;
  title: string;
  description: string;
  audience: Audience;
  remindDays: number[];
}
export interface AgendaError {
  /** "regel 3" (CSV) or "afspraak 2" (iCalendar). */
  where: string;
  message: string;
}
export type AgendaResult = { ok: true; entries: AgendaEntry[] } | { ok: false; errors: AgendaError[] };

const HEADER = ['datum', 'titel', 'omschrijving', 'doelgroep', 'herinneren'];
const MAX_REMIND_DAYS = 365;

export function parseAgendaFile(fileName: string, text: string): AgendaResult {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.ics$/i.test(fileName) || body.trimStart().startsWith('BEGIN:VCALENDAR')) return parseIcs(body);
  return parseCsvAgenda(body);
}

function parseCsvAgenda(text: string): AgendaResult {
  let rows: string[][];
  let lineOf: number[] = [];
  try {
    const records = parseCsv(text, { delimiter: ';', skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    rows = records.map((r) => r.record);
    lineOf = records.map((r) => r.info.lines);
  } catch (err) {
    return { ok: false, errors: [{ where: 'bestand', message: `Dit is geen leesbaar CSV-bestand: ${(err as Error).message}` }] };
  }
  const [header, ...data] = rows;
  if (!header || header.map((h) => h.toLowerCase()).join(';') !== HEADER.join(';')) {
    return { ok: false, errors: [{ where: 'regel 1', message: `De kopregel moet precies zijn: ${HEADER.join(';')}` }] };
  }
  const errors: AgendaError[] = [];
  const entries: AgendaEntry[] = [];
  data.forEach((row, i) => {
    const where = `regel ${lineOf[i + 1] ?? i + 2}`;
    const fail = (message: string) => errors.push({ where, message });
    if (row.length !== HEADER.length) return fail(`verwacht ${HEADER.length} kolommen gescheiden door ";", gevonden ${row.length}.`);
    const [datum, titel, omschrijving, doelgroep, herinneren] = row as [string, string, string, string, string];
    const when = parseWhen(datum);
    if (!when) fail(`datum "${datum}" is geen geldige datum; gebruik JJJJ-MM-DD of JJJJ-MM-DDTUU:MM.`);
    if (!titel) fail('titel ontbreekt.');
    if (titel.length > 200) fail('titel is langer dan 200 tekens.');
    if (omschrijving.length > 2000) fail('omschrijving is langer dan 2000 tekens.');
    const audience = AUDIENCES.find((a) => a.toLowerCase() === doelgroep.toLowerCase());
    if (!audience) fail(`doelgroep "${doelgroep}" moet PO, VO of alle zijn.`);
    const days = parseRemindDays(herinneren);
    if (!days) fail(`herinneren "${herinneren}" moet een lijst van dagen zijn, bijvoorbeeld 14,1.`);
    if (when && titel && audience && days) entries.push({ ...when, title: titel, description: omschrijving, audience, remindDays: days });
  });
  if (!errors.length && entries.length === 0) errors.push({ where: 'bestand', message: 'bevat geen afspraken. Een lege agenda zou alle bestaande afspraken wissen; er is niets gewijzigd.' });
  return errors.length ? { ok: false, errors } : checkDuplicates(entries, (i) => `regel ${lineOf[i + 1] ?? i + 2}`);
}

function parseWhen(text: string): { date: string; time?: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/.exec(text);
  if (!m) return null;
  const d = DateTime.fromISO(text, { zone: ZONE });
  // A time that does not exist (24:00, or the hour skipped when summer time starts) is refused.
  if (!d.isValid || d.toISODate() !== m[1] || (m[2] && d.toFormat('HH:mm') !== m[2])) return null;
  return { date: m[1]!, time: m[2] };
}

function parseRemindDays(text: string): number[] | null {
  if (!text) return [];
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > MAX_REMIND_DAYS)) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}

/** Outlook / Google Calendar export: each VEVENT is an item; VALARM triggers become reminder days. */
function parseIcs(text: string): AgendaResult {
  let events: ICAL.Component[];
  try {
    events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  } catch (err) {
    return { ok: false, errors: [{ where: 'bestand', message: `Dit is geen leesbaar iCalendar-bestand: ${(err as Error).message}` }] };
  }
  const errors: AgendaError[] = [];
  const entries: AgendaEntry[] = [];
  events.forEach((component, i) => {
    const where = `afspraak ${i + 1}`;
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return;
    if (component.hasProperty('rrule')) {
      return errors.push({ where, message: `"${String(component.getFirstPropertyValue('summary') ?? '')}" is een herhalende afspraak; zet elke datum als losse afspraak in de agenda.` });
    }
    const event = new ICAL.Event(component);
    const start = event.startDate;
    if (!start) return errors.push({ where, message: 'heeft geen begindatum (DTSTART).' });
    if (!event.summary) return errors.push({ where, message: 'heeft geen titel (SUMMARY).' });
    const local = localStart(start, component);
    const categories = component.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
    const audience = AUDIENCES.find((a) => categories.some((c) => c.toLowerCase() === a.toLowerCase())) ?? 'alle';
    const remindDays = component
      .getAllSubcomponents('valarm')
      .map((alarm) => alarm.getFirstPropertyValue('trigger'))
      .filter((t): t is ICAL.Duration => t instanceof ICAL.Duration && t.isNegative)
      .map((d) => Math.round(d.toSeconds() / -86_400))
      .filter((d) => d >= 0);
    entries.push({ ...local, title: event.summary.slice(0, 200), description: (event.description ?? '').slice(0, 2000), audience, remindDays: [...new Set(remindDays)].sort((a, b) => b - a) });
  });
  if (!errors.length && entries.length === 0) errors.push({ where: 'bestand', message: 'bevat geen afspraken. Een lege agenda zou alle bestaande afspraken wissen; er is niets gewijzigd.' });
  return errors.length ? { ok: false, errors } : checkDuplicates(entries, (i) => `afspraak ${i + 1}`);
}

/**
 * The start in Dutch local time. UTC times are converted; other times (floating, or a TZID, which
 * Dutch agendas use for Europe/Amsterdam) are taken as Dutch wall-clock time. Outlook marks some
 * all-day events as a midnight start with X-MICROSOFT-CDO-ALLDAYEVENT.
 */
function localStart(start: ICAL.Time, component: ICAL.Component): { date: string; time?: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const allDay = start.isDate || String(component.getFirstPropertyValue('x-microsoft-cdo-alldayevent') ?? '').toUpperCase() === 'TRUE';
  if (allDay) return { date: `${start.year}-${pad(start.month)}-${pad(start.day)}` };
  if (start.zone?.tzid === 'UTC') {
    const dt = DateTime.fromJSDate(start.toJSDate(), { zone: ZONE });
    return { date: dt.toISODate()!, time: dt.toFormat('HH:mm') };
  }
  return { date: `${start.year}-${pad(start.month)}-${pad(start.day)}`, time: `${pad(start.hour)}:${pad(start.minute)}` };
}

export const entryKey = (e: AgendaEntry) => `${e.date}|${e.time ?? ''}|${e.title.toLowerCase()}`;

function checkDuplicates(entries: AgendaEntry[], where: (i: number) => string): AgendaResult {
  const seen = new Map<string, number>();
  const errors: AgendaError[] = [];
  entries.forEach((e, i) => {
    const key = entryKey(e);
    if (seen.has(key)) errors.push({ where: where(i), message: `staat dubbel in het bestand (zelfde datum en titel als ${where(seen.get(key)!)}).` });
    else seen.set(key, i);
  });
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}
