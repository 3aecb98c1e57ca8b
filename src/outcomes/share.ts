/**
 * Shares with 95% confidence intervals: the Wilson score interval for one share, and Newcombe's
 * hybrid score interval (his method 10) for the difference of two. Both are the closed forms in
 * R. G. Newcombe, Statistics in Medicine 17 (1998), 857–872 and 873–890; the tests check them against
 * the worked examples there. Wilson's interval stays inside [0, 1] and keeps close to its nominal
 * coverage for small samples and for shares near 0 or 1, where the textbook normal interval does not.
 */

/** The 97.5th percentile of the standard normal distribution: a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** A share of some records, with its Wilson 95% interval; the share and the interval are null when `n` is 0. */
export interface Share {
  /** Records that say (the denominator). */
  readonly n: number;
  /** Records that count (the numerator). */
  readonly count: number;
  /** `count / n`. */
  readonly rate: number | null;
  /** Lower end of the 95% interval. */
  readonly low: number | null;
  /** Upper end of the 95% interval. */
  readonly high: number | null;
}

/** A difference of two shares with its 95% interval. */
export interface Difference {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** `count` of `n` with its Wilson score 95% interval. */
export function wilson(count: number, n: number): Share {
  if (n === 0) return { n, count, rate: null, low: null, high: null };
  const z2 = Z95 * Z95;
  const center = (count + z2 / 2) / (n + z2);
  const half = (Z95 * Math.sqrt((count * (n - count)) / n + z2 / 4)) / (n + z2);
  // At 0 or n the bound is exactly 0 or 1; rounding must not leave it a hair outside.
  return {
    n,
    count,
    rate: count / n,
    low: count === 0 ? 0 : Math.max(0, center - half),
    high: count === n ? 1 : Math.min(1, center + half),
  };
}

/**
 * The difference `a − b` of two shares with Newcombe's hybrid score 95% interval, built from their
 * Wilson intervals; null when either has no records.
 */
export function difference(a: Share, b: Share): Difference | null {
  if (a.rate === null || b.rate === null) return null;
  const [p1, l1, u1] = [a.rate, a.low as number, a.high as number];
  const [p2, l2, u2] = [b.rate, b.low as number, b.high as number];
  const estimate = p1 - p2;
  return {
    estimate,
    low: estimate - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    high: estimate + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
  };
}
