// The anonymised monitoring report on thuiszitters, for the SWV and the Inspectie: per quarter, cumulative
// over the school year, per school and for all schools together. It reads only category fields of a signal
// (kind, reason, first day absent, return to school, reporting dates, outcome categories): never the pupil,
// free text or the reference. Small counts are suppressed (suppression.ts).
import {
  hasReportingDuty,
  REPORTING_DUTY_WEEKS,
  reportingDone,
  THUISZITTER_KIND,
  THUISZITTER_OUTCOMES,
  THUISZITTER_REASONS,
  weeksAbsent,
} from '../../domain/requests/thuiszitter.ts';
import { holidayRegionOf, type Holiday, type HolidayRegion } from '../../domain/schoolCalendar.ts';
import type { Db } from '../../store/database.ts';
import { holidaysByRegion } from '../../store/holidays.ts';
import { quartersOf, schoolYearBegins, type Quarter, type SchoolYear } from './schoolYear.ts';
import { SMALL_MAX, suppress, type Mark, type Sum } from './suppression.ts';

export const UNKNOWN = 'onbekend';
export const ALL_SCHOOLS = 'alle scholen';

export const WEEKS_BANDS = {
  none: 'geen verzuimdag vastgelegd',
  under4: 'minder dan 4 schoolweken',
  under12: '4 tot 12 schoolweken',
  long: '12 schoolweken of langer',
} as const;

export const OUTCOME_OPEN = 'nog open';
export const OUTCOME_NONE = 'afgesloten zonder uitkomst';

export const DUTY = {
  none: 'niet van toepassing (minder dan 4 schoolweken verzuim)',
  met: 'voldaan (gemeld bij DUO en in Onderwijs Transparant)',
  notMet: 'niet voldaan',
} as const;

/** School weeks from which an absence counts as long (about three months). */
const LONG_WEEKS = 12;

/** The dimensions in the order of the file, each with its categories (an unexpected value is added at the end). */
const DIMENSIONS = {
  totaal: ['alle meldingen'],
  sector: ['PO', 'SBO', 'SO', 'VO'],
  soort: Object.values(THUISZITTER_KIND),
  reden: [...Object.values(THUISZITTER_REASONS), UNKNOWN],
  verzuimduur: Object.values(WEEKS_BANDS),
  uitkomst: [OUTCOME_OPEN, ...Object.values(THUISZITTER_OUTCOMES), OUTCOME_NONE],
  meldplicht: Object.values(DUTY),
} satisfies Record<string, readonly string[]>;
export type Dimension = keyof typeof DIMENSIONS;
const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];
/** A signal counts in one category of each of these; in "uitkomst" it can count in several. */
const SINGLE: readonly Dimension[] = ['sector', 'soort', 'reden', 'verzuimduur', 'meldplicht'];

/** What the report knows of one signal: categories and dates, nothing that describes the pupil. */
export interface Signal {
  school: { brin: string; name: string; sector: string };
  createdAt: Date;
  closedAt: Date | null;
  kind?: string;
  reason?: string;
  firstAbsentDate?: string;
  backToSchool?: { date: string };
  duoDate?: string;
  otDate?: string;
  outcomes: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const date = (v: unknown) => {
  const s = str(v);
  return s && ISO_DATE.test(s) ? s : undefined;
};
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The category fields of a thuiszitter's details, each checked for its shape; everything else is left behind. */
export function categoriesOf(details: unknown): Omit<Signal, 'school' | 'createdAt' | 'closedAt'> {
  const d = obj(details);
  const back = date(obj(d.backToSchool).date);
  const reporting = obj(d.reporting);
  return {
    kind: str(d.kind),
    reason: str(d.reason),
    firstAbsentDate: date(d.firstAbsentDate),
    ...(back ? { backToSchool: { date: back } } : {}),
    duoDate: date(reporting.duo),
    otDate: date(reporting.ot),
    outcomes: Array.isArray(d.outcomes) ? d.outcomes.filter((o): o is string => typeof o === 'string') : [],
  };
}

const sectorOf = (school: { sector: string }) => school.sector.trim().toUpperCase() || UNKNOWN;

const labelOf = <T extends Record<string, string>>(labels: T, key: string | undefined): string | undefined =>
  key !== undefined && Object.hasOwn(labels, key) ? labels[key as keyof T] : undefined;

/** The categories a signal counts in at the end of a quarter (counted from 1 August up to `quarter.until`). */
export function categoriesAt(signal: Signal, quarter: Quarter, holidays: readonly Holiday[]): Record<Dimension, string[]> {
  const closed = !!signal.closedAt && signal.closedAt <= quarter.until;
  // Weeks are counted up to the quarter's end, the return to school, or the closing of the case (after which
  // the SOT no longer follows the pupil), whichever comes first.
  const until = closed ? signal.closedAt! : quarter.until;
  const absence = {
    firstAbsentDate: signal.firstAbsentDate,
    backToSchool: signal.backToSchool && { ...signal.backToSchool, extent: 'volledig' as const },
  };
  let band: string = WEEKS_BANDS.none;
  if (signal.firstAbsentDate && signal.firstAbsentDate <= quarter.peildatum) {
    const weeks = weeksAbsent(absence, until, holidays);
    band = weeks < REPORTING_DUTY_WEEKS ? WEEKS_BANDS.under4 : weeks < LONG_WEEKS ? WEEKS_BANDS.under12 : WEEKS_BANDS.long;
  }
  let duty: string = DUTY.none;
  if (signal.firstAbsentDate && signal.firstAbsentDate <= quarter.peildatum && hasReportingDuty(absence, until, holidays)) {
    const done = reportingDone({ reporting: { duo: signal.duoDate, ot: signal.otDate } });
    const byThen = (d: string | undefined) => !!d && d <= quarter.peildatum;
    duty = done.duo && done.ot && byThen(signal.duoDate) && byThen(signal.otDate) ? DUTY.met : DUTY.notMet;
  }
  let outcomes: string[] = [OUTCOME_OPEN];
  if (closed) {
    const known = signal.outcomes.map((o) => labelOf(THUISZITTER_OUTCOMES, o)).filter((o): o is string => !!o);
    outcomes = known.length ? [...new Set(known)] : [OUTCOME_NONE];
  }
  return {
    totaal: DIMENSIONS.totaal,
    sector: [sectorOf(signal.school)],
    soort: [labelOf(THUISZITTER_KIND, signal.kind) ?? UNKNOWN],
    reden: [labelOf(THUISZITTER_REASONS, signal.reason) ?? UNKNOWN],
    verzuimduur: [band],
    uitkomst: outcomes,
    meldplicht: [duty],
  };
}

/** "Filed or open during the period": filed by its end, and not closed before 1 August. */
const countsIn = (signal: Signal, begins: Date, quarter: Quarter) =>
  signal.createdAt <= quarter.until && (!signal.closedAt || signal.closedAt >= begins);

export interface ReportRow {
  schooljaar: string;
  kwartaal: number;
  peildatum: string;
  volledig: 'ja' | 'nee';
  school_brin: string;
  school: string;
  sector: string;
  dimensie: Dimension;
  categorie: string;
  /** A number, "<5" (1 to 4) or "x" (hidden so that a "<5" cannot be worked out from the totals). */
  aantal: string;
}

export const COLUMNS: readonly (keyof ReportRow)[] = [
  'schooljaar',
  'kwartaal',
  'peildatum',
  'volledig',
  'school_brin',
  'school',
  'sector',
  'dimensie',
  'categorie',
  'aantal',
];

export const SMALL_TEXT = '<5';
export const HIDDEN_TEXT = 'x';
const written = (value: number, mark: Mark) => (mark === 'small' ? SMALL_TEXT : mark === 'hidden' ? HIDDEN_TEXT : String(value));

export interface Entity {
  brin: string;
  name: string;
  sector: string;
  dimensions: readonly Dimension[];
}

/** One quarter's table: counts per entity, dimension and category, then suppression over all of it. */
/** One cell of a quarter's table, with its true count (before suppression). */
export interface Cell {
  entity: Entity;
  dimension: Dimension;
  category: string;
  value: number;
}

/**
 * One quarter's counts per entity ("alle scholen", then each school with a signal), dimension and category,
 * with the sums a reader of the table can use. Nothing here is suppressed yet: see quarterRows.
 */
export function quarterTable(
  quarter: Quarter,
  begins: Date,
  signals: readonly Signal[],
  holidays: Record<HolidayRegion, Holiday[]>,
): { cells: Cell[]; sums: Sum[]; overlapping: Sum[] } {
  const counted = signals
    .filter((s) => countsIn(s, begins, quarter))
    .map((s) => ({ school: s.school, categories: categoriesAt(s, quarter, holidays[holidayRegionOf(s.school.sector)]) }));

  const categories = new Map<Dimension, string[]>(DIMENSION_NAMES.map((d) => [d, [...DIMENSIONS[d]]]));
  for (const s of counted)
    for (const d of DIMENSION_NAMES) for (const c of s.categories[d]) if (!categories.get(d)!.includes(c)) categories.get(d)!.push(c);

  const all: Entity = { brin: '', name: ALL_SCHOOLS, sector: '', dimensions: DIMENSION_NAMES };
  const schools = new Map<string, Entity>();
  for (const s of counted)
    if (!schools.has(s.school.brin))
      schools.set(s.school.brin, {
        brin: s.school.brin,
        name: s.school.name,
        sector: sectorOf(s.school),
        dimensions: DIMENSION_NAMES.filter((d) => d !== 'sector'),
      });
  const entities = [all, ...[...schools.values()].sort((a, b) => a.brin.localeCompare(b.brin))];

  // One cell per entity × dimension × category.
  const values: number[] = [];
  const cellIndex = new Map<string, number>();
  const key = (e: Entity, d: Dimension, c: string) => `${e.brin}\u0000${d}\u0000${c}`;
  for (const e of entities)
    for (const d of e.dimensions)
      for (const c of categories.get(d)!) {
        cellIndex.set(key(e, d, c), values.length);
        values.push(0);
      }
  const cell = (e: Entity, d: Dimension, c: string) => cellIndex.get(key(e, d, c))!;
  for (const s of counted) {
    const school = schools.get(s.school.brin)!;
    for (const d of DIMENSION_NAMES)
      for (const c of s.categories[d]) {
        values[cell(all, d, c)]!++;
        if (d !== 'sector') values[cell(school, d, c)]!++;
      }
  }

  // What a reader can add up: the categories of a dimension to the total, and the schools to "alle scholen".
  const total = DIMENSIONS.totaal[0]!;
  const sums: Sum[] = [];
  const overlapping: Sum[] = [];
  for (const e of entities)
    for (const d of e.dimensions) {
      const members = categories.get(d)!.map((c) => cell(e, d, c));
      if (SINGLE.includes(d)) sums.push({ members, total: cell(e, 'totaal', total) });
      else if (d === 'uitkomst') overlapping.push({ members, total: cell(e, 'totaal', total) });
    }
  const schoolList = entities.slice(1);
  for (const d of DIMENSION_NAMES.filter((x) => x !== 'sector'))
    for (const c of categories.get(d)!) sums.push({ members: schoolList.map((e) => cell(e, d, c)), total: cell(all, d, c) });
  for (const sector of categories.get('sector')!)
    sums.push({
      members: schoolList.filter((e) => e.sector === sector).map((e) => cell(e, 'totaal', total)),
      total: cell(all, 'sector', sector),
    });

  const cells: Cell[] = [];
  for (const e of entities)
    for (const d of e.dimensions)
      for (const c of categories.get(d)!) cells.push({ entity: e, dimension: d, category: c, value: values[cell(e, d, c)]! });
  return { cells, sums, overlapping };
}

/** One quarter's rows of the file, small counts suppressed. */
export function quarterRows(
  year: SchoolYear,
  quarter: Quarter,
  signals: readonly Signal[],
  holidays: Record<HolidayRegion, Holiday[]>,
): ReportRow[] {
  const { cells, sums, overlapping } = quarterTable(quarter, schoolYearBegins(year), signals, holidays);
  // A school with fewer than 5 signals shows no breakdown: every category "<5", zeros included.
  const smallSchools = new Set(
    cells.filter((c) => c.entity.brin && c.dimension === 'totaal' && c.value <= SMALL_MAX).map((c) => c.entity.brin),
  );
  const masked = new Set(cells.flatMap((c, i) => (smallSchools.has(c.entity.brin) && c.dimension !== 'totaal' ? [i] : [])));
  const marks = suppress(
    cells.map((c) => c.value),
    sums,
    { overlapping, masked },
  );
  return cells.map((c, i) => ({
    schooljaar: year.label,
    kwartaal: quarter.number,
    peildatum: quarter.peildatum,
    volledig: quarter.complete ? 'ja' : 'nee',
    school_brin: c.entity.brin,
    school: c.entity.name,
    sector: c.entity.sector,
    dimensie: c.dimension,
    categorie: c.category,
    aantal: written(c.value, marks[i]!),
  }));
}

/** The thuiszitter signals of an SWV that can count in this school year (withdrawn ones never count). */
export async function loadSignals(db: Db, swvId: string, year: SchoolYear, until: Date): Promise<Signal[]> {
  const rows = await db.request.findMany({
    where: {
      swvId,
      type: 'thuiszitter',
      status: { not: 'withdrawn' },
      createdAt: { lte: until },
      OR: [{ closedAt: null }, { closedAt: { gte: schoolYearBegins(year) } }],
    },
    // Only what the report counts: no pupil, no reference, no free-text columns.
    select: { createdAt: true, closedAt: true, details: true, school: { select: { brin: true, name: true, sector: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({ school: r.school, createdAt: r.createdAt, closedAt: r.closedAt, ...categoriesOf(r.details) }));
}

export interface ThuiszitterReport {
  year: SchoolYear;
  quarters: Quarter[];
  rows: ReportRow[];
  /** Signals counted up to the last quarter's peildatum (for the audit: a count, nothing more). */
  signals: number;
}

/** The report of one school year as it stands at `now`: the quarters begun so far. */
export async function thuiszitterReport(db: Db, swvId: string, year: SchoolYear, now: Date): Promise<ThuiszitterReport> {
  const quarters = quartersOf(year, now);
  const last = quarters.at(-1);
  if (!last) return { year, quarters, rows: [], signals: 0 };
  const signals = await loadSignals(db, swvId, year, last.until);
  const holidays = await holidaysByRegion(db, swvId);
  const rows = quarters.flatMap((q) => quarterRows(year, q, signals, holidays));
  const begins = schoolYearBegins(year);
  return { year, quarters, rows, signals: signals.filter((s) => countsIn(s, begins, last)).length };
}

/** Quotes a field when it holds the separator, a quote or a line break; defuses text Excel would run as a formula. */
function field(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Semicolon-separated, UTF-8 with a byte order mark and CRLF line ends, so Dutch Excel opens it as it is. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [COLUMNS.join(';'), ...rows.map((r) => COLUMNS.map((c) => field(r[c])).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
