// What the overviews share: the page and filter a card asks for (never trusted: every value is checked
// against the viewer's own choices), the filter dropdowns, and the "Vorige"/"Volgende" buttons.
import type { OverviewFilterInput } from '../../../cards/overviews.ts';
import { type Button, button, type OverviewView } from '../../../cards/verbs.ts';

export const PAGE_SIZE = 10;
/** The value of every "alle …" choice: no filter. */
export const ALL = 'alle';
const MAX_PAGE = 10_000;

export type FilterKey = 'school' | 'type' | 'status';
type Filtered = { [K in FilterKey]?: string };

/** A dropdown of one overview: which field, its label, and the values this viewer may pick. */
export interface FilterSpec {
  key: FilterKey;
  label: string;
  /** "Alle scholen", … */
  all: string;
  choices: { title: string; value: string }[];
}

const INPUT_ID: Record<FilterKey, string> = { school: 'filterSchool', type: 'filterType', status: 'filterStatus' };
const FILTER_NAME: Record<FilterKey, string> = { school: 'school', type: 'soort', status: 'status' };

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function chosen(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().slice(0, 60);
  return v && v !== ALL ? v : undefined;
}

function pageNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value) : 0;
  return Number.isSafeInteger(n) && n >= 0 ? Math.min(n, MAX_PAGE) : 0;
}

/** The page and filter asked for: carried by a paging button ("filter"), or from the card's inputs ("Filteren"). */
export function askedView(data: Record<string, unknown>): { page: number } & Filtered {
  const source = isObject(data.filter)
    ? data.filter
    : { school: data[INPUT_ID.school], type: data[INPUT_ID.type], status: data[INPUT_ID.status] };
  return { page: pageNumber(data.page), school: chosen(source.school), type: chosen(source.type), status: chosen(source.status) };
}

/**
 * Keeps of the asked filter only values among this viewer's choices; names the ones it had to drop (a school
 * no longer in the list, a forged value), so the card can say so instead of silently showing something else.
 */
export function checkFilter(asked: Filtered, specs: readonly FilterSpec[]): { filter: Filtered; dropped: string[] } {
  const filter: Filtered = {};
  const dropped: string[] = [];
  for (const spec of specs) {
    const value = asked[spec.key];
    if (value === undefined) continue;
    if (spec.choices.some((c) => c.value === value)) filter[spec.key] = value;
    else dropped.push(FILTER_NAME[spec.key]);
  }
  return { filter, dropped };
}

export function droppedMessage(dropped: string[]): string | undefined {
  if (!dropped.length) return undefined;
  return `Het filter op ${dropped.join(' en ')} kon niet worden gebruikt en is weggelaten: kies opnieuw uit de lijst.`;
}

export function filterInputs(specs: readonly FilterSpec[], filter: Filtered): OverviewFilterInput[] {
  return specs.map((spec) => ({
    id: INPUT_ID[spec.key],
    label: spec.label,
    value: filter[spec.key] ?? ALL,
    choices: [{ title: spec.all, value: ALL }, ...spec.choices],
  }));
}

/** Which page to show: the one asked for, or the last one when fewer are left (rows closed meanwhile). */
export function pageOf(total: number, asked: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const index = Math.min(asked, pages - 1);
  return { index, pages, skip: index * size, take: size };
}

type OverviewVerb = 'overview.cases' | 'overview.thuiszitters' | 'overview.office';

const viewData = (page: number, filter: Filtered): OverviewView => {
  const carried = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  return { page, filter: carried };
};

/** "Vorige" and "Volgende", each carrying the filter shown. */
export function pager(verb: OverviewVerb, page: { index: number; pages: number }, filter: Filtered): Button[] {
  return [
    ...(page.index > 0 ? [button('Vorige', verb, viewData(page.index - 1, filter))] : []),
    ...(page.index < page.pages - 1 ? [button('Volgende', verb, viewData(page.index + 1, filter))] : []),
  ];
}

/** The same page again, with fresh data. */
export const refreshButton = (verb: OverviewVerb, index: number, filter: Filtered) => button('Vernieuwen', verb, viewData(index, filter));

/** "Filteren": carries no filter, so the server reads the inputs; it starts at the first page. */
export const applyButton = (verb: OverviewVerb) => button('Filteren', verb, { page: 0 });

export function pageLine(page: { index: number; pages: number }, total: number, noun: [string, string]): string {
  const count = `${total} ${total === 1 ? noun[0] : noun[1]}`;
  return page.pages > 1 ? `Pagina ${page.index + 1} van ${page.pages} · ${count}` : count;
}
