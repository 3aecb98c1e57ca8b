import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { difference, wilson } from '../../src/outcomes/share';
import { fcParams } from '../seed';

const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

describe('the Wilson score interval', () => {
  // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17 (1998) 857–872, table I, method 3 (score, no correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('gives Newcombe’s published interval for %i of %i', (count, n, low, high) => {
    const share = wilson(count, n);
    expect(share.rate).toBe(count / n);
    expect([round4(share.low), round4(share.high)]).toEqual([low, high]);
  });

  it('is exactly 0 or 1 at the ends, and null with no records', () => {
    expect(wilson(0, 5).low).toBe(0);
    expect(wilson(5, 5).high).toBe(1);
    expect(wilson(0, 0)).toEqual({ n: 0, count: 0, rate: null, low: null, high: null });
  });

  it('holds the share, stays within [0, 1], and narrows as the sample grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p) => {
        const count = Math.round(p * n);
        const small = wilson(count, n);
        const large = wilson(count * 4, n * 4);
        expect(small.low as number).toBeGreaterThanOrEqual(0);
        expect(small.high as number).toBeLessThanOrEqual(1);
        expect(small.low as number).toBeLessThanOrEqual(small.rate as number);
        expect(small.high as number).toBeGreaterThanOrEqual(small.rate as number);
        expect((large.high as number) - (large.low as number)).toBeLessThan(
          (small.high as number) - (small.low as number),
        );
      }),
      fcParams(300),
    );
  });
});

describe('the difference of two shares (Newcombe’s hybrid score interval)', () => {
  // R. G. Newcombe, "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890, table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('gives Newcombe’s published interval for %i/%i − %i/%i', (x1, n1, x2, n2, low, high) => {
    const d = difference(wilson(x1, n1), wilson(x2, n2));
    expect(d?.estimate).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect([round4(d?.low ?? null), round4(d?.high ?? null)]).toEqual([low, high]);
  });

  it('is null when either side has no records, and mirrors when the sides swap', () => {
    expect(difference(wilson(0, 0), wilson(3, 10))).toBeNull();
    const ab = difference(wilson(12, 40), wilson(30, 50));
    const ba = difference(wilson(30, 50), wilson(12, 40));
    expect(ab?.low).toBeCloseTo(-(ba?.high as number), 12);
    expect(ab?.high).toBeCloseTo(-(ba?.low as number), 12);
  });
});
