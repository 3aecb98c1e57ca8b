import { describe, expect, it } from 'vitest';
import {
  type ComplaintInput,
  createRecommender,
  limits,
  parseComplaint,
  type Recommendation,
  RedressError,
} from '../../src/index';
import { baseComplaint, RATES, thrown } from '../helpers';

/**
 * Issue 14: the money bound was 1,000,000,000 major units, so an order above about €2,128 in rials (or a
 * rial lifetime spend) was refused. It is 10^12 minor units of the complaint's currency, and every sum
 * made of amounts within it stays exact (docs/money.md#exact-sums).
 */

type Order = NonNullable<ComplaintInput['order']>;
type History = NonNullable<ComplaintInput['customer']['compensationHistory']>;
const MAX = limits.maxMoneyMinor;

const inRials = (order: Partial<Order>, customer: Partial<ComplaintInput['customer']> = {}) => {
  const c = baseComplaint({ category: 'wrong_item' });
  c.order = { ...(c.order as Order), currency: 'IRR', ...order };
  c.customer = { ...c.customer, ...customer };
  return c;
};
/** Four lines of 25,000 units at 10,000,000 rials: 10^12 rials, the largest order redress takes. */
const LARGEST_LINES = Array.from({ length: 4 }, (_, i) => ({
  sku: `RUG-${i}`,
  quantity: 25_000,
  unitPrice: 10_000_000,
}));

const refusal = (input: unknown) => {
  const error = thrown(() => parseComplaint(input)) as RedressError;
  expect(error).toBeInstanceOf(RedressError);
  expect(error.code).toBe('INVALID_COMPLAINT');
  return error;
};
const issueAt = (error: RedressError, pointer: string) => {
  const found = error.issues.find((i) => i.pointer === pointer);
  expect(found, `an issue at ${pointer}: ${error.message}`).toBeDefined();
  return found as NonNullable<typeof found>;
};

const recommender = createRecommender({ exchangeRates: RATES });
const resendCost = (r: Recommendation) => r.remedies.find((x) => x.type === 'resend')?.estimatedCost;

describe('the money bound is 10^12 minor units in every currency', () => {
  it('is stated once, in minor units', () => {
    expect(MAX).toBe(1_000_000_000_000);
    // The exactness argument needs the largest history sum below 2^53.
    expect(MAX * limits.maxCompensationHistory).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('takes the largest rial order, and prices its resend to the rial', async () => {
    const largest = inRials({ total: MAX, items: LARGEST_LINES });
    expect(parseComplaint(largest).order?.total).toBe(1_000_000_000_000);
    // The resend is the goods plus the rule set's shipping at the rate; the shipping is what a one-line
    // order's resend costs above its goods.
    const small = await recommender.recommend(
      inRials({ total: 45_000_000, items: [{ sku: 'RUG-0', quantity: 1, unitPrice: 45_000_000 }] }),
    );
    const shipping = (resendCost(small) as number) - 45_000_000;
    expect(shipping).toBeGreaterThan(0);
    const rec = await recommender.recommend(largest);
    expect(resendCost(rec)).toBe(1_000_000_000_000 + shipping);
    expect(Number.isSafeInteger(rec.totalCost)).toBe(true);
    expect(rec.trace.facts.orderTotal).toBe(2_127_659.57); // 10^12 / 470,000, to the cent
  });

  it('refuses one rial more, naming the field and the bound in rials', () => {
    const error = refusal(inRials({ total: MAX + 1, items: LARGEST_LINES }));
    const issue = issueAt(error, '/order/total');
    expect(issue.code).toBe('above_max_money');
    expect(issue.message).toContain('IRR 1,000,000,000,001');
    expect(issue.message).toContain('IRR 1,000,000,000,000');
    expect(issue.message).toContain('limits.maxMoneyMinor');
  });

  it('refuses lines one rial past the bound at order.items', () => {
    const lines = [...LARGEST_LINES, { sku: 'PEN', quantity: 1, unitPrice: 1 }];
    const issue = issueAt(refusal(inRials({ total: MAX, items: lines })), '/order/items');
    expect(issue.code).toBe('lines_above_max_money');
    expect(issue.message).toContain('IRR 1,000,000,000,000');
    expect(issue.message).toContain('limits.maxMoneyMinor');
  });

  it('refuses lines whose products are past 2^53, instead of adding them inexactly', () => {
    // 500 lines × 100,000 units × 10^12 rials: each product is 10^17, the sum 5 × 10^19.
    const lines = Array.from({ length: 500 }, (_, i) => ({
      sku: `S${i}`,
      quantity: 100_000,
      unitPrice: MAX,
    }));
    expect(issueAt(refusal(inRials({ total: MAX, items: lines })), '/order/items').code).toBe(
      'lines_above_max_money',
    );
  });

  it.each([
    ['EUR', 10_000_000_000, 10_000_000_000.01, 'EUR 10,000,000,000.00'],
    ['JPY', 1_000_000_000_000, 1_000_000_000_001, 'JPY 1,000,000,000,000'],
    ['KWD', 1_000_000_000, 1_000_000_000.001, 'KWD 1,000,000,000.000'],
    ['TRY', 10_000_000_000, 10_000_000_000.01, 'TRY 10,000,000,000.00'],
  ])('in %s takes %s and refuses %s, naming %s', (currency, largest, above, bound) => {
    const order = (total: number) => {
      const c = baseComplaint();
      c.order = { ...(c.order as Order), currency, total, items: [] };
      return c;
    };
    expect(parseComplaint(order(largest)).order?.total).toBe(largest);
    const issue = issueAt(refusal(order(above)), '/order/total');
    expect(issue.code).toBe('above_max_money');
    expect(issue.message).toContain(bound);
  });

  it('takes a rial lifetime spend up to the bound, and refuses one above it', async () => {
    const spend = (lifetimeSpend: number) =>
      inRials(
        { total: 45_000_000, items: [{ sku: 'RUG-0', quantity: 1, unitPrice: 45_000_000 }] },
        { lifetimeSpend },
      );
    const rec = await recommender.recommend(spend(MAX));
    expect(rec.value.factors.find((f) => f.code === 'lifetimeSpend')?.points).toBeGreaterThan(0);
    const issue = issueAt(refusal(spend(MAX + 1)), '/customer/lifetimeSpend');
    expect(issue.code).toBe('above_max_money');
    expect(issue.message).toContain('IRR 1,000,000,000,000');
  });
});

describe('past compensations add up exactly', () => {
  const goodwill = (amount: number, currency = 'IRR'): History[number] => ({
    at: '2026-03-01',
    amount,
    currency,
    type: 'goodwill',
  });
  const withHistory = (history: History) =>
    inRials(
      { total: 45_000_000, items: [{ sku: 'RUG-0', quantity: 1, unitPrice: 45_000_000 }] },
      { compensationHistory: history },
    );

  it('adds the largest history — 1,000 entries at the bound — to the rial, and reads it in euros exactly', async () => {
    const history = Array.from({ length: limits.maxCompensationHistory }, () => goodwill(MAX));
    const rec = await recommender.recommend(withHistory(history));
    // 10^15 rials ÷ 470,000 = 2,127,659,574.468…: the cent is 47, which a float sum off by one rial
    // would not change, so also check the allowance left, in rials: nothing.
    expect(rec.trace.facts.compensation90d).toBe(2_127_659_574.47);
    expect(rec.trace.facts.compensations90d).toBe(1_000);
    expect(rec.goodwillCost).toBe(0);
  });

  it('adds entries in another currency exactly, each converted once', async () => {
    // €2,127,659.57 is 999,999,997,900 rials at 470,000: 1,000 of them are 999,999,997,900,000 rials,
    // €2,127,659,570.00 — the sum of the exact conversions, not of rounded euros.
    const history = Array.from({ length: 1_000 }, () => goodwill(2_127_659.57, 'EUR'));
    const rec = await recommender.recommend(withHistory(history));
    expect(rec.trace.facts.compensation90d).toBe(2_127_659_570);
  });

  it('refuses an entry one rial above the bound, at its amount', () => {
    const history = [goodwill(1), goodwill(MAX + 1)];
    const issue = issueAt(refusal(withHistory(history)), '/customer/compensationHistory/1/amount');
    expect(issue.code).toBe('above_max_money');
    expect(issue.message).toContain('IRR 1,000,000,000,000');
  });

  it('refuses an entry that the rates make larger than the bound in the complaint’s currency', async () => {
    // 1,000,000,000 dinars is within the bound in dinars, and about 1.4 × 10^15 rials.
    const error = (await recommender
      .recommend(withHistory([goodwill(1_000_000_000, 'KWD')]))
      .catch((e: unknown) => e)) as RedressError;
    expect(error).toBeInstanceOf(RedressError);
    expect(error.code).toBe('INVALID_COMPLAINT');
    const issue = issueAt(error, '/customer/compensationHistory/0/amount');
    expect(issue.code).toBe('above_max_money');
    expect(issue.message).toContain('KWD 1,000,000,000');
    expect(issue.message).toContain('IRR 1,424,242,424,242,424');
    expect(issue.message).toContain('IRR 1,000,000,000,000');
  });
});
