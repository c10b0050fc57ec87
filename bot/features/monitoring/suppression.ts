// Small counts in a published table must not point to a pupil. A count from 1 to 4 is not shown ("small");
// and because the table also shows totals, a small count must not be recoverable by subtraction either, so
// further cells are hidden until no small count can be worked out from the sums the table shows.

/** How a cell is written: its number, "<5" (small), or hidden to protect a small count. */
export type Mark = 'shown' | 'small' | 'hidden';

/** Cells that add up to another cell of the same table: Σ members = total (e.g. categories and their total). */
export interface Sum {
  members: readonly number[];
  total: number;
}

export interface SuppressOptions {
  /**
   * Dimensions where one signal can count in more than one category: no exact sum, but each category is at
   * most the total and all of them together at least the total.
   */
  overlapping?: readonly Sum[];
  /** Cells written as small whatever their count, zeros included (so a reader knows only 0 to 4). */
  masked?: ReadonlySet<number>;
}

export const SMALL_MAX = 4;

const isSmall = (v: number) => v >= 1 && v <= SMALL_MAX;

/**
 * Decides which cells to show. `values` are the true counts; `sums` the additive relations a reader can use
 * (each category of a dimension adds up to the total, each school's cell adds up to the "alle scholen" cell).
 *
 * Rules: every count from 1 to 4 is small (and every masked cell). In an overlapping dimension with exactly
 * one small or hidden category, the smallest other non-zero category is hidden as well. Then the function
 * works out what a reader could: a small cell lies between 1 and 4 (a masked one between 0 and 4), a hidden
 * one is 5 or more (the counts 1 to 4 are always small and a zero is never hidden), and every sum narrows
 * those ranges. As long as some small cell is pinned to one value, the smallest non-zero shown cell of a sum
 * around it is hidden too (or else that sum's total). A small cell that would stay pinned even with every
 * non-zero count hidden cannot be helped by hiding and is left as it is (see the README's limits). Last, a
 * hidden cell the reader can work out anyway is shown again.
 */
export function suppress(values: readonly number[], sums: readonly Sum[], options: SuppressOptions = {}): Mark[] {
  const { overlapping = [], masked = new Set<number>() } = options;
  const marks: Mark[] = values.map((v, c) => (isSmall(v) || masked.has(c) ? 'small' : 'shown'));
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
  for (const { members } of overlapping) {
    const unknown = members.filter((c) => marks[c] !== 'shown');
    if (unknown.length === 1) hideSmallestOf(members, unknown[0]);
  }

  // What stays pinned whatever is hidden (e.g. four categories each "<5" under a total "<5": one each).
  const everythingHidden = marks.map((m, c): Mark => (m === 'shown' && values[c]! > 0 ? 'hidden' : m));
  const worst = whatAReaderKnows(values, everythingHidden, sums, options);
  const helpless = new Set(marks.map((_, c) => c).filter((c) => marks[c] === 'small' && worst.lo[c] === worst.hi[c]));

  const cellsOf = (s: Sum) => [...s.members, s.total];
  const groups = [...sums, ...overlapping];
  const groupsOf = new Map<number, Sum[]>();
  for (const g of groups) for (const c of cellsOf(g)) groupsOf.set(c, [...(groupsOf.get(c) ?? []), g]);
  for (let step = 0; step <= values.length; step++) {
    const { lo, hi } = whatAReaderKnows(values, marks, sums, options);
    const pinned = (c: number) => marks[c] !== 'shown' && lo[c] === hi[c];
    const exposed = marks.map((_, c) => c).filter((c) => marks[c] === 'small' && !helpless.has(c) && pinned(c));
    if (!exposed.length) break;
    // For each exposed cell (one per sum in a round): widen a sum around it, or one that pins a hidden cell
    // next to it (which then pins the small one), in the caller's order of sums (a school's own dimensions
    // before the sums over schools); a category before a total. Failing that, any sum with a pinned cell.
    const touched = new Set<Sum>();
    let hidden = false;
    for (const cell of exposed) {
      const around = groupsOf.get(cell) ?? [];
      if (around.some((g) => touched.has(g))) continue;
      const pinnedNear = new Set(around.flatMap(cellsOf).filter(pinned));
      const near = groups.filter((g) => around.includes(g) || cellsOf(g).some((c) => pinnedNear.has(c)));
      const widened =
        near.find((g) => hideSmallestOf(g.members)) ??
        near.find((g) => hideSmallestOf([g.total])) ??
        groups.find((g) => cellsOf(g).some(pinned) && hideSmallestOf(g.members)) ??
        groups.find((g) => cellsOf(g).some(pinned) && hideSmallestOf([g.total]));
      if (!widened) continue;
      hidden = true;
      for (const g of around) touched.add(g);
      for (const c of cellsOf(widened)) for (const g of groupsOf.get(c) ?? []) touched.add(g);
    }
    if (!hidden) break;
  }
  return showWhatIsKnown(values, marks, sums, options);
}

/**
 * A hidden cell that a reader can work out anyway protects nothing: it is shown (the reader's knowledge, the
 * fixpoint of the propagation, stays the same). Not in a dimension where a signal can count more than once,
 * where the simple rule "never one hidden category alone" holds as it is.
 */
function showWhatIsKnown(values: readonly number[], marks: Mark[], sums: readonly Sum[], options: SuppressOptions): Mark[] {
  const { lo, hi } = whatAReaderKnows(values, marks, sums, options);
  const overlappingMembers = new Set((options.overlapping ?? []).flatMap((g) => g.members));
  return marks.map((m, c) => (m === 'hidden' && lo[c] === hi[c] && !overlappingMembers.has(c) ? 'shown' : m));
}

/**
 * Bounds propagation over the sums: for each cell the range of values a reader can still deduce. Sound
 * (the true value always stays inside), which is what matters for deciding that a cell is safe enough.
 */
export function whatAReaderKnows(values: readonly number[], marks: readonly Mark[], sums: readonly Sum[], options: SuppressOptions = {}) {
  const { overlapping = [], masked = new Set<number>() } = options;
  const lo = values.map((v, c) => (marks[c] === 'shown' ? v : marks[c] === 'small' ? (masked.has(c) ? 0 : 1) : SMALL_MAX + 1));
  const hi = values.map((v, c) => (marks[c] === 'shown' ? v : marks[c] === 'small' ? SMALL_MAX : Number.POSITIVE_INFINITY));
  let changed = true;
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
  for (let pass = 0; pass < 200 && changed; pass++) {
    changed = false;
    for (const sum of sums) {
      // Σ members − total = 0: each term with its coefficient. The sums of the lows and of the highs keep
      // their finite parts and their infinite terms apart (∞ − ∞ is avoided).
      const terms = [...sum.members.map((c) => ({ c, sign: 1 })), { c: sum.total, sign: -1 }];
      const low = (t: { c: number; sign: number }) => (t.sign > 0 ? lo[t.c]! : -hi[t.c]!);
      const high = (t: { c: number; sign: number }) => (t.sign > 0 ? hi[t.c]! : -lo[t.c]!);
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
        if (t.sign > 0) narrow(t.c, -othersHigh, -othersLow);
        else narrow(t.c, othersLow, othersHigh);
      }
    }
    // Where a signal counts in one or more categories: each category is at most the total, and the
    // categories together at least the total.
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
  }
  return { lo, hi };
}
