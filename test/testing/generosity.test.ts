import { describe, expect, test } from 'vitest';
import type { ComplaintInput } from '../../src/complaint/schema';
import type { Recommendation } from '../../src/recommend/recommendation';
import { createRecommender } from '../../src/recommender/create-recommender';
import type { Remedy } from '../../src/remedies/catalogue';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { loadRuleSet } from '../../src/rules/ruleset';
import { generosityShortfalls, offeredCost, topRemedy } from '../../src/testing/generosity';

const recommender = createRecommender();
/** The default rules with restitution and goodwill together held to the value at stake. */
const tight = createRecommender({
  ruleSet: loadRuleSet({
    ...structuredClone(defaultRuleSet),
    policy: { ...structuredClone(defaultRuleSet.policy), maxTotalShareOfValue: 1 },
  }),
});

/** A standard customer's wrong-item order: 20 units at 5, `affected` of them wrong. Cap: 100 (standard tier). */
const wrongItems = (affected: number): ComplaintInput => ({
  id: `c-${affected}`,
  receivedAt: '2026-03-10T09:30:00Z',
  channel: 'email',
  category: 'wrong_item',
  order: {
    id: 'o',
    total: 100,
    currency: 'EUR',
    placedAt: '2026-03-01',
    items: [{ sku: 'A', quantity: 20, unitPrice: 5, affectedQuantity: affected }],
  },
  customer: { id: 'u', since: '2026-03-01' },
});

const lateBy = (days: number, isPublic = false): ComplaintInput => ({
  id: `late-${days}`,
  receivedAt: '2026-03-20T09:30:00Z',
  channel: 'email',
  category: 'late_delivery',
  order: {
    id: 'o',
    total: 200,
    currency: 'EUR',
    placedAt: '2026-03-01',
    promisedAt: '2026-03-05',
    deliveredAt: `2026-03-${String(5 + days).padStart(2, '0')}`,
  },
  customer: { id: 'u', since: '2025-01-01' },
  ...(isPublic ? { exposure: { public: true, reach: 100 } } : {}),
});

/** A recommendation with one field replaced, for cases the default rules never produce. */
const tweak = (rec: Recommendation, patch: Partial<Recommendation>): Recommendation => ({ ...rec, ...patch });

describe('the generosity order', () => {
  test('a bigger coupon for a longer delay is at least as generous, and the shorter delay is not', async () => {
    const short = await recommender.recommend(lateBy(4));
    const long = await recommender.recommend(lateBy(10));
    expect(long.totalCost).toBeGreaterThan(short.totalCost);
    expect(generosityShortfalls(long, short)).toEqual([]);
    expect(generosityShortfalls(short, long)).toEqual([
      'the rules offered 20 EUR before the caps, less than 40 EUR',
      'its total cost 20 EUR is less than 40 EUR',
    ]);
  });

  test('an escalation ranks above every other remedy, so losing it is a shortfall even at equal cost', async () => {
    const rec = await recommender.recommend(lateBy(10, true));
    const escalation: Remedy = {
      type: 'escalate',
      kind: 'care',
      queue: 'social-media',
      urgency: 'urgent',
      respondWithinHours: 4,
      dueAt: '2026-03-20T13:30:00.000Z',
      rule: 'planted',
      priority: 99,
      estimatedCost: 0,
    };
    const escalated = tweak(rec, { remedies: [...rec.remedies, escalation] });
    expect(topRemedy(escalated)).toBe('escalate');
    expect(generosityShortfalls(rec, escalated)).toEqual([
      'its highest remedy is coupon, lower on the remedy order than escalate (apology < coupon < gift < store_credit < free_month < return < resend < refund < escalate)',
    ]);
  });

  test('the cap forces one exception: more restitution may squeeze out an add-on both were offered', async () => {
    // Restitution and goodwill together within 100% of the order (100): 15 wrong units leave room for
    // 2 of the gift of 10 (resend 75 + 15 shipping, pickup 8); 17 wrong units (resend 85 + 15, pickup 8)
    // leave none, and their restitution alone passes the cap.
    const fewer = await tight.recommend(wrongItems(15));
    const more = await tight.recommend(wrongItems(17));
    expect([fewer.totalCost, more.totalCost]).toEqual([100, 108]);
    expect(more.remedies.map((r) => r.type)).not.toContain('gift');
    expect(more.trace.dropped).toContainEqual(expect.objectContaining({ type: 'gift', reason: 'cap' }));
    expect(offeredCost(more)).toBe(118);
    expect(generosityShortfalls(more, fewer)).toEqual([]);
  });

  test('without more restitution, a lower total is a shortfall even when the cap cut something', async () => {
    const fewer = await tight.recommend(wrongItems(15));
    const more = await tight.recommend(wrongItems(17));
    const sameRestitution = tweak(more, { restitutionCost: fewer.restitutionCost, totalCost: 95 });
    expect(generosityShortfalls(sameRestitution, fewer)).toEqual([
      'its total cost 95 EUR is less than 100 EUR',
    ]);
  });

  test('what the cap took counts as offered; what the rules never offered does not', async () => {
    const rec = await tight.recommend(wrongItems(17));
    const withoutTrace = tweak(rec, { trace: { ...rec.trace, dropped: [] } });
    expect(offeredCost(rec)).toBe(118);
    expect(offeredCost(withoutTrace)).toBe(108);
  });

  test('recommendations in different currencies cannot be compared', async () => {
    const rec = await recommender.recommend(lateBy(4));
    expect(generosityShortfalls(rec, tweak(rec, { currency: 'TRY' }))).toEqual([
      'the currencies differ (EUR vs TRY)',
    ]);
  });
});
