// Small counts in a published table must not point to a pupil. A count from 1 to 4 is not shown ("small");
// and because the table also shows totals, a small count must not be recoverable by subtraction either, so
// further cells are hidden until no small count can be worked out from the sums the table shows.

/** How a cell is written: its number, "<5" (a count from 1 to 4), or hidden to protect a small count. */
export type Mark = 'shown' | 'small' | 'hidden';

/** Cells that add up to another cell of the same table: Σ members = total (e.g. categories and their total). */
export interface Sum {
  members: readonly number[];
  total: number;
}

export const SMALL_MAX = 4;

const isSmall = (v: number) => v >= 1 && v <= SMALL_MAX;

/**
 * Decides which cells to show. `values` are the true counts; `sums` the additive relations a reader can use
 * (each category of a dimension adds up to the total, each school's cell adds up to the "alle scholen" cell);
 * `overlapping` are dimensions where one signal can count in more than one category (no exact sum there).
 *
 * Rules: every count from 1 to 4 is small. In an overlapping dimension with exactly one small or hidden
 * category, the smallest other non-zero category is hidden as well; there each category is at most the
 * total, and all together at least the total. For the exact sums, the function works
 * out what a reader could: each small cell lies between 1 and 4, each hidden one is 5 or more (the counts
 * 1 to 4 are always written as small, and a zero is never hidden), and every sum narrows those ranges. As
 * long as some small cell is pinned to one value, the smallest non-zero shown cell of a sum involved is
 * hidden too.
 */
export function suppress(values: readonly number[], sums: readonly Sum[], overlapping: readonly Sum[] = []): Mark[] {
  const marks: Mark[] = values.map((v) => (isSmall(v) ? 'small' : 'shown'));
  const hideSmallestOf = (cells: readonly number[], except?: number): boolean => {
    let best: number | undefined;
    for (const c of cells) {
      if (c === except || marks[c] !== 'shown' || values[c]! <= 0) continue;
      if (best === undefined || values[c]! < values[best]!) best = c;
    }
    if (best === undefined) return false;
    marks[best] = 'hidden';
    return true;
  };

  for (let step = 0; step <= values.length; step++) {
    let changed = false;
    for (const { members } of overlapping) {
      const unknown = members.filter((c) => marks[c] !== 'shown');
      if (unknown.length === 1 && hideSmallestOf(members, unknown[0])) changed = true;
    }
    if (changed) continue;

    const { lo, hi } = whatAReaderKnows(values, marks, sums, overlapping);
    const pinned = (c: number) => marks[c] !== 'shown' && lo[c] === hi[c];
    const exposed = marks.map((m, c) => (m === 'small' && pinned(c) ? c : -1)).filter((c) => c >= 0);
    if (!exposed.length) return marks;

    // Widen a sum around the exposed cell; else a sum that pins a hidden cell (which then pins a small one).
    const cellsOf = (s: Sum) => [...s.members, s.total];
    const groups = [...sums, ...overlapping];
    const candidates = [...groups.filter((s) => cellsOf(s).includes(exposed[0]!)), ...groups.filter((s) => cellsOf(s).some(pinned))];
    if (!candidates.some((s) => hideSmallestOf(s.members) || hideSmallestOf([s.total]))) return marks;
  }
  return marks;
}

/**
 * Bounds propagation over the sums: for each cell the range of values a reader can still deduce. Sound
 * (the true value always stays inside), which is what matters for deciding that a cell is safe enough.
 */
export function whatAReaderKnows(
  values: readonly number[],
  marks: readonly Mark[],
  sums: readonly Sum[],
  overlapping: readonly Sum[] = [],
) {
  const lo = values.map((v, c) => (marks[c] === 'shown' ? v : marks[c] === 'small' ? 1 : SMALL_MAX + 1));
  const hi = values.map((v, c) => (marks[c] === 'shown' ? v : marks[c] === 'small' ? SMALL_MAX : Number.POSITIVE_INFINITY));
  for (let pass = 0; pass < 200; pass++) {
    let changed = false;
    for (const sum of sums) {
      // Σ members − total = 0: each term with its coefficient.
      const terms = [...sum.members.map((c) => ({ c, sign: 1 })), { c: sum.total, sign: -1 }];
      const low = (t: { c: number; sign: number }) => (t.sign > 0 ? lo[t.c]! : -hi[t.c]!);
      const high = (t: { c: number; sign: number }) => (t.sign > 0 ? hi[t.c]! : -lo[t.c]!);
      // The sum of the lows and of the highs, finite parts and infinite terms apart (∞ − ∞ is avoided).
      let lowSum = 0;
      let lowInfinite = 0;
      let highSum = 0;
      let highInfinite = 0;
      for (const t of terms) {
        if (Number.isFinite(low(t))) lowSum += low(t);
        else lowInfinite++;
        if (Number.isFinite(high(t))) highSum += high(t);
        else highInfinite++;
      }
      for (const t of terms) {
        if (lo[t.c] === hi[t.c]) continue;
        const ownLow = low(t);
        const ownHigh = high(t);
        const othersLow =
          lowInfinite - (Number.isFinite(ownLow) ? 0 : 1) > 0 ? Number.NEGATIVE_INFINITY : lowSum - (Number.isFinite(ownLow) ? ownLow : 0);
        const othersHigh =
          highInfinite - (Number.isFinite(ownHigh) ? 0 : 1) > 0
            ? Number.POSITIVE_INFINITY
            : highSum - (Number.isFinite(ownHigh) ? ownHigh : 0);
        // sign·x = −(others)
        const from = t.sign > 0 ? -othersHigh : othersLow;
        const to = t.sign > 0 ? -othersLow : othersHigh;
        if (from > lo[t.c]!) {
          lo[t.c] = from;
          changed = true;
        }
        if (to < hi[t.c]!) {
          hi[t.c] = to;
          changed = true;
        }
      }
    }
    // Where a signal counts in one or more categories: each category is at most the total, and the
    // categories together at least the total.
    const narrow = (c: number, from: number, to: number) => {
      if (from > lo[c]!) {
        lo[c] = from;
        changed = true;
      }
      if (to < hi[c]!) {
        hi[c] = to;
        changed = true;
      }
    };
    for (const { members, total } of overlapping) {
      for (const m of members) narrow(m, lo[m]!, hi[total]!);
      const highs = members.map((m) => hi[m]!);
      const highSum = highs.reduce((a, b) => a + b, 0);
      narrow(total, Math.max(lo[total]!, ...members.map((m) => lo[m]!)), highSum);
      for (const [i, m] of members.entries()) {
        const othersHigh = highSum - highs[i]!;
        if (Number.isFinite(othersHigh)) narrow(m, lo[total]! - othersHigh, hi[m]!);
      }
    }
    if (!changed) break;
  }
  return { lo, hi };
}
