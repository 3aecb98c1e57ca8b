import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyDigits, decimalPlaces, fitsCurrency, fromMinor, toMinor } from '../src/money';
import { expectIs } from './cheap-expect';
import { fcParams } from './seed';

/** Decimal places read off the number's shortest text, the plain way: what `decimalPlaces` must give. */
function reference(x: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(x)).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}

describe('currencyDigits', () => {
  it('gives each currency its own digits, asked in any order and again in a row', () => {
    const asked = ['EUR', 'EUR', 'JPY', 'JPY', 'KWD', 'EUR', 'KWD', 'JPY', 'EUR'];
    expect(asked.map(currencyDigits)).toEqual([2, 2, 0, 0, 3, 2, 3, 0, 2]);
    expect([
      toMinor(1.5, 'JPY'),
      toMinor(1.5, 'EUR'),
      fromMinor(1234, 'KWD'),
      fromMinor(1234, 'EUR'),
    ]).toEqual([2, 150, 1.234, 12.34]);
  });

  it('refuses a code that is no currency, after any currency was asked', () => {
    currencyDigits('EUR');
    expect(() => currencyDigits('')).toThrow(RangeError);
  });
});

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
          expectIs(decimalPlaces(x), reference(x));
        },
      ),
      fcParams(20_000),
    );
  });
});

describe('fitsCurrency', () => {
  it('is decimalPlaces against the currency digits, for any number (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer().map((n) => n / 100),
          fc.integer().map((n) => n / 1000),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100 + 1e-9),
          fc.double({ min: 1e12, max: 1e17 }),
        ),
        fc.constantFrom('EUR', 'JPY', 'KWD', 'IRR', 'TRY'),
        (x, currency) => {
          const digits = currency === 'EUR' || currency === 'TRY' ? 2 : currency === 'KWD' ? 3 : 0;
          expectIs(fitsCurrency(x, currency), Number.isFinite(x) && reference(x) <= digits);
        },
      ),
      fcParams(20_000),
    );
  });

  it('refuses what would have to be rounded, and takes what would not', () => {
    expect(
      [59.9, 59.99, 59.999, 0.1 + 0.2, 1e-7, 1e20 + 0.5, -3.25].map((x) => fitsCurrency(x, 'EUR')),
    ).toEqual([true, true, false, false, false, true, true]);
  });
});
