import { describe, expect, it } from 'vitest';
import {
  type ComplaintInput,
  createRecommender,
  parseComplaint,
  type Recommendation,
  type RedressError,
} from '../../src/index';
import { categoryRule, complaint, ruleSet } from '../complaint-builder';

type History = NonNullable<ComplaintInput['customer']['compensationHistory']>;
const goodwill = (at: string, amount: number): History[number] => ({
  at,
  amount,
  currency: 'EUR',
  type: 'goodwill',
});

const limited = (perCustomer = { windowDays: 90, maxGoodwill: 150, maxCount: 3 }) =>
  createRecommender({
    ruleSet: ruleSet(
      [
        categoryRule('late', 'late_delivery', [{ type: 'coupon', amount: 10 }]),
        categoryRule('wrong', 'wrong_item', [
          { type: 'resend', shipping: 'express' },
          { type: 'gift', value: 10 },
        ]),
        categoryRule('billing', 'billing_error', [{ type: 'refund', basis: 'overcharge' }]),
      ],
      { perCustomer },
    ),
  });

/** A late delivery (low severity) from a customer with this compensation history; received 2026-03-10 09:00 UTC. */
function late(history: History, category: ComplaintInput['category'] = 'late_delivery'): ComplaintInput {
  const c = complaint({ category });
  c.customer = { ...c.customer, compensationHistory: history };
  return c;
}
const coupon = (r: Recommendation) => r.remedies.find((x) => x.type === 'coupon');

describe('per-customer compensation limits', () => {
  it('gives goodwill that fills the allowance exactly, automatically', async () => {
    const r = await limited().recommend(late([goodwill('2026-02-01', 140)]));
    expect(coupon(r)?.estimatedCost).toBe(10);
    expect(r.handling).toMatchObject({ mode: 'automatic', reasons: [] });
    expect(r.cap).toMatchObject({ customerLimit: 10, goodwillLimit: 10, binding: 'customer' });
    expect(r.trace.dropped).toEqual([]);
  });

  it('one cent over: goodwill is reduced to what is left and a person looks, with the reason', async () => {
    const r = await limited().recommend(late([goodwill('2026-02-01', 140.01)]));
    expect(coupon(r)).toMatchObject({ amount: 9.99, estimatedCost: 9.99 });
    expect(r.handling.mode).toBe('human');
    expect(r.handling.reasons).toEqual(['compensation_limit']);
    expect(r.handling.queue).toBe('customer-care');
    expect(r.trace.dropped).toEqual([
      expect.objectContaining({
        type: 'coupon',
        reason: 'reduced',
        limit: 'customer',
        estimatedCost: 10,
        keptCost: 9.99,
      }),
    ]);
    const text = (key: string) => r.rationale.find((s) => s.key === key)?.text;
    expect(text('why.limit.customer')).toBe(
      "Goodwill is limited to €9.99: what is left of this customer's allowance (€140.01 of goodwill in the last 90 days, at most €150.00).",
    );
    expect(text('why.human')).toContain('the compensation limit for this customer was reached');
  });

  it('never touches restitution: a used-up allowance takes the gift, not the resend', async () => {
    const without = await limited().recommend(late([], 'wrong_item'));
    const used = await limited().recommend(late([goodwill('2026-02-01', 150)], 'wrong_item'));
    expect(used.restitutionCost).toBe(without.restitutionCost);
    expect(used.remedies.filter((x) => x.kind === 'restitution')).toEqual(
      without.remedies.filter((x) => x.kind === 'restitution'),
    );
    expect(used.remedies.find((x) => x.type === 'gift')).toBeUndefined();
    expect(without.remedies.find((x) => x.type === 'gift')?.estimatedCost).toBe(10);
    expect(used.handling.reasons).toContain('compensation_limit');
    expect(used.trace.dropped).toContainEqual(
      expect.objectContaining({ type: 'gift', reason: 'cap', limit: 'customer' }),
    );
  });

  it('does not send a case to a person when it asks for no goodwill, however much was given before', async () => {
    const c = late(
      [goodwill('2026-02-01', 150), goodwill('2026-02-02', 1), goodwill('2026-02-03', 1)],
      'billing_error',
    );
    (c.order as NonNullable<ComplaintInput['order']>).overcharge = 5;
    const r = await limited().recommend(c);
    expect(r.remedies.find((x) => x.type === 'refund')).toMatchObject({ amount: 5, kind: 'restitution' });
    expect(r.handling.reasons).not.toContain('compensation_limit');
    expect(r.cap.customerLimit).toBe(0);
  });

  it('counts compensations: the last one allowed is given, the one after is not', async () => {
    const two = [goodwill('2026-02-01', 1), goodwill('2026-02-02', 1)];
    const allowed = await limited().recommend(late(two));
    expect(coupon(allowed)?.estimatedCost).toBe(10);
    expect(allowed.handling.reasons).toEqual([]);
    const three = await limited().recommend(late([...two, goodwill('2026-02-03', 1)]));
    expect(coupon(three)).toBeUndefined();
    expect(three.handling.reasons).toEqual(['compensation_limit']);
    expect(three.rationale.find((s) => s.key === 'why.limit.customerCount')?.text).toBe(
      'No goodwill is left for this customer: 3 goodwill compensations in the last 90 days, at most 3.',
    );
  });

  describe('window boundary', () => {
    // receivedAt is 2026-03-10T09:00:00Z; 90 days before is 2025-12-10T09:00:00Z.
    it('counts goodwill given exactly at the start of the window', async () => {
      const r = await limited().recommend(late([goodwill('2025-12-10T09:00:00Z', 145)]));
      expect(coupon(r)?.estimatedCost).toBe(5);
      expect(r.trace.facts).toMatchObject({ compensation90d: 145, compensations90d: 1 });
    });

    it('does not count goodwill given one second before the window, nor at midnight of its first day', async () => {
      for (const at of ['2025-12-10T08:59:59Z', '2025-12-10', '2025-12-10T10:59:59+02:00']) {
        const r = await limited().recommend(late([goodwill(at, 145)]));
        expect(coupon(r)?.estimatedCost).toBe(10);
        expect(r.trace.facts).toMatchObject({ compensation90d: 0, compensations90d: 0 });
      }
    });

    it('counts an offset date-time by its instant', async () => {
      const r = await limited().recommend(late([goodwill('2025-12-10T11:00:00+02:00', 145)]));
      expect(coupon(r)?.estimatedCost).toBe(5);
    });

    it('uses the policy window for the limit, and 90 days for the facts', async () => {
      const history = [goodwill('2026-01-29T09:00:00Z', 145)]; // 40 days before
      const r = await limited({ windowDays: 30, maxGoodwill: 150, maxCount: 3 }).recommend(late(history));
      expect(coupon(r)?.estimatedCost).toBe(10);
      expect(r.trace.facts.compensation90d).toBe(145);
      const month = await limited({ windowDays: 40, maxGoodwill: 150, maxCount: 3 }).recommend(late(history));
      expect(coupon(month)?.estimatedCost).toBe(5);
    });
  });

  it('never counts restitution against the customer', async () => {
    const history: History = [{ at: '2026-02-01', amount: 10_000, currency: 'EUR', type: 'restitution' }];
    const r = await limited().recommend(late(history));
    expect(coupon(r)?.estimatedCost).toBe(10);
    expect(r.trace.facts).toMatchObject({ compensation90d: 0, compensations90d: 0 });
  });

  it('has no per-customer limit unless the policy sets one', async () => {
    const r = await createRecommender({
      ruleSet: ruleSet([categoryRule('late', 'late_delivery', [{ type: 'coupon', amount: 10 }])]),
    }).recommend(late([goodwill('2026-02-01', 10_000)]));
    expect(coupon(r)?.estimatedCost).toBe(10);
    expect(r.cap.customerLimit).toBeNull();
  });

  it('lets rules read the history through the facts', async () => {
    const rules = [
      {
        name: 'frequent',
        priority: 60,
        conditions: { all: [{ fact: 'compensations90d', operator: 'greaterThanInclusive', value: 2 }] },
        remedies: [{ type: 'escalate', queue: 'review' }],
      },
    ] as Parameters<typeof ruleSet>[0];
    const r = await createRecommender({ ruleSet: ruleSet(rules) }).recommend(
      late([goodwill('2026-02-01', 1), goodwill('2026-02-02', 2.5)]),
    );
    expect(r.trace.fired.map((f) => f.name)).toEqual(['frequent']);
    expect(r.trace.facts).toMatchObject({ compensation90d: 3.5, compensations90d: 2 });
  });
});

describe('compensation history in the complaint', () => {
  const problem = (history: History) => {
    try {
      parseComplaint(late(history));
    } catch (e) {
      const error = e as RedressError;
      return { code: error.code, path: error.path, issue: error.issues[0]?.code };
    }
    throw new Error('expected INVALID_COMPLAINT');
  };

  it('defaults to an empty history', () => {
    expect(parseComplaint(complaint()).customer.compensationHistory).toEqual([]);
  });

  it('accepts another currency than the complaint’s, but a rule set without a currency refuses it', async () => {
    const usd = late([{ at: '2026-02-01', amount: 5, currency: 'USD', type: 'goodwill' }]);
    expect(parseComplaint(usd).customer.compensationHistory[0]?.currency).toBe('USD');
    const error = (await limited()
      .recommend(usd)
      .catch((e: unknown) => e)) as RedressError;
    expect([error.code, error.path, error.issues[0]?.code]).toEqual([
      'INVALID_COMPLAINT',
      ['customer', 'compensationHistory', 0, 'currency'],
      'currency_mismatch',
    ]);
    expect(error.issues[0]?.hint).toMatch(/give the rule set a "currency" and pass exchangeRates/);
  });

  it('refuses dates after the complaint or before the customer', () => {
    expect(problem([goodwill('2026-03-10T09:00:01Z', 5)]).issue).toBe('date_after_received');
    expect(problem([goodwill('2025-02-28', 5)]).issue).toBe('date_before_customer');
  });

  it('refuses amounts that are not positive or too precise for the currency, and unknown types', () => {
    expect(problem([goodwill('2026-02-01', 0)]).path).toEqual([
      'customer',
      'compensationHistory',
      0,
      'amount',
    ]);
    expect(problem([goodwill('2026-02-01', 1.005)]).issue).toBe('money_precision');
    expect(problem([{ ...goodwill('2026-02-01', 1), type: 'gift' as never }]).path).toEqual([
      'customer',
      'compensationHistory',
      0,
      'type',
    ]);
  });
});
