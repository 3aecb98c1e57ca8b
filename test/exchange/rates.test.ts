import { describe, expect, it } from 'vitest';
import { checkExchangeRates, rateOf } from '../../src/exchange/rates';
import type { RedressError } from '../../src/index';
import { thrown } from '../helpers';

const problems = (value: unknown, currency: string | undefined = 'EUR') => {
  const error = thrown(() => checkExchangeRates(value, currency)) as RedressError;
  expect(error.code).toBe('INVALID_OPTIONS');
  return error.issues.map((i) => [i.code, i.path, i.message]);
};

describe('exchange rates from the caller', () => {
  it('are kept as given, frozen, with the date they were taken', () => {
    const rates = checkExchangeRates({ rates: { TRY: 36.5, IRR: 470000 }, asOf: '2026-11-01' }, 'EUR');
    expect(rates).toEqual({ rates: { TRY: 36.5, IRR: 470000 }, asOf: '2026-11-01' });
    expect(Object.isFrozen(rates) && Object.isFrozen(rates.rates)).toBe(true);
    expect(rateOf(rates, 'TRY', 'EUR')).toBe(36.5);
    expect(rateOf(rates, 'EUR', 'EUR')).toBe(1);
    expect(rateOf(rates, 'JPY', 'EUR')).toBeUndefined();
    expect(rateOf(undefined, 'EUR', 'EUR')).toBe(1);
  });

  it('refuse zero, negative, non-finite and out-of-range rates, each at its own path', () => {
    expect(
      problems({
        rates: { TRY: 0, IRR: -1, JPY: Number.POSITIVE_INFINITY, KWD: '0.33', USD: 1e13, BHD: Number.NaN },
        asOf: '2026-11-01',
      }),
    ).toEqual([
      [
        'invalid_rate',
        ['exchangeRates', 'rates', 'TRY'],
        expect.stringContaining('must be a positive number of TRY per 1 EUR, got 0'),
      ],
      ['invalid_rate', ['exchangeRates', 'rates', 'IRR'], expect.stringContaining('got -1')],
      ['invalid_rate', ['exchangeRates', 'rates', 'JPY'], expect.stringContaining('got Infinity')],
      ['invalid_rate', ['exchangeRates', 'rates', 'KWD'], expect.stringContaining('got "0.33"')],
      ['invalid_rate', ['exchangeRates', 'rates', 'USD'], expect.stringContaining('is it per 1 EUR?')],
      ['invalid_rate', ['exchangeRates', 'rates', 'BHD'], expect.stringContaining('got NaN')],
    ]);
  });

  it('refuse codes that are not ISO 4217, and a rule-set currency at another rate than 1', () => {
    const hostile = JSON.parse('{"try": 36.5, "XYZ": 2, "__proto__": 1, "EUR": 1.1}');
    expect(problems({ rates: hostile, asOf: '2026-11-01' })).toEqual([
      [
        'unknown_currency',
        ['exchangeRates', 'rates', 'try'],
        expect.stringContaining('"try" is not an ISO 4217'),
      ],
      ['unknown_currency', ['exchangeRates', 'rates', 'XYZ'], expect.anything()],
      ['unknown_currency', ['exchangeRates', 'rates', '__proto__'], expect.anything()],
      ['invalid_rate', ['exchangeRates', 'rates', 'EUR'], expect.stringContaining('its rate is 1, not 1.1')],
    ]);
    expect(checkExchangeRates({ rates: { EUR: 1 }, asOf: '2026-11-01' }, 'EUR').rates).toEqual({ EUR: 1 });
  });

  it('need the date they were taken, a known shape, and the rule set’s currency as their base', () => {
    expect(problems({ rates: {} })).toEqual([
      [
        'invalid_type',
        ['exchangeRates', 'asOf'],
        expect.stringContaining('is required: the date the rates were taken'),
      ],
    ]);
    expect(problems({ rates: {}, asOf: 'last week' })[0]?.[1]).toEqual(['exchangeRates', 'asOf']);
    expect(problems({ rates: {}, asOf: '2026-11-01', base: 'USD', source: 'ecb' })).toEqual([
      ['unrecognized_keys', ['exchangeRates', 'source'], expect.anything()],
      [
        'currency_mismatch',
        ['exchangeRates', 'base'],
        expect.stringContaining("the rates are per 1 USD, but the rule set's money is in EUR"),
      ],
    ]);
    expect(problems([])).toEqual([
      ['invalid_type', ['exchangeRates'], expect.stringContaining('expected exchange rates such as')],
    ]);
    expect(problems({ rates: [1], asOf: '2026-11-01' })[0]?.[1]).toEqual(['exchangeRates', 'rates']);
    expect(checkExchangeRates({ rates: {}, asOf: '2026-11-01T09:00:00Z', base: 'EUR' }, 'EUR').base).toBe(
      'EUR',
    );
  });

  it('are refused for a rule set that names no currency, saying how to name one', () => {
    const error = thrown(() =>
      checkExchangeRates({ rates: { TRY: 36.5 }, asOf: '2026-11-01' }, undefined),
    ) as RedressError;
    expect([error.code, error.issues[0]?.code, error.issues[0]?.hint]).toEqual([
      'INVALID_OPTIONS',
      'no_rule_set_currency',
      'add "currency": "EUR" (the currency its amounts are in) at the top of the rule set',
    ]);
  });
});
