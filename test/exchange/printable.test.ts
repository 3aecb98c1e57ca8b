import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable, printableStep, printedUnit } from '../../src/exchange/printable';
import { expectAbove, expectAtMost, expectBelow, expectIs } from '../cheap-expect';
import { fcParams } from '../seed';

describe('printable amounts', () => {
  it('round by magnitude, as the docs show: €8.99 in lira, rials, yen and dinars', () => {
    // €8.99 at 36.5 TRY, 470,000 IRR, 160 JPY and 0.33 KWD per euro, in minor units.
    expect(printable(32_814, 'TRY', 'nearest')).toBe(33_000); // ₺328.14 → ₺330
    expect(printable(4_225_300, 'IRR', 'nearest')).toBe(4_250_000); // 425,000 toman
    expect(printable(1438, 'JPY', 'nearest')).toBe(1440);
    expect(printable(2967, 'KWD', 'nearest')).toBe(2950); // 2.950 KWD
    expect(printable(165, 'KWD', 'nearest')).toBe(166); // 0.166 KWD: three decimals where small
  });

  it('take the step from 1, 2 and 5 times a power of ten, at most 2% of the amount', () => {
    expect(printableStep(32_814, 'TRY')).toBe(500);
    expect(printableStep(10_000, 'EUR')).toBe(200);
    expect(printableStep(9_999, 'EUR')).toBe(100);
    expect(printableStep(100, 'EUR')).toBe(2);
    expect(printableStep(49, 'EUR')).toBe(1);
    expect(printableStep(1, 'JPY')).toBe(1);
  });

  it('print Iranian rials to at least 10,000 (1,000 toman), and other currencies to their minor unit', () => {
    expect(printedUnit('IRR')).toBe(10_000);
    expect(printedUnit('EUR')).toBe(1);
    expect(printable(470_000, 'IRR', 'nearest')).toBe(470_000);
    expect(printable(474_999, 'IRR', 'nearest')).toBe(470_000);
    expect(printable(475_000, 'IRR', 'nearest')).toBe(480_000);
  });

  it('round half up to the nearest, or down, and never round an amount to nothing', () => {
    expect(printable(32_750, 'TRY', 'nearest')).toBe(33_000);
    expect(printable(32_749, 'TRY', 'nearest')).toBe(32_500);
    expect(printable(32_999, 'TRY', 'down')).toBe(32_500);
    expect(printable(4_700, 'IRR', 'nearest')).toBe(4_700);
    expect(printable(4_700, 'IRR', 'down')).toBe(4_700);
    expect(printable(0, 'TRY', 'nearest')).toBe(0);
  });

  it('stay within 1% of the amount to the nearest and within 2% below it, on the step, for any amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e13 }),
        fc.constantFrom('EUR', 'TRY', 'JPY', 'KWD', 'IRR'),
        (minor, currency) => {
          const step = printableStep(minor, currency);
          const near = printable(minor, currency, 'nearest');
          const down = printable(minor, currency, 'down');
          expectAtMost(down, minor);
          if (minor >= printedUnit(currency)) {
            expectIs(near % step, 0);
            expectIs(down % step, 0);
          }
          if (step > printedUnit(currency)) {
            expectAtMost(Math.abs(near - minor), minor * 0.01);
            expectBelow(minor - down, minor * 0.02);
          }
          expectAbove(near, 0);
          expectAbove(down, 0);
        },
      ),
      fcParams(2000),
    );
  });
});
