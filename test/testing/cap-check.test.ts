import { describe, expect, test } from 'vitest';
import { parseComplaint } from '../../src/complaint/parse';
import type { ComplaintInput } from '../../src/complaint/schema';
import type { Recommendation } from '../../src/recommend/recommendation';
import { createRecommender } from '../../src/recommender/create-recommender';
import type { Remedy } from '../../src/remedies/catalogue';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { capViolations } from '../../src/testing/cap-check';

const recommender = createRecommender();
const policy = defaultRuleSet.policy;

const wrongItem: ComplaintInput = {
  id: 'c-1',
  receivedAt: '2026-03-10T09:30:00+01:00',
  channel: 'email',
  category: 'wrong_item',
  order: {
    id: 'o-1',
    total: 59.9,
    currency: 'EUR',
    placedAt: '2026-03-01',
    items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 59.9 }],
  },
  // A silver customer: the gift of a tenth of the order is 11% of it (goodwillMultiplierByTier), €6.59.
  customer: { id: 'u-1', since: '2024-05-01', lifetimeSpend: 300, orderCount: 4 },
};

const outage: ComplaintInput = {
  id: 'c-2',
  receivedAt: '2026-01-31T12:00:00Z',
  channel: 'chat',
  category: 'service_outage',
  subscription: { plan: 'plus', monthlyPrice: 12.5, currency: 'EUR' },
  customer: { id: 'u-2', since: '2024-01-01' },
};

const late: ComplaintInput = {
  id: 'c-3',
  receivedAt: '2026-03-20T09:30:00Z',
  channel: 'social',
  category: 'late_delivery',
  order: { id: 'o-3', total: 80, currency: 'EUR', placedAt: '2026-03-01', promisedAt: '2026-03-05' },
  customer: { id: 'u-3', since: '2025-01-01' },
};

async function check(
  input: ComplaintInput,
  change: (rec: Recommendation) => Recommendation,
): Promise<string[]> {
  const rec = await recommender.recommend(input);
  return capViolations(parseComplaint(input), change(rec), policy);
}

const replaceRemedy = (
  rec: Recommendation,
  type: Remedy['type'],
  patch: Record<string, unknown>,
): Recommendation => ({
  ...rec,
  remedies: rec.remedies.map((r) => (r.type === type ? ({ ...r, ...patch } as Remedy) : r)),
});

describe('capViolations, the independent check behind "caps hold"', () => {
  test('finds nothing wrong with what the default rules recommend', async () => {
    for (const input of [wrongItem, outage, late]) expect(await check(input, (r) => r)).toEqual([]);
  });

  test('a total that is off by one cent', async () => {
    expect(await check(wrongItem, (r) => ({ ...r, totalCost: r.totalCost + 0.01 }))).toEqual([
      'totalCost is 89.5, but the remedies add up to 89.49',
    ]);
  });

  test('goodwill over the goodwill limit', async () => {
    const problems = await check(wrongItem, (r) =>
      replaceRemedy(r, 'gift', { value: 500, estimatedCost: 500 }),
    );
    expect(problems).toContain('goodwill of 500 is over the goodwill limit of 6.95');
  });

  test('a gift whose value does not match its cost, and totals that no longer add up', async () => {
    const problems = await check(wrongItem, (r) => replaceRemedy(r, 'gift', { value: 7 }));
    expect(problems).toEqual(['gift (rule wrong-item): value 7 does not match its cost 6.59']);
  });

  test('a resend of something that was never ordered', async () => {
    const problems = await check(wrongItem, (r) =>
      replaceRemedy(r, 'resend', { items: [{ sku: 'HAT', quantity: 1 }] }),
    );
    expect(problems).toEqual([
      'resend (rule wrong-item): sends HAT, which is not in the order',
      'resend (rule wrong-item): costs 74.9, not the goods plus express shipping',
    ]);
  });

  test('a free month that ends on the wrong day (calendar months, in UTC)', async () => {
    const rec = await recommender.recommend(outage);
    expect(rec.remedies.find((r) => r.type === 'free_month')).toMatchObject({
      endsAt: '2026-02-28T12:00:00.000Z',
    });
    const problems = await check(outage, (r) =>
      replaceRemedy(r, 'free_month', { endsAt: '2026-03-03T12:00:00.000Z' }),
    );
    expect(problems).toEqual([
      'free_month (rule outage): endsAt is 2026-03-03T12:00:00.000Z, expected 2026-02-28T12:00:00.000Z',
    ]);
  });

  test('a coupon with both a percentage and an amount, and the wrong expiry', async () => {
    const problems = await check(late, (r) =>
      replaceRemedy(r, 'coupon', { amount: 16, expiresAt: '2026-01-01T00:00:00.000Z' }),
    );
    expect(problems).toEqual([
      'coupon (rule late-severe): needs exactly one of percent and amount',
      'coupon (rule late-severe): expiresAt is 2026-01-01T00:00:00.000Z, expected 2026-06-18T09:30:00.000Z',
    ]);
  });

  test('two remedies of one type, no apology, and an automatic approval above the limit', async () => {
    const problems = await check(wrongItem, (r) => ({
      ...r,
      remedies: r.remedies
        .filter((x) => x.type !== 'apology')
        .concat(r.remedies.filter((x) => x.type === 'gift')),
      totalCost: 86.87,
      goodwillCost: 11.98,
      handling: { ...r.handling, mode: 'automatic', reasons: [] },
    }));
    expect(problems).toEqual(expect.arrayContaining(['more than one gift', 'there is no apology']));
    const overLimit = await check(wrongItem, (r) => ({
      ...r,
      handling: { ...r.handling, mode: 'automatic', reasons: [] },
    }));
    expect(overLimit).toEqual([]);
    const cheapPolicy = { ...policy, autoApproveMaxCost: 10 };
    const rec = await recommender.recommend(wrongItem);
    expect(capViolations(parseComplaint(wrongItem), rec, cheapPolicy)).toContain(
      'handling is automatic at 89.49, above autoApproveMaxCost 10',
    );
  });

  test('a person without a queue, and a cap that does not match the policy', async () => {
    const problems = await check(wrongItem, (r) => ({
      ...r,
      handling: { ...r.handling, mode: 'human', reasons: ['legal_threat'], queue: null },
      cap: { ...r.cap, tierLimit: 1000, goodwillLimit: 1000 },
    }));
    expect(problems).toEqual([
      'cap.tierLimit is 1000, the policy gives 150',
      'cap.goodwillLimit 1000 is above the smallest goodwill limit',
      'handling goes to a person without naming a queue',
    ]);
  });
});
