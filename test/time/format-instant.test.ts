import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../src/time/format-instant';
import { expectIs } from '../cheap-expect';
import { fcParams } from '../seed';

/** Every instant a Date can hold: ±8.64e15 ms around 1970. */
const MAX_TIME = 8.64e15;

describe('isoInstant', () => {
  it('writes every instant exactly as toISOString does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -MAX_TIME, max: MAX_TIME }),
          // The years a complaint's dates and their remedies' expiries fall in, to the millisecond.
          fc.integer({ min: Date.UTC(1899, 0, 1), max: Date.UTC(2201, 0, 1) }),
          // The four-digit years, and the six-digit ones either side.
          fc.integer({ min: Date.UTC(-2, 0, 1), max: Date.UTC(10_001, 0, 1) }),
        ),
        (ms) => {
          expectIs(isoInstant(ms), new Date(ms).toISOString());
        },
      ),
      fcParams(5_000),
    );
  });

  it('writes instants read again, a millisecond or whole hours apart, as toISOString does', () => {
    // The instants share slots of the table of recent answers: a kept answer must be the right one.
    const base = Date.UTC(2026, 2, 10, 9, 30);
    const near = fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -2, max: 2 }));
    fc.assert(
      fc.property(fc.array(near, { minLength: 1, maxLength: 40 }), (offsets) => {
        for (const [hours, ms] of offsets) {
          const at = base + hours * 3_600_000 + ms;
          expectIs(isoInstant(at), new Date(at).toISOString());
        }
      }),
      fcParams(300),
    );
  });

  it('writes the ends of days, months, leap years and of the four-digit years as toISOString does', () => {
    const edges = [
      0,
      -1,
      -0,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2100, 2, 1),
      Date.UTC(2000, 1, 29, 12),
      Date.UTC(1900, 0, 1) - 1,
      -62_167_219_200_000,
      -62_167_219_200_001,
      253_402_300_799_999,
      253_402_300_800_000,
      Date.UTC(999, 11, 31, 23, 59, 59, 999),
      MAX_TIME,
      -MAX_TIME,
    ];
    for (const ms of edges) expectIs(isoInstant(ms), new Date(ms).toISOString());
    // A time no Date can hold is refused as toISOString refuses it; a fraction of a millisecond is dropped.
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
    expect(() => isoInstant(MAX_TIME + 1)).toThrow(RangeError);
    expect(isoInstant(1.5)).toBe(new Date(1.5).toISOString());
  });
});
