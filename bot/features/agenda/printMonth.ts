// The printable month of the year agenda: one A4 page (portrait) with a Monday–Sunday grid, ISO week
// numbers, each day's items, school holidays shaded, and the items' descriptions below the grid.
// Pure: it gets the items and returns HTML. Every text from a file or an admin is escaped.
//
// One page, always: the sheet has a fixed height and clips what does not fit, and the content is
// budgeted beforehand so nothing is clipped silently: a full day says "+ N meer", a full list of
// descriptions says how many were left out.
import { DateTime } from 'luxon';
import { ZONE } from '../../domain/time.ts';
import type { AgendaItemRow } from '../../store/agendaItems.ts';
import { showsAudience, viewLabel, type AgendaView } from './audience.ts';
import { nl as nlText } from '../../domain/wording/register.ts';

export interface MonthRef {
  year: number;
  /** 1–12 */
  month: number;
}

/** A year agenda covers last year up to two years ahead (as the agenda file, contract 2). */
const YEARS_BACK = 1;
const YEARS_AHEAD = 2;

/** "2026-12" → the month, or null when it is not a month in the window around `now`. */
export function parseMonth(raw: string, now: Date): MonthRef | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(raw);
  if (!m) return null;
  const year = Number(m[1]);
  const thisYear = DateTime.fromJSDate(now, { zone: ZONE }).year;
  if (year < thisYear - YEARS_BACK || year > thisYear + YEARS_AHEAD) return null;
  return { year, month: Number(m[2]) };
}

export const monthWindow = (now: Date): { from: number; to: number } => {
  const thisYear = DateTime.fromJSDate(now, { zone: ZONE }).year;
  return { from: thisYear - YEARS_BACK, to: thisYear + YEARS_AHEAD };
};

export const monthKey = (m: MonthRef): string => `${m.year}-${String(m.month).padStart(2, '0')}`;

const firstDay = (m: MonthRef) => DateTime.fromObject({ year: m.year, month: m.month, day: 1 }, { zone: ZONE });

/** The first and last day of the month, "YYYY-MM-DD". */
export function monthBounds(m: MonthRef): { first: string; last: string } {
  const first = firstDay(m);
  return { first: first.toISODate()!, last: first.endOf('month').toISODate()! };
}

export function shiftMonth(m: MonthRef, months: number): MonthRef {
  const d = firstDay(m).plus({ months });
  return { year: d.year, month: d.month };
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const nl = (d: DateTime) => d.setLocale('nl');
/** "december 2026" with a capital: "December 2026". */
export function monthTitle(m: MonthRef): string {
  const t = nl(firstDay(m)).toFormat('LLLL yyyy');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
const DAY_NAMES = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const shortDay = (iso: string) =>
  nl(DateTime.fromISO(iso, { zone: ZONE }))
    .toFormat('ccc d LLL')
    .replace(/\./g, '');

const isHoliday = (item: Pick<AgendaItemRow, 'kind'>) => item.kind === 'vakantie';
const lastDayOf = (item: Pick<AgendaItemRow, 'date' | 'endDate'>) => item.endDate ?? item.date;

/** Page geometry in millimetres: A4 portrait, 12 mm margins. */
const PAGE = { width: 186, height: 271, header: 21, footer: 6, gaps: 6, gridHead: 6, notesHead: 7 };
const LINE_MM = 3.4; // a line of cell text (7.5 pt, line-height 1.3)
const NOTE_LINE_MM = 3.7; // a line of the descriptions (8 pt)
const DAY_NUMBER_MM = 4.6;
/** Rough characters per line: weekday columns, weekend columns, one column of the descriptions. */
const CHARS = { weekday: 19, weekend: 10, note: 58 };
const MAX_NOTES_MM = 95;
const MAX_DESCRIPTION = 320;

export interface MonthPageData {
  swvName: string;
  month: MonthRef;
  /** Items that touch the month (agendaItemsBetween), already filtered for the person. */
  items: Pick<AgendaItemRow, 'kind' | 'date' | 'endDate' | 'time' | 'title' | 'description' | 'audience'>[];
  view: AgendaView;
  generatedAt: Date;
  /** Screen only (not printed): the neighbouring months and the PDF, with the same token. */
  links?: { previous?: string; next?: string; pdf?: string };
}

type Item = MonthPageData['items'][number];

interface Note {
  when: string;
  title: string;
  audience?: string;
  text: string;
}

/** Lines a text needs when wrapped at words, `perLine` characters a line (a longer word is broken). */
export function wrappedLines(text: string, perLine: number): number {
  let lines = 1;
  let column = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = word.length;
    if (column > 0 && column + 1 + length <= perLine) column += 1 + length;
    else {
      if (column > 0) lines++;
      lines += Math.ceil(length / perLine) - 1;
      column = length % perLine || perLine;
    }
  }
  return lines;
}
/** Lines an item's text needs in a cell (at most MAX_ITEM_LINES). */
const linesFor = (text: string, perLine: number) => Math.min(MAX_ITEM_LINES, wrappedLines(text, perLine));
const MAX_ITEM_LINES = 4;

function noteOf(item: Item, markAudience: boolean): Note {
  const when = isHoliday(item)
    ? item.endDate && item.endDate !== item.date
      ? `${shortDay(item.date)} t/m ${shortDay(item.endDate)}`
      : shortDay(item.date)
    : `${shortDay(item.date)}${item.time ? ` · ${item.time}` : ''}`;
  const description = item.description.trim();
  return {
    when,
    title: item.title,
    audience: markAudience && item.audience !== 'alle' ? item.audience : undefined,
    text: description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : description,
  };
}

const noteLines = (n: Note) => Math.ceil((n.when.length + n.title.length + n.text.length + 6) / CHARS.note);

/** The notes that fit below the grid, how many did not, and the height they take. */
function budgetNotes(all: Note[]): { notes: Note[]; leftOut: number; height: number } {
  const capacity = Math.floor((MAX_NOTES_MM - PAGE.notesHead) / NOTE_LINE_MM) * 2 - 1;
  const notes: Note[] = [];
  let used = 0;
  for (const note of all) {
    const lines = noteLines(note);
    if (used + lines > capacity) break;
    notes.push(note);
    used += lines;
  }
  const leftOut = all.length - notes.length;
  const height = all.length ? Math.min(MAX_NOTES_MM, PAGE.notesHead + Math.ceil((used + (leftOut ? 2 : 0)) / 2 + 1) * NOTE_LINE_MM) : 0;
  return { notes, leftOut, height };
}

interface Grid {
  rows: string[];
  /** Items whose title a cell shortened or left out ("+ N meer"): the list below names them in full. */
  shortened: Set<Item>;
}

function layoutGrid(data: MonthPageData, rowHeight: number, markAudience: boolean): Grid {
  const { month } = data;
  const first = firstDay(month);
  const gridStart = first.startOf('week');
  const weeks = weeksIn(month);
  const activities = data.items.filter((i) => !isHoliday(i));
  const holidays = data.items.filter(isHoliday);
  const cellLines = Math.max(1, Math.floor((rowHeight - DAY_NUMBER_MM - 1) / LINE_MM));
  const shortened = new Set<Item>();
  const rows: string[] = [];
  for (let w = 0; w < weeks; w++) {
    const monday = gridStart.plus({ weeks: w });
    const cells = [`<th class="week" scope="row" title="week ${monday.weekNumber}">${monday.weekNumber}</th>`];
    for (let d = 0; d < 7; d++) {
      const day = monday.plus({ days: d });
      const iso = day.toISODate()!;
      if (day.month !== month.month) {
        cells.push(`<td class="day other"><div class="cell"><div class="num">${day.day}</div></div></td>`);
        continue;
      }
      const weekend = d >= 5;
      const perLine = weekend ? CHARS.weekend : CHARS.weekday;
      const covering = holidays.filter((h) => h.date <= iso && lastDayOf(h) >= iso);
      // A holiday is named on its first day, and again at the start of each week and of the month.
      const labels = covering.filter((h) => h.date === iso || d === 0 || day.day === 1);
      const todays = activities.filter((a) => a.date === iso);
      const lines: string[] = [];
      let budget = cellLines;
      for (const h of labels) {
        const text = `${h.title}${markAudience && h.audience !== 'alle' ? ` (${h.audience})` : ''}`;
        const need = Math.min(2, wrappedLines(text, perLine));
        budget -= need;
        lines.push(`<div class="holiday-label" style="-webkit-line-clamp: ${need}">${escapeHtml(text)}</div>`);
      }
      const tagOf = (a: Item) => (markAudience && a.audience !== 'alle' ? a.audience : '');
      const needs = todays.map((a) => linesFor(`${a.time ?? ''} ${a.title} ${tagOf(a) ? 'XXX' : ''}`, perLine));
      // As many lines per item as fit: all it needs, else at most 2, else 1 each and "+ N meer".
      const cap = [MAX_ITEM_LINES, 2, 1].find((c) => needs.reduce((sum, n) => sum + Math.min(n, c), 0) <= budget) ?? 1;
      let shown = 0;
      for (const [i, a] of todays.entries()) {
        const give = Math.min(needs[i]!, cap);
        const last = i === todays.length - 1;
        // Keep one line for "+ N meer" unless this is the last item.
        if (give > budget - (last ? 0 : 1)) break;
        budget -= give;
        shown++;
        if (give < needs[i]!) shortened.add(a);
        const time = a.time ? `<span class="time">${escapeHtml(a.time)}</span> ` : '';
        const tag = tagOf(a) ? `<span class="tag">${escapeHtml(tagOf(a))}</span> ` : '';
        lines.push(`<div class="item" style="-webkit-line-clamp: ${give}">${tag}${time}${escapeHtml(a.title)}</div>`);
      }
      for (const a of todays.slice(shown)) shortened.add(a);
      if (shown < todays.length) lines.push(`<div class="more">+ ${todays.length - shown} meer</div>`);
      const classes = ['day', weekend ? 'weekend' : '', covering.length ? 'holiday' : ''].filter(Boolean).join(' ');
      cells.push(
        `<td class="${classes}" data-date="${iso}"><div class="cell"><div class="num">${day.day}</div>${lines.join('')}</div></td>`,
      );
    }
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return { rows, shortened };
}

function weeksIn(month: MonthRef): number {
  const first = firstDay(month);
  return Math.round(first.endOf('month').endOf('week').diff(first.startOf('week'), 'weeks').weeks);
}

export function renderMonthPage(data: MonthPageData): string {
  const { month, view } = data;
  const markAudience = showsAudience(view);
  const weeks = weeksIn(month);
  const holidays = data.items.filter(isHoliday);

  // Below the grid: holidays (with their first and last day), items with a description, and items the
  // grid had to shorten. Naming a shortened item takes room from the grid, which may shorten another:
  // a few rounds settle it.
  const inList = new Set(data.items.filter((i) => isHoliday(i) || i.description.trim()));
  let notes: ReturnType<typeof budgetNotes>;
  let grid: Grid;
  let gridHeight: number;
  let rowHeight: number;
  for (let round = 0; ; round++) {
    notes = budgetNotes(data.items.filter((i) => inList.has(i)).map((i) => noteOf(i, markAudience)));
    gridHeight = PAGE.height - PAGE.header - PAGE.footer - PAGE.gaps - notes.height;
    rowHeight = (gridHeight - PAGE.gridHead) / weeks;
    grid = layoutGrid(data, rowHeight, markAudience);
    const missing = [...grid.shortened].filter((i) => !inList.has(i));
    if (!missing.length || round === 3) break;
    for (const i of missing) inList.add(i);
  }
  const rows = grid.rows;
  const allNotesCount = notes.notes.length + notes.leftOut;
  const leftOut = notes.leftOut;

  const title = monthTitle(month);
  const label = viewLabel(view);
  const generated = nl(DateTime.fromJSDate(data.generatedAt, { zone: ZONE })).toFormat('d LLLL yyyy');
  const noteItems = notes.notes
    .map(
      (n) =>
        `<li><span class="when">${escapeHtml(n.when)}</span> <strong>${escapeHtml(n.title)}</strong>` +
        `${n.audience ? ` <span class="tag">${escapeHtml(n.audience)}</span>` : ''}` +
        `${n.text ? ` — ${escapeHtml(n.text)}` : ''}</li>`,
    )
    .join('');
  const leftOutLine = leftOut
    ? nlText`<li class="left-out">Nog ${leftOut} ${leftOut === 1 ? 'punt past' : 'punten passen'} niet op deze pagina; u vindt ze in het agenda-abonnement en in de jaaragenda in Teams.</li>`
    : '';
  const links = data.links;
  const nav = links
    ? `<nav class="screen-only" aria-label="Andere maanden">
${links.previous ? `<a href="${escapeHtml(links.previous)}">‹ Vorige maand</a>` : '<span></span>'}
<span class="hint">Afdrukken: Ctrl+P (Mac: Cmd+P), A4 staand.${links.pdf ? ` Of <a href="${escapeHtml(links.pdf)}">download de pdf</a>.` : ''}</span>
${links.next ? `<a href="${escapeHtml(links.next)}">Volgende maand ›</a>` : '<span></span>'}
</nav>`
    : '';

  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Jaaragenda ${escapeHtml(title)} – ${escapeHtml(data.swvName)}</title>
<style>${styles({ rowHeight, gridHeight, notesHeight: notes.height })}</style>
</head>
<body>
${nav}
<main class="sheet">
<header>
<div>
<p class="swv">${escapeHtml(data.swvName)}</p>
<h1>${escapeHtml(title)}</h1>
</div>
<p class="scope">Jaaragenda<br>${escapeHtml(label)}</p>
</header>
<table class="grid">
<colgroup><col class="c-week">${DAY_NAMES.map((_, i) => `<col class="${i >= 5 ? 'c-weekend' : 'c-day'}">`).join('')}</colgroup>
<thead><tr><th class="week" scope="col" title="weeknummer">wk</th>${DAY_NAMES.map((d) => `<th scope="col">${d}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${
  allNotesCount
    ? `<section class="notes">
<h2>Toelichting</h2>
<ul>${noteItems}${leftOutLine}</ul>
</section>`
    : ''
}
<footer><span>Jaaragenda van ${escapeHtml(data.swvName)}</span><span>Stand van ${escapeHtml(generated)}${holidays.length ? ' · <span class="legend"></span> schoolvakantie' : ''}</span></footer>
</main>
</body>
</html>
`;
}

function styles(g: { rowHeight: number; gridHeight: number; notesHeight: number }): string {
  const mm = (n: number) => `${n.toFixed(2)}mm`;
  return `
@page { size: A4 portrait; margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Segoe UI", Arial, "Liberation Sans", "DejaVu Sans Condensed", "DejaVu Sans", sans-serif; color: #1f1f1f; font-size: 8pt; }
.sheet { width: ${mm(PAGE.width)}; height: ${mm(PAGE.height)}; overflow: hidden; display: flex; flex-direction: column; gap: 2mm; }
header { height: ${mm(PAGE.header)}; display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 0.6mm solid #4a5a8a; padding-bottom: 1.5mm; flex: none; }
header .swv { margin: 0; font-size: 10pt; color: #4a5a8a; }
h1 { margin: 0; font-size: 22pt; font-weight: 600; line-height: 1.1; }
.scope { margin: 0; text-align: right; font-size: 8.5pt; color: #555; }
table.grid { width: 100%; height: ${mm(g.gridHeight)}; table-layout: fixed; border-collapse: collapse; flex: none; }
col.c-week { width: 7mm; } col.c-day { width: 29mm; } col.c-weekend { width: 17mm; }
.grid thead th { height: ${mm(PAGE.gridHead)}; font-size: 8pt; font-weight: 600; text-align: left; padding: 0 1.2mm; color: #333; border-bottom: 0.3mm solid #888; }
.grid th.week { text-align: center; color: #777; font-weight: 400; font-size: 7pt; padding: 0; vertical-align: top; }
.grid tbody th.week { padding-top: 1.2mm; }
.grid td { border: 0.2mm solid #b9b9b9; vertical-align: top; padding: 0; }
.grid td .cell { height: ${mm(g.rowHeight)}; overflow: hidden; padding: 0.8mm 1mm; }
.grid td.weekend { background: #f6f6f6; }
.grid td.holiday { background: #dcefe2; }
.grid td.other { background: #fafafa; }
.grid td.other .num { color: #c2c2c2; }
.num { font-size: 8.5pt; font-weight: 600; height: ${mm(DAY_NUMBER_MM - 0.8)}; }
.item, .holiday-label, .more { font-size: 7.5pt; line-height: 1.3; overflow: hidden; }
.item, .holiday-label { display: -webkit-box; -webkit-box-orient: vertical; overflow-wrap: anywhere; }
.item .time { font-weight: 600; }
.holiday-label { font-style: italic; color: #23633a; }
.more { color: #555; font-style: italic; }
.tag { font-size: 6.5pt; color: #4a5a8a; border: 0.2mm solid #9aa5c8; border-radius: 0.8mm; padding: 0 0.6mm; }
.notes { height: ${mm(g.notesHeight)}; overflow: hidden; flex: none; }
.notes h2 { font-size: 9pt; margin: 0.5mm 0 1mm; }
.notes ul { margin: 0; padding: 0; list-style: none; columns: 2; column-gap: 6mm; }
.notes li { line-height: 1.35; margin-bottom: 0.8mm; break-inside: avoid; }
.notes .when { color: #4a5a8a; font-weight: 600; }
.notes .left-out { font-style: italic; color: #555; }
footer { margin-top: auto; height: ${mm(PAGE.footer - 2)}; display: flex; justify-content: space-between; align-items: flex-end; font-size: 7pt; color: #666; flex: none; }
.legend { display: inline-block; width: 3mm; height: 2.2mm; background: #dcefe2; border: 0.2mm solid #9bc5a8; vertical-align: -0.2mm; }
@media screen {
  body { background: #e9e9e9; padding: 6mm 0 10mm; }
  .sheet { margin: 0 auto; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); padding: 0; outline: 12mm solid #fff; }
  nav { width: ${mm(PAGE.width + 24)}; margin: 0 auto 8mm; display: flex; justify-content: space-between; align-items: center; font-size: 10pt; }
  nav a { color: #2b4b9b; }
  nav .hint { color: #444; }
}
@media print { .screen-only { display: none; } }
`;
}

/** A short Dutch page for errors (bad month, unknown or revoked link, PDF unavailable). */
export function messagePage(title: string, paragraphs: string[], link?: { href: string; text: string }): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body { font-family: "Segoe UI", Arial, sans-serif; max-width: 36em; margin: 3em auto; padding: 0 1em; color: #1f1f1f; line-height: 1.5; } h1 { font-size: 1.4em; } a { color: #2b4b9b; }</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : ''}
</body>
</html>
`;
}
