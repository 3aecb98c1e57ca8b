import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalOf, roundRatio } from '../../src/exchange/decimal';
import { fcParams } from '../seed';

describe('decimalOf', () => {
  it('reads a number as the decimal it prints as, exponents included', () => {
    expect(decimalOf(36.5)).toEqual({ digits: 365n, scale: 1 });
    expect(decimalOf(470000)).toEqual({ digits: 470000n, scale: 0 });
    expect(decimalOf(0.33)).toEqual({ digits: 33n, scale: 2 });
    expect(decimalOf(1e-7)).toEqual({ digits: 1n, scale: 7 });
    expect(decimalOf(4.7e21)).toEqual({ digits: 4_700_000_000_000_000_000_000n, scale: 0 });
    expect(decimalOf(-2.5)).toEqual({ digits: -25n, scale: 1 });
    expect(() => decimalOf(Number.NaN)).toThrow(RangeError);
  });

  it('gives back the number it read, for any finite number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const { digits, scale } = decimalOf(x);
        expect(Number(`${digits}e-${scale}`)).toBe(x === 0 ? 0 : x);
      }),
      fcParams(500),
    );
  });
});

describe('roundRatio', () => {
  it('rounds half away from zero, once, where floating point would not', () => {
    // €0.50 at 2.01 is 100.5 cents exactly, but 100.49999999999999 in floating point: the wrong cent.
    expect(Math.round(0.5 * 2.01 * 100)).toBe(100);
    expect(roundRatio(50n * 201n, 1n, -2)).toBe(101);
    expect(roundRatio(899n * 365n, 1n, -1)).toBe(32814); // €8.99 at 36.5: ₺328.135 → 32,814 kuruş
    expect(roundRatio(5n, 2n, 0)).toBe(3);
    expect(roundRatio(-5n, 2n, 0)).toBe(-3);
    expect(roundRatio(7n, 3n, 2)).toBe(233);
    expect(roundRatio(1n, 3n, 0)).toBe(0);
  });
});
