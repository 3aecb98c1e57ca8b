import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalPlaces } from '../src/money';
import { fcParams } from './seed';

/** Decimal places read off the number's shortest text, the plain way: what `decimalPlaces` must give. */
function reference(x: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(x)).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}

describe('decimalPlaces', () => {
  it('counts the decimal places of the number as JavaScript writes it', () => {
    expect(
      [5, 5.5, 59.9, 59.9000000001, 0.1 + 0.2, 1e-9, 1.5e-7, 1e21, 1.5e21, -3.25, 0, -0].map(decimalPlaces),
    ).toEqual([0, 1, 1, 10, 17, 9, 8, 0, 0, 2, 0, 0]);
  });

  it('is the plain reading for any number, exponents included (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer().map((n) => n / 100),
        ),
        (x) => {
          expect(decimalPlaces(x)).toBe(reference(x));
        },
      ),
      fcParams(20_000),
    );
  });
});
