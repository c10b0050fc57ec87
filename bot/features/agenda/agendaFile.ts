// The year agenda file (contract 2): CSV "datum;titel;omschrijving;doelgroep;herinneren" or iCalendar.
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { ZONE } from '../../domain/time.ts';
import { cleanText } from '../../domain/text.ts';

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
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 2000;
/** A year agenda is about this school year and the next: dates from last year up to two years ahead. */
const YEARS_BACK = 1;
const YEARS_AHEAD = 2;

/** The same limits for both formats: dates in a sane window, reminder days capped, texts bounded. */
function checkLimits(entry: AgendaEntry, now: Date): string[] {
  const problems: string[] = [];
  const year = Number(entry.date.slice(0, 4));
  const thisYear = DateTime.fromJSDate(now, { zone: ZONE }).year;
  if (year < thisYear - YEARS_BACK || year > thisYear + YEARS_AHEAD)
    problems.push(`datum ${entry.date} ligt niet tussen ${thisYear - YEARS_BACK} en ${thisYear + YEARS_AHEAD}; controleer het jaartal.`);
  if (entry.remindDays.some((d) => d > MAX_REMIND_DAYS)) problems.push(`herinneren kan hoogstens ${MAX_REMIND_DAYS} dagen van tevoren.`);
  if (!entry.title) problems.push('titel ontbreekt.');
  if (entry.title.length > MAX_TITLE) problems.push(`titel is langer dan ${MAX_TITLE} tekens.`);
  if (entry.description.length > MAX_DESCRIPTION) problems.push(`omschrijving is langer dan ${MAX_DESCRIPTION} tekens.`);
  return problems;
}

export function parseAgendaFile(fileName: string, text: string, now: Date = new Date()): AgendaResult {
  const body = cleanText(text.replace(/^\uFEFF/, ''));
  return /\.ics$/i.test(fileName) || body.trimStart().startsWith('BEGIN:VCALENDAR') ? parseIcs(body, now) : parseCsvAgenda(body, now);
}

function parseCsvAgenda(text: string, now: Date): AgendaResult {
  let rows: string[][];
  // The file's line number of each record (a quoted field can span lines), for the error messages.
  const lineOf: number[] = [];
  try {
    rows = parseCsv(text, {
      delimiter: ';',
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      on_record: (record, context) => {
        lineOf.push(context.lines);
        return record;
      },
    });
  } catch (err) {
    return { ok: false, errors: [{ where: 'bestand', message: `Dit is geen leesbaar CSV-bestand: ${(err as Error).message}` }] };
  }
  const [header, ...data] = rows;
  if (!header || header.map((h) => h.toLowerCase()).join(';') !== HEADER.join(';')) {
    return { ok: false, errors: [{ where: 'regel 1', message: `De kopregel moet precies zijn: ${HEADER.join(';')}` }] };
  }
  const errors: AgendaError[] = [];
  const entries: AgendaEntry[] = [];
  for (const [i, row] of data.entries()) {
    const where = `regel ${lineOf[i + 1] ?? i + 2}`;
    const fail = (message: string) => errors.push({ where, message });
    if (row.length !== HEADER.length) {
      fail(`verwacht ${HEADER.length} kolommen gescheiden door ";", gevonden ${row.length}.`);
      continue;
    }
    const [datum, titel, omschrijving, doelgroep, herinneren] = row as [string, string, string, string, string];
    const when = parseWhen(datum);
    if (!when) fail(`datum "${datum}" is geen geldige datum; gebruik JJJJ-MM-DD of JJJJ-MM-DDTUU:MM.`);
    const audience = AUDIENCES.find((a) => a.toLowerCase() === doelgroep.toLowerCase());
    if (!audience) fail(`doelgroep "${doelgroep}" moet PO, VO of alle zijn.`);
    const days = parseRemindDays(herinneren);
    if (!days) fail(`herinneren "${herinneren}" moet een lijst van dagen zijn, bijvoorbeeld 14,1.`);
    if (when && audience && days) {
      const entry = { ...when, title: titel, description: omschrijving, audience, remindDays: days };
      const problems = checkLimits(entry, now);
      problems.forEach(fail);
      if (!problems.length) entries.push(entry);
    }
  }
  if (!errors.length && entries.length === 0)
    errors.push({
      where: 'bestand',
      message: 'bevat geen afspraken. Een lege agenda zou alle bestaande afspraken wissen; er is niets gewijzigd.',
    });
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
function parseIcs(text: string, now: Date): AgendaResult {
  let events: ICAL.Component[];
  try {
    events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  } catch (err) {
    return { ok: false, errors: [{ where: 'bestand', message: `Dit is geen leesbaar iCalendar-bestand: ${(err as Error).message}` }] };
  }
  const errors: AgendaError[] = [];
  const entries: AgendaEntry[] = [];
  for (const [i, component] of events.entries()) {
    const where = `afspraak ${i + 1}`;
    const refuse = (message: string) => errors.push({ where, message });
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') continue;
    if (component.hasProperty('rrule')) {
      refuse(
        `"${String(component.getFirstPropertyValue('summary') ?? '')}" is een herhalende afspraak; zet elke datum als losse afspraak in de agenda.`,
      );
      continue;
    }
    const event = new ICAL.Event(component);
    const start = event.startDate;
    if (!start) {
      refuse('heeft geen begindatum (DTSTART).');
      continue;
    }
    if (!event.summary) {
      refuse('heeft geen titel (SUMMARY).');
      continue;
    }
    const local = localStart(start, component);
    const categories = component.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
    const audience = AUDIENCES.find((a) => categories.some((c) => c.toLowerCase() === a.toLowerCase())) ?? 'alle';
    const remindDays = component
      .getAllSubcomponents('valarm')
      .map((alarm) => alarm.getFirstPropertyValue('trigger'))
      .filter((t): t is ICAL.Duration => t instanceof ICAL.Duration && t.isNegative)
      .map((d) => Math.round(d.toSeconds() / -86_400))
      .filter((d) => d >= 0); // too many days ahead is refused by checkLimits, as in the CSV
    const entry = {
      ...local,
      title: event.summary,
      description: event.description ?? '',
      audience,
      remindDays: [...new Set(remindDays)].sort((a, b) => b - a),
    };
    const problems = checkLimits(entry, now);
    for (const message of problems) refuse(message);
    if (!problems.length) entries.push(entry);
  }
  if (!errors.length && entries.length === 0)
    errors.push({
      where: 'bestand',
      message: 'bevat geen afspraken. Een lege agenda zou alle bestaande afspraken wissen; er is niets gewijzigd.',
    });
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
    if (seen.has(key))
      errors.push({ where: where(i), message: `staat dubbel in het bestand (zelfde datum en titel als ${where(seen.get(key)!)}).` });
    else seen.set(key, i);
  });
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}
