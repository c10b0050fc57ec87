// The overviews of the SOT (features/overviews): one list card for all three — a consultant's cases, the
// Thuiszittersteam's signals and the office's counts per consultant. The feature decides what a row says;
// this card only lays it out: filters, groups of rows, paging.
import { renderTemplate } from './render.ts';
import type { Fact } from './requestCards.ts';
import type { Button } from './verbs.ts';

export interface OverviewRow {
  /** First line, e.g. "**SOT-2026-0012** · Spreekuur · Obs Het Kompas". */
  title: string;
  lines?: string[];
  facts?: Fact[];
  /** At most one button, e.g. the case card. */
  open?: Button;
}

export interface OverviewGroup {
  heading: string;
  rows: OverviewRow[];
}

/** A filter as a dropdown: its input id, label, chosen value and choices. */
export interface OverviewFilterInput {
  id: string;
  label: string;
  value: string;
  choices: { title: string; value: string }[];
}

export interface OverviewCardData {
  title: string;
  intro?: string[];
  /** A refusal of part of what was asked (e.g. a filter that no longer applies). */
  message?: string;
  summary?: Fact[];
  filters: OverviewFilterInput[];
  /** The "Filteren" button: it carries no filter, the inputs do. */
  apply: Button;
  groups: OverviewGroup[];
  /** Shown when there are no rows. */
  empty: string;
  /** "Pagina 1 van 3 · 25 casussen"; empty for a single page. */
  pageLine?: string;
  pager: Button[];
  actions: Button[];
}

const withData = (b: Button) => ({ title: b.title, verb: b.verb, data: b.data ?? {} });

export function overviewCard(data: OverviewCardData) {
  return renderTemplate('overview', {
    title: data.title,
    intro: data.intro ?? [],
    message: data.message ?? '',
    summary: data.summary ?? [],
    filters: data.filters,
    apply: withData(data.apply),
    groups: data.groups
      .filter((g) => g.rows.length > 0)
      .map((g) => ({
        heading: g.heading,
        rows: g.rows.map((r) => ({
          title: r.title,
          lines: r.lines ?? [],
          facts: r.facts ?? [],
          actions: r.open ? [withData(r.open)] : [],
        })),
      })),
    empty: data.empty,
    pageLine: data.pageLine ?? '',
    pager: data.pager.map(withData),
    actions: data.actions.map(withData),
  });
}
