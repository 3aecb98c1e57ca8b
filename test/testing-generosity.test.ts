import { describe, expect, test } from 'vitest';
import type { ComplaintInput } from '../src/complaint';
import { createRecommender } from '../src/recommend';
import type { Recommendation } from '../src/recommendation';
import type { Remedy } from '../src/remedies/catalogue';
import { generosityShortfalls, offeredCost, topRemedy } from '../src/testing/generosity';

const recommender = createRecommender();

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
      'its highest remedy is coupon, lower on the remedy order than escalate (apology < coupon < gift < free_month < resend < refund < escalate)',
    ]);
  });

  test('the cap forces one exception: more restitution may squeeze out an add-on both were offered', async () => {
    // 15 wrong units: resend 75 + 15 shipping, gift 10 → 100, exactly the cap.
    // 16 wrong units: resend 80 + 15 = 95; the gift no longer fits and is dropped → 95.
    const fewer = await recommender.recommend(wrongItems(15));
    const more = await recommender.recommend(wrongItems(16));
    expect([fewer.totalCost, more.totalCost]).toEqual([100, 95]);
    expect(more.trace.dropped).toContainEqual(expect.objectContaining({ type: 'gift', reason: 'cap' }));
    expect(offeredCost(more)).toBe(105);
    expect(generosityShortfalls(more, fewer)).toEqual([]);
  });

  test('without more restitution, a lower total is a shortfall even when the cap cut something', async () => {
    const fewer = await recommender.recommend(wrongItems(15));
    const more = await recommender.recommend(wrongItems(16));
    const sameRestitution = tweak(more, { restitutionCost: fewer.restitutionCost });
    expect(generosityShortfalls(sameRestitution, fewer)).toEqual([
      'its total cost 95 EUR is less than 100 EUR',
    ]);
  });

  test('what the cap took counts as offered; what the rules never offered does not', async () => {
    const rec = await recommender.recommend(wrongItems(16));
    const withoutTrace = tweak(rec, { trace: { ...rec.trace, dropped: [] } });
    expect(offeredCost(rec)).toBe(105);
    expect(offeredCost(withoutTrace)).toBe(95);
  });

  test('recommendations in different currencies cannot be compared', async () => {
    const rec = await recommender.recommend(lateBy(4));
    expect(generosityShortfalls(rec, tweak(rec, { currency: 'TRY' }))).toEqual([
      'the currencies differ (EUR vs TRY)',
    ]);
  });
});
