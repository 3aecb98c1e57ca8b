/**
 * Sets of numbers as sorted, disjoint intervals: what a fact may be under a rule's conditions. Integer
 * sets (scores, days, counts) are kept as closed integer ranges, so `daysLate > 2 and daysLate < 3`
 * is recognised as empty.
 */

/** One interval; `lo`/`hi` may be infinite (then open). */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

/** A set of numbers. */
export interface NumSet {
  readonly integer: boolean;
  readonly parts: readonly Interval[];
}

const closed = (lo: number, hi: number): Interval => ({ lo, hi, loOpen: false, hiOpen: false });

/** [lo, hi] with the given openness. */
export function interval(lo: number, hi: number, loOpen = false, hiOpen = false): Interval {
  return {
    lo,
    hi,
    loOpen: loOpen || lo === Number.NEGATIVE_INFINITY,
    hiOpen: hiOpen || hi === Number.POSITIVE_INFINITY,
  };
}

function isEmptyInterval(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));
}

/** Brings intervals into canonical form: integer ranges closed, sorted, merged, empty ones gone. */
export function numSet(integer: boolean, parts: readonly Interval[]): NumSet {
  const cleaned = parts
    .map((p) => {
      if (!integer) return p;
      let lo = Math.ceil(p.lo);
      if (p.loOpen && lo === p.lo) lo += 1;
      let hi = Math.floor(p.hi);
      if (p.hiOpen && hi === p.hi) hi -= 1;
      return closed(lo, hi);
    })
    .filter((p) => !isEmptyInterval(p) && !Number.isNaN(p.lo) && !Number.isNaN(p.hi))
    .sort((a, b) => a.lo - b.lo || Number(a.loOpen) - Number(b.loOpen));
  const merged: Interval[] = [];
  for (const p of cleaned) {
    const last = merged[merged.length - 1];
    const touches =
      last !== undefined &&
      (integer ? p.lo <= last.hi + 1 : p.lo < last.hi || (p.lo === last.hi && !(p.loOpen && last.hiOpen)));
    if (last && touches) {
      const hi = p.hi > last.hi || (p.hi === last.hi && !p.hiOpen) ? p : last;
      merged[merged.length - 1] = { lo: last.lo, loOpen: last.loOpen, hi: hi.hi, hiOpen: hi.hiOpen };
    } else {
      merged.push(p);
    }
  }
  return { integer, parts: merged };
}

/** Whether the set is empty. */
export function isEmptyNum(s: NumSet): boolean {
  return s.parts.length === 0;
}

/** Whether two sets in canonical form (see `numSet`) hold the same numbers. */
export function sameNum(a: NumSet, b: NumSet): boolean {
  if (a.integer !== b.integer || a.parts.length !== b.parts.length) return false;
  return a.parts.every((p, i) => {
    const q = b.parts[i] as Interval;
    return p.lo === q.lo && p.hi === q.hi && p.loOpen === q.loOpen && p.hiOpen === q.hiOpen;
  });
}

/** Whether `x` is in the set. */
export function hasNum(s: NumSet, x: number): boolean {
  if (s.integer && !Number.isInteger(x)) return false;
  return s.parts.some((p) => (p.loOpen ? x > p.lo : x >= p.lo) && (p.hiOpen ? x < p.hi : x <= p.hi));
}

/** Of two intervals, the one whose lower bound is tighter (the higher; at a tie, the open one). */
function tighterLow(x: Interval, y: Interval): Interval {
  if (x.lo > y.lo) return x;
  if (x.lo < y.lo) return y;
  return x.loOpen ? x : y;
}

/** Of two intervals, the one whose upper bound is tighter (the lower; at a tie, the open one). */
function tighterHigh(x: Interval, y: Interval): Interval {
  if (x.hi < y.hi) return x;
  if (x.hi > y.hi) return y;
  return x.hiOpen ? x : y;
}

/** The intersection of two sets of the same kind. */
export function intersectNum(a: NumSet, b: NumSet): NumSet {
  const out: Interval[] = [];
  for (const x of a.parts) {
    for (const y of b.parts) {
      const lo = tighterLow(x, y);
      const hi = tighterHigh(x, y);
      out.push({ lo: lo.lo, loOpen: lo.loOpen, hi: hi.hi, hiOpen: hi.hiOpen });
    }
  }
  return numSet(a.integer || b.integer, out);
}

/** Everything in `domain` that is not in `s`. */
export function complementNum(s: NumSet, domain: NumSet): NumSet {
  const gaps: Interval[] = [];
  let lo = Number.NEGATIVE_INFINITY;
  let loOpen = true;
  for (const p of s.parts) {
    gaps.push({ lo, loOpen, hi: p.lo, hiOpen: !p.loOpen });
    lo = p.hi;
    loOpen = !p.hiOpen;
  }
  gaps.push({ lo, loOpen, hi: Number.POSITIVE_INFINITY, hiOpen: true });
  return intersectNum(numSet(s.integer, gaps), domain);
}

/** The smallest and largest values the set reaches (bounds, possibly open or infinite). */
export function boundsOf(s: NumSet): { lo: number; hi: number } {
  const first = s.parts[0];
  const last = s.parts[s.parts.length - 1];
  return { lo: first ? first.lo : Number.NaN, hi: last ? last.hi : Number.NaN };
}

/**
 * The smallest member on the grid of `step` (1 for integers, 0.01 for cents) at or above `from`,
 * preferring `preferred` values when the set has them; undefined when the grid misses the set.
 */
export function pickOnGrid(
  s: NumSet,
  step: number,
  preferred: readonly number[] = [],
  from = Number.NEGATIVE_INFINITY,
): number | undefined {
  for (const x of preferred) if (x >= from && hasNum(s, x)) return x;
  const scale = Math.round(1 / step);
  for (const p of s.parts) {
    const start = Math.max(p.lo, from);
    if (start === Number.POSITIVE_INFINITY) continue;
    const base = start === Number.NEGATIVE_INFINITY ? -1e15 : start;
    let k = Math.ceil(base * scale - 1e-7);
    for (let tries = 0; tries < 3; tries++, k++) {
      const x = k / scale || 0; // never -0: it would reach a complaint as "-0"
      if (x > p.hi || (x === p.hi && p.hiOpen)) break;
      if (x >= from && hasNum(s, x)) return x;
    }
  }
  return undefined;
}

/**
 * Every integer of the set from its start up to `upTo` (where a score factor stops growing), at most
 * `limit` of them: enough to reach every number of points the factor can give.
 */
export function integersUpTo(s: NumSet, upTo: number, limit = 5000): number[] {
  const out: number[] = [];
  for (const p of s.parts) {
    const end = Math.min(p.hi, Math.max(p.lo, upTo));
    for (let x = p.lo; x <= end && out.length < limit; x++) out.push(x);
    if (out.length >= limit) break;
  }
  return out;
}
