import { describe, expect, it } from 'vitest';
import type { ComplaintInput } from '../../src/complaint/schema';
import { createRecommender } from '../../src/recommender/create-recommender';
import { defaultRuleSet } from '../../src/rules/default/rule-set';

const recommender = createRecommender();
const customer = { id: 'u-1', since: '2025-01-01' };

/** An order promised on 1 March and never delivered, complained about `days` days later. */
const undelivered = (
  days: number,
  items = [{ sku: 'LAMP', quantity: 1, unitPrice: 40 }],
): ComplaintInput => ({
  id: `lost-${days}`,
  receivedAt: new Date(Date.UTC(2026, 2, 1 + days, 10)).toISOString(),
  channel: 'email',
  category: 'late_delivery',
  order: {
    id: 'o-1',
    total: 40,
    currency: 'EUR',
    placedAt: '2026-02-25',
    promisedAt: '2026-03-01',
    carrier: 'Aras',
    items,
  },
  customer,
});

const types = (r: { remedies: readonly { type: string }[] }) => r.remedies.map((x) => x.type);

describe('an order that never arrived', () => {
  it('is traced with the carrier at 6 days overdue, with the day it counts as lost, and not yet resent', async () => {
    const r = await recommender.recommend(undelivered(6));
    expect(r.trace.facts).toMatchObject({ undelivered: true, daysOverdue: 6, daysLate: 6 });
    expect(types(r)).not.toContain('resend');
    expect(r.handling.steps).toEqual([
      { type: 'trace', carrier: 'Aras', lostOn: '2026-03-08T00:00:00.000Z' },
    ]);
    expect(r.rationale.map((s) => s.text)).toContain(
      'We will ask the carrier to trace your parcel. If it has not reached you by March 8, 2026, we will send it again or refund you.',
    );
  });

  it('is lost from 7 days overdue: resent by express, besides the goodwill for lateness, with no trace', async () => {
    for (const days of [7, 30]) {
      const r = await recommender.recommend(undelivered(days));
      expect(r.trace.fired.map((f) => f.name)).toEqual(['lost-parcel', 'late-severe']);
      expect(r.remedies.find((x) => x.type === 'resend')).toMatchObject({
        kind: 'restitution',
        shipping: 'express',
        items: [{ sku: 'LAMP', quantity: 1 }],
        estimatedCost: 55,
      });
      expect(r.remedies.find((x) => x.type === 'coupon')).toMatchObject({ kind: 'goodwill', percent: 20 });
      expect(r.handling.steps).toEqual([]);
    }
  });

  it('counts as lost on the rule set’s day: the trace and the rule agree on policy.lostAfterDays', () => {
    const rule = defaultRuleSet.rules.find((r) => r.name === 'lost-parcel');
    expect(JSON.stringify(rule?.conditions)).toContain(
      `{"fact":"daysOverdue","operator":"greaterThanInclusive","value":${defaultRuleSet.policy.lostAfterDays}}`,
    );
  });

  it('is not overdue once delivered, however late: a late delivery is not a lost parcel', async () => {
    const c = undelivered(30);
    const r = await recommender.recommend({
      ...c,
      order: { ...c.order, deliveredAt: '2026-03-20' },
    } as ComplaintInput);
    expect(r.trace.facts).toMatchObject({ undelivered: false, daysOverdue: 0, daysLate: 19 });
    expect(types(r)).not.toContain('resend');
    expect(r.handling.steps).toEqual([]);
  });

  it('traces without a carrier named, and uses the policy’s threshold', async () => {
    const strict = createRecommender({
      ruleSet: { ...defaultRuleSet, policy: { ...defaultRuleSet.policy, lostAfterDays: 10 } },
    });
    const c = undelivered(8);
    const r = await strict.recommend({ ...c, order: { ...c.order, carrier: undefined } } as ComplaintInput);
    expect(r.handling.steps).toEqual([{ type: 'trace', carrier: null, lostOn: '2026-03-11T00:00:00.000Z' }]);
  });
});

const wrongItem = (unitPrice: number): ComplaintInput => ({
  id: `wrong-${unitPrice}`,
  receivedAt: '2026-03-10T09:30:00Z',
  channel: 'chat',
  category: 'wrong_item',
  order: {
    id: 'o-2',
    total: unitPrice,
    currency: 'EUR',
    placedAt: '2026-03-01',
    deliveredAt: '2026-03-05',
    items: [{ sku: 'SOCKS', quantity: 1, unitPrice }],
  },
  customer,
});

describe('a wrong item', () => {
  it('dearer than a return is collected by courier at the policy’s pickup cost', async () => {
    const r = await recommender.recommend(wrongItem(60));
    expect(types(r)).toEqual(['resend', 'return', 'gift', 'apology']);
    expect(r.remedies[1]).toMatchObject({ method: 'pickup', kind: 'restitution', estimatedCost: 8 });
  });

  it('cheaper than a return is kept by the customer, costing its value, and the customer is told so', async () => {
    const r = await recommender.recommend(wrongItem(6));
    expect(r.remedies[1]).toMatchObject({
      type: 'return',
      method: 'keep',
      kind: 'restitution',
      items: [{ sku: 'SOCKS', quantity: 1 }],
      estimatedCost: 6,
    });
    expect(r.rationale.map((s) => s.text)).toContain(
      'You do not need to send back the item you received: please keep it.',
    );
    expect(
      (await createRecommender({ locale: 'tr' }).recommend(wrongItem(6))).rationale.map((s) => s.text),
    ).toContain('Size ulaşan ürünü geri göndermenize gerek yok; ürün sizde kalabilir.');
  });
});

const damaged = (unitPrice: number): ComplaintInput => ({
  ...wrongItem(unitPrice),
  id: `damaged-${unitPrice}`,
  category: 'damaged_item',
});

describe('a damaged item', () => {
  it('at or below the evidence threshold is put right at once: no photo asked', async () => {
    for (const price of [12, 100]) {
      const r = await recommender.recommend(damaged(price));
      expect(r.handling.steps).toEqual([]);
      expect(r.remedies[0]?.kind).toBe('restitution');
    }
  });

  it('above the threshold asks for a photo, and still names the remedy', async () => {
    const r = await recommender.recommend(damaged(100.01));
    expect(r.handling.steps).toEqual([{ type: 'evidence', request: 'photo' }]);
    expect(r.remedies[0]).toMatchObject({ type: 'resend', kind: 'restitution' });
    expect(r.rationale.map((s) => s.text)).toContain(
      'Please send us a photo of the damage; we will take care of everything as soon as we receive it.',
    );
  });
});

describe('a subscription charged twice', () => {
  const doubleCharge: ComplaintInput = {
    id: 'sub-double',
    receivedAt: '2026-03-10T09:30:00Z',
    channel: 'email',
    category: 'billing_error',
    subscription: { plan: 'Plus', monthlyPrice: 12.99, currency: 'EUR', overcharge: 12.99 },
    customer,
  };

  it('is refunded the overcharge in full, automatically, like an order', async () => {
    const r = await recommender.recommend(doubleCharge);
    expect(r.trace.facts.overcharge).toBe(12.99);
    expect(r.remedies[0]).toMatchObject({
      type: 'refund',
      basis: 'overcharge',
      kind: 'restitution',
      amount: 12.99,
    });
    expect(r.handling.mode).toBe('automatic');
    expect(r.rationale.map((s) => s.text)).toContain(
      'We understand that you were charged €12.99 more than you owed for your Plus subscription.',
    );
  });

  it('adds an order’s and a subscription’s overcharge exactly', async () => {
    const r = await recommender.recommend({
      ...doubleCharge,
      subscription: { plan: 'Plus', monthlyPrice: 12.99, currency: 'EUR', overcharge: 0.2 },
      order: { id: 'o-3', total: 10, currency: 'EUR', placedAt: '2026-03-01', overcharge: 0.1 },
    });
    expect(r.trace.facts.overcharge).toBe(0.3);
    expect(r.remedies[0]).toMatchObject({ type: 'refund', amount: 0.3 });
  });
});
