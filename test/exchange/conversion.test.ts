import { describe, expect, it } from 'vitest';
import { complaintCurrency } from '../../src/complaint/measures';
import { conversionFor } from '../../src/exchange/conversion';
import { checkExchangeRates } from '../../src/exchange/rates';
import { type ComplaintInput, parseComplaint, type RedressError } from '../../src/index';
import { complaint } from '../complaint-builder';
import { thrown } from '../helpers';

const RATES = checkExchangeRates(
  { rates: { TRY: 36.5, IRR: 470000, KWD: 0.33, JPY: 160 }, asOf: '2026-11-01' },
  'EUR',
);

type History = NonNullable<ComplaintInput['customer']['compensationHistory']>;

/** A complaint about an order in `currency`, with a past compensation history. */
function inCurrency(currency: string, history: History = []) {
  const c = complaint();
  const order = c.order as NonNullable<ComplaintInput['order']>;
  c.order = { ...order, currency, total: 100, items: [{ sku: 'A', quantity: 1, unitPrice: 100 }] };
  c.customer = { ...c.customer, compensationHistory: history };
  return parseComplaint(c);
}

/** The conversion for a rule set in `ruleSet` (null: a rule set without a currency). */
const convert = (c: ReturnType<typeof inCurrency>, ruleSet: string | null = 'EUR') =>
  conversionFor(c, complaintCurrency(c), ruleSet ?? undefined, RATES);

describe('a complaint’s money in the rule set’s currency', () => {
  it('is left alone when the complaint is in the rule set’s currency: rate 1, no date', () => {
    const conversion = convert(inCurrency('EUR'));
    expect(conversion.used).toEqual({ ruleSetCurrency: 'EUR', currency: 'EUR', rate: 1 });
    expect(conversion.converted).toBe(false);
    expect(conversion.toComplaintMinor(8.99)).toBe(899);
    expect(conversion.toRuleSet(12.34)).toBe(12.34);
  });

  it('gives each complaint a `used` of its own, in yen as in euros, with or without the rule set’s currency', () => {
    // The arithmetic of no conversion is shared between complaints; what a recommendation reports is not.
    for (const [currency, ruleSet] of [
      ['EUR', 'EUR'],
      ['JPY', null],
    ] as const) {
      const [a, b] = [convert(inCurrency(currency), ruleSet), convert(inCurrency(currency), ruleSet)];
      expect(a.used).not.toBe(b.used);
      expect(a.used).toEqual({ ruleSetCurrency: ruleSet, currency, rate: 1 });
      expect([a.toComplaintMinor(8.5), a.toRuleSet(8.5), a.minorToRuleSet(850), a.toComplaint(8.5)]).toEqual(
        currency === 'JPY' ? [9, 9, 850, 9] : [850, 8.5, 8.5, 8.5],
      );
      expect(a.otherToComplaintMinor(8.5, currency)).toBe(currency === 'JPY' ? 9 : 850);
    }
  });

  it('converts both ways exactly, rounding once, half away from zero, to the target’s minor unit', () => {
    const lira = convert(inCurrency('TRY'));
    expect(lira.used).toEqual({ ruleSetCurrency: 'EUR', currency: 'TRY', rate: 36.5, asOf: '2026-11-01' });
    expect(lira.toComplaintMinor(8.99)).toBe(32_814); // ₺328.135 → ₺328.14
    expect(lira.toComplaint(150)).toBe(5475);
    expect(lira.toRuleSet(2499.9)).toBe(68.49); // €68.4904…
    expect(lira.minorToRuleSet(365)).toBe(0.1);
    const rials = convert(inCurrency('IRR'));
    expect(rials.toComplaintMinor(0.01)).toBe(4700);
    expect(rials.toRuleSet(45_000_000)).toBe(95.74);
    const dinars = convert(inCurrency('KWD'));
    expect(dinars.toComplaintMinor(25)).toBe(8250); // 8.250 KWD, three decimals
    expect(dinars.toRuleSet(8.25)).toBe(25);
  });

  it('converts a past compensation in a third currency straight into the complaint’s', () => {
    const c = inCurrency('TRY', [{ at: '2026-02-01', amount: 4_700_000, currency: 'IRR', type: 'goodwill' }]);
    // 4,700,000 IRR is €10, which is ₺365.
    expect(convert(c).otherToComplaintMinor(4_700_000, 'IRR')).toBe(36_500);
    expect(convert(c).otherToComplaintMinor(10, 'TRY')).toBe(1000);
  });

  it('is NO_EXCHANGE_RATE without a rate, at the complaint’s currency field and each compensation’s', () => {
    const c = inCurrency('USD', [
      { at: '2026-02-01', amount: 5, currency: 'GBP', type: 'goodwill' },
      { at: '2026-02-02', amount: 5, currency: 'TRY', type: 'restitution' },
    ]);
    const error = thrown(() => convert(c)) as RedressError;
    expect(error.code).toBe('NO_EXCHANGE_RATE');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['no_exchange_rate', ['order', 'currency']],
      ['no_exchange_rate', ['customer', 'compensationHistory', 0, 'currency']],
    ]);
    expect(error.message).toBe(
      "NO_EXCHANGE_RATE: order.currency: no exchange rate for USD: the complaint is in USD and the rule set's " +
        'money is in EUR; pass exchangeRates with the rate for USD (--rates FILE on the command line) (and 1 more problem)',
    );
    expect(error.issues[0]?.hint).toBe(
      'pass exchangeRates: { rates: { USD: <USD per 1 EUR> }, asOf } to createRecommender or recommend (CLI: --rates FILE)',
    );
    const lira = inCurrency('TRY');
    const withoutRates = thrown(() => conversionFor(lira, 'TRY', 'EUR', undefined)) as RedressError;
    expect(withoutRates.code).toBe('NO_EXCHANGE_RATE');
  });

  it('names the subscription’s currency field for a complaint without an order', () => {
    const c = complaint();
    delete c.order;
    c.category = 'service_outage';
    c.subscription = { plan: 'Plus', monthlyPrice: 9.99, currency: 'USD' };
    expect((thrown(() => convert(parseComplaint(c))) as RedressError).path).toEqual([
      'subscription',
      'currency',
    ]);
  });

  it('reads every amount in the complaint’s own currency for a rule set without one, history included', () => {
    const conversion = convert(inCurrency('TRY'), null);
    expect(conversion.used).toEqual({ ruleSetCurrency: null, currency: 'TRY', rate: 1 });
    expect(conversion.toComplaintMinor(25)).toBe(2500);
    const mixed = inCurrency('TRY', [{ at: '2026-02-01', amount: 5, currency: 'EUR', type: 'goodwill' }]);
    const error = thrown(() => convert(mixed, null)) as RedressError;
    expect([error.code, error.path, error.issues[0]?.code]).toEqual([
      'INVALID_COMPLAINT',
      ['customer', 'compensationHistory', 0, 'currency'],
      'currency_mismatch',
    ]);
  });
});
