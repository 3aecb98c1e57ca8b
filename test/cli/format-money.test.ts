import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/cli/format-money';
import { countingIntlConstructions } from '../helpers';

describe("the analyst's amounts (reports of simulate, outcomes and explain)", () => {
  it('writes an amount in en-US whatever the currency, deltas with their sign', () => {
    expect(formatMoney(1234.5, 'EUR')).toBe('€1,234.50');
    expect(formatMoney(36500, 'TRY')).toBe('TRY\u00a036,500.00');
    expect(formatMoney(12.5, 'EUR', true)).toBe('+€12.50');
    expect(formatMoney(-12.5, 'EUR', true)).toBe('-€12.50');
    expect(formatMoney(0, 'EUR', true)).toBe('€0.00');
  });

  it('writes an amount in a code Intl does not take as the number and the code', () => {
    expect(formatMoney(5, 'not a code')).toBe('5 not a code');
    expect(formatMoney(5, 'not a code', true)).toBe('+5 not a code');
  });

  it('builds one formatter per currency and sign, not one per amount', () => {
    // A report prints thousands of amounts in two or three currencies: a formatter costs microseconds.
    const kinds: [string, boolean][] = [
      ['GBP', false],
      ['GBP', true],
      ['IRR', false],
    ];
    // The first amount of each may build its formatter (unless a test before this one did already).
    for (const [currency, signed] of kinds) formatMoney(1, currency, signed);
    const built = countingIntlConstructions('NumberFormat', () => {
      for (let i = 0; i < 50; i++) for (const [currency, signed] of kinds) formatMoney(i, currency, signed);
    });
    expect(built).toBe(0);
  });
});
