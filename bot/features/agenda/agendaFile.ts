// The year agenda file (contract 2): CSV "datum;titel;omschrijving;doelgroep;herinneren", optionally
// followed by "soort" and "tot" (school holidays), or iCalendar (CATEGORIES "vakantie"/"schoolvakantie"
// marks a holiday).
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { ZONE } from '../../domain/time.ts';
import { cleanText } from '../../domain/text.ts';

/**
 * Who an item is for: the coordinators of PO schools (bao, sbo, so), of VO schools, of all schools, or
 * (SOT) the SOT team itself: its consultants get the reminders, coordinators never do. In this order, so
 * an iCalendar event with both PO and SOT among its categories is a PO item.
 */
export const AUDIENCES = ['PO', 'VO', 'alle', 'SOT'] as const;
export type Audience = (typeof AUDIENCES)[number];
/** activiteit: a date to remember (the default, and all a file without "soort" holds); vakantie: a school holiday. */
export const AGENDA_KINDS = ['activiteit', 'vakantie'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface AgendaEntry {
  kind: AgendaKind;
  /** The date of an activiteit; the first day of a vakantie. */
  date: string;
  /** A vakantie's last day, included (equal to `date` for a single day); never set on an activiteit. */
  endDate?: string;
  /** An activiteit's local time; a vakantie has none. */
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
/** The optional columns after HEADER, in this order: "soort" alone, or "soort;tot". */
const OPTIONAL = ['soort', 'tot'];
const HEADERS = [HEADER, [...HEADER, OPTIONAL[0]!], [...HEADER, ...OPTIONAL]];
/** iCalendar CATEGORIES that make an event a school holiday (case-insensitive). */
const HOLIDAY_CATEGORIES = ['vakantie', 'schoolvakantie'];
/** A holiday longer than this (days, both ends included) is a typing error: the summer holiday is about 45. */
export const MAX_HOLIDAY_DAYS = 90;
const MAX_REMIND_DAYS = 365;
const SOT_HOLIDAY =
  'een schoolvakantie geldt voor scholen: kies doelgroep PO, VO of alle. Doelgroep SOT is voor afspraken van het SOT-team zelf.';
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 2000;
/** A year agenda is about this school year and the next: dates from last year up to two years ahead. */
const YEARS_BACK = 1;
const YEARS_AHEAD = 2;

/** The years an agenda date may fall in: from last year up to two years ahead (the agenda card pages within them). */
export function agendaYears(now: Date): { first: number; last: number } {
  const thisYear = DateTime.fromJSDate(now, { zone: ZONE }).year;
  return { first: thisYear - YEARS_BACK, last: thisYear + YEARS_AHEAD };
}

/** A column of the agenda (CSV header names); the form in Teams has a field for each. */
export type AgendaColumn = 'datum' | 'titel' | 'omschrijving' | 'doelgroep' | 'herinneren' | 'soort' | 'tot';
export interface AgendaProblem {
  column: AgendaColumn;
  message: string;
}

/**
 * The same limits for both formats: dates in a sane window, reminder days capped, texts bounded. A part
 * left out (no date, no reminder days: they could not be read) is not checked.
 */
function checkLimits(entry: { date?: string; remindDays?: number[]; title: string; description: string }, now: Date): AgendaProblem[] {
  const problems: AgendaProblem[] = [];
  const { first, last } = agendaYears(now);
  const year = entry.date ? Number(entry.date.slice(0, 4)) : undefined;
  if (year !== undefined && (year < first || year > last))
    problems.push({ column: 'datum', message: `datum ${entry.date} ligt niet tussen ${first} en ${last}; controleer het jaartal.` });
  if (entry.remindDays?.some((d) => d > MAX_REMIND_DAYS))
    problems.push({ column: 'herinneren', message: `herinneren kan hoogstens ${MAX_REMIND_DAYS} dagen van tevoren.` });
  if (!entry.title) problems.push({ column: 'titel', message: 'titel ontbreekt.' });
  if (entry.title.length > MAX_TITLE) problems.push({ column: 'titel', message: `titel is langer dan ${MAX_TITLE} tekens.` });
  if (entry.description.length > MAX_DESCRIPTION)
    problems.push({ column: 'omschrijving', message: `omschrijving is langer dan ${MAX_DESCRIPTION} tekens.` });
  return problems;
}

/** A holiday's first and last day (both included): not backwards, not longer than MAX_HOLIDAY_DAYS. */
function checkHolidayRange(start: string, end: string, check: string): string[] {
  const days = Math.round(DateTime.fromISO(end, { zone: ZONE }).diff(DateTime.fromISO(start, { zone: ZONE }), 'days').days) + 1;
  if (days < 1) return [`de vakantie eindigt (${end}) vóór de eerste dag (${start}). ${check}`];
  if (days > MAX_HOLIDAY_DAYS)
    return [
      `de vakantie van ${start} tot en met ${end} duurt ${days} dagen; een vakantie kan hoogstens ${MAX_HOLIDAY_DAYS} dagen duren. ${check}`,
    ];
  return [];
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
  const columns = header && HEADERS.find((h) => h.join(';') === header.map((c) => c.toLowerCase()).join(';'));
  if (!columns) {
    return {
      ok: false,
      errors: [
        {
          where: 'regel 1',
          message: `De kopregel moet precies zijn: ${HEADER.join(';')} (eventueel gevolgd door ;soort of ;soort;tot)`,
        },
      ],
    };
  }
  const errors: AgendaError[] = [];
  const entries: AgendaEntry[] = [];
  for (const [i, row] of data.entries()) {
    const where = `regel ${lineOf[i + 1] ?? i + 2}`;
    const fail = (message: string) => errors.push({ where, message });
    // The optional columns may be left off at the end of a row; the five of HEADER are always there.
    if (row.length < HEADER.length || row.length > columns.length) {
      const expected = columns.length === HEADER.length ? `${HEADER.length}` : `${HEADER.length} tot ${columns.length}`;
      fail(`verwacht ${expected} kolommen gescheiden door ";", gevonden ${row.length}.`);
      continue;
    }
    const [datum, titel, omschrijving, doelgroep, herinneren, soort = '', tot = ''] = row as [
      string,
      string,
      string,
      string,
      string,
      ...string[],
    ];
    const checked = checkAgendaRow({ datum, titel, omschrijving, doelgroep, herinneren, soort, tot }, now);
    if (checked.ok) entries.push(checked.entry);
    else for (const problem of checked.problems) fail(problem.message);
  }
  if (!errors.length && entries.length === 0)
    errors.push({
      where: 'bestand',
      message: 'bevat geen afspraken. Een lege agenda zou alle bestaande afspraken wissen; er is niets gewijzigd.',
    });
  return errors.length ? { ok: false, errors } : checkDuplicates(entries, (i) => `regel ${lineOf[i + 1] ?? i + 2}`);
}

/** One row of the agenda as typed, every value text: a CSV line, or the add/change form in Teams. */
export type AgendaRow = Record<AgendaColumn, string>;
export type AgendaRowResult = { ok: true; entry: AgendaEntry } | { ok: false; problems: AgendaProblem[] };

/**
 * The checks of one row, each problem with its column. A CSV line stops at the first kind of problem (what
 * cannot be read, then the limits), as the import always did; `everyField` (the form in Teams) also checks
 * the limits of what could be read, so every field that needs fixing is named at once.
 */
export function checkAgendaRow(row: AgendaRow, now: Date, options: { everyField?: boolean } = {}): AgendaRowResult {
  const { datum, titel, omschrijving, doelgroep, herinneren, soort, tot } = row;
  const problems: AgendaProblem[] = [];
  const fail = (column: AgendaColumn) => (message: string) => problems.push({ column, message });
  const when = parseWhen(datum);
  if (!when) fail('datum')(`datum "${datum}" is geen geldige datum; gebruik JJJJ-MM-DD of JJJJ-MM-DDTUU:MM.`);
  const audience = AUDIENCES.find((a) => a.toLowerCase() === doelgroep.toLowerCase());
  if (!audience) fail('doelgroep')(`doelgroep "${doelgroep}" moet PO, VO of alle zijn (scholen), of SOT (het SOT-team zelf).`);
  const days = parseRemindDays(herinneren);
  if (!days) fail('herinneren')(`herinneren "${herinneren}" moet een lijst van dagen zijn, bijvoorbeeld 14,1.`);
  const kind = soort ? AGENDA_KINDS.find((k) => k === soort.toLowerCase()) : 'activiteit';
  if (!kind) fail('soort')(`soort "${soort}" moet leeg, activiteit of vakantie zijn.`);
  let endDate: string | undefined;
  if (kind === 'vakantie') {
    if (audience === 'SOT') fail('doelgroep')(SOT_HOLIDAY);
    if (when?.time) fail('datum')(`een vakantie duurt hele dagen: geef bij datum geen tijd ("${datum}"), alleen JJJJ-MM-DD.`);
    const last = tot ? parseWhen(tot) : when && { date: when.date };
    if (tot && (!last || last.time)) fail('tot')(`tot "${tot}" is geen geldige datum; gebruik JJJJ-MM-DD (de laatste vakantiedag).`);
    else if (when && last) {
      endDate = last.date;
      checkHolidayRange(when.date, endDate, 'Controleer datum en tot (de laatste vakantiedag).').forEach(fail('tot'));
    }
  } else if (kind && tot) {
    fail('tot')(`tot mag alleen ingevuld zijn bij soort vakantie; laat tot leeg bij een activiteit.`);
  }
  if (when && audience && days && kind && problems.length === 0) {
    const entry: AgendaEntry = {
      kind,
      ...when,
      ...(endDate ? { endDate } : {}),
      title: titel,
      description: omschrijving,
      audience,
      remindDays: days,
    };
    const limits = checkLimits(entry, now);
    return limits.length ? { ok: false, problems: limits } : { ok: true, entry };
  }
  if (options.everyField) {
    const limits = checkLimits({ date: when?.date, remindDays: days ?? undefined, title: titel, description: omschrijving }, now);
    problems.push(...limits.filter((l) => !problems.some((p) => p.column === l.column)));
  }
  return { ok: false, problems };
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

/**
 * Outlook / Google Calendar export: each VEVENT is an item; VALARM triggers become reminder days. An
 * all-day event with the category "vakantie" or "schoolvakantie" is a school holiday: its DTEND is
 * exclusive (the day after the last day), so the last day is DTEND minus one day.
 */
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
    const holiday = categories.some((c) => HOLIDAY_CATEGORIES.includes(c.trim().toLowerCase()));
    let endDate: string | undefined;
    if (holiday) {
      if (audience === 'SOT') {
        refuse(`"${event.summary}": ${SOT_HOLIDAY}`);
        continue;
      }
      if (local.time) {
        refuse(
          `"${event.summary}" is een vakantie (categorie vakantie) maar heeft een begintijd; maak er een afspraak voor de hele dag van.`,
        );
        continue;
      }
      endDate = lastHolidayDay(local.date, component.hasProperty('dtend') || component.hasProperty('duration') ? event.endDate : null);
      const problems = checkHolidayRange(local.date, endDate, 'Controleer DTSTART en DTEND.');
      if (problems.length) {
        for (const message of problems) refuse(message);
        continue;
      }
    }
    const remindDays = component
      .getAllSubcomponents('valarm')
      .map((alarm) => alarm.getFirstPropertyValue('trigger'))
      .filter((t): t is ICAL.Duration => t instanceof ICAL.Duration && t.isNegative)
      .map((d) => Math.round(d.toSeconds() / -86_400))
      .filter((d) => d >= 0); // too many days ahead is refused by checkLimits, as in the CSV
    const entry: AgendaEntry = {
      kind: holiday ? 'vakantie' : 'activiteit',
      ...local,
      ...(endDate ? { endDate } : {}),
      title: event.summary,
      description: event.description ?? '',
      audience,
      remindDays: [...new Set(remindDays)].sort((a, b) => b - a),
    };
    const problems = checkLimits(entry, now);
    for (const { message } of problems) refuse(message);
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

/**
 * A holiday's last day, included. An all-day event ends (DTEND, or DTSTART + DURATION) at the start of
 * the day after; an end at 00:00 (Outlook's all-day events) likewise. Without an end it is one day. An
 * end equal to the start (some tools write that for one day) is one day too.
 */
function lastHolidayDay(first: string, end: ICAL.Time | null): string {
  if (!end) return first;
  let { year, month, day } = end;
  let midnight = end.isDate || (end.hour === 0 && end.minute === 0 && end.second === 0);
  if (!end.isDate && end.zone?.tzid === 'UTC') {
    const local = DateTime.fromJSDate(end.toJSDate(), { zone: ZONE });
    ({ year, month, day } = local);
    midnight = local.hour === 0 && local.minute === 0 && local.second === 0;
  }
  // Date.UTC carries a day overflow into the next month (ical.js may leave day 32 after adding a duration).
  const dayOf = (d: number) => new Date(Date.UTC(year, month - 1, d)).toISOString().slice(0, 10);
  if (!midnight || dayOf(day) === first) return dayOf(day);
  return dayOf(day - 1);
}

/**
 * The identity of an item within the file and in the database (an import updates or removes by it).
 * An activiteit: date, time and title (as before holidays existed, so stored keys stay the same). A
 * vakantie: its first day, audience and title — a file may hold "Zomervakantie" for PO and for VO with
 * different last days, and a corrected last day updates the holiday instead of adding one.
 */
export const entryKey = (e: AgendaEntry) =>
  e.kind === 'vakantie'
    ? `vakantie|${e.date}|${e.audience.toLowerCase()}|${e.title.toLowerCase()}`
    : `${e.date}|${e.time ?? ''}|${e.title.toLowerCase()}`;

function checkDuplicates(entries: AgendaEntry[], where: (i: number) => string): AgendaResult {
  const seen = new Map<string, number>();
  const errors: AgendaError[] = [];
  entries.forEach((e, i) => {
    const key = entryKey(e);
    const same = e.kind === 'vakantie' ? 'zelfde eerste dag, doelgroep en titel' : 'zelfde datum en titel';
    if (seen.has(key)) errors.push({ where: where(i), message: `staat dubbel in het bestand (${same} als ${where(seen.get(key)!)}).` });
    else seen.set(key, i);
  });
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}
