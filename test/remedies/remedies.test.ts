import { describe, expect, it } from 'vitest';
import { parseComplaint } from '../../src/complaint/parse';
import { toFacts } from '../../src/facts/to-facts';
import { materialise, type RemedySpec, RemedySpecSchema } from '../../src/remedies/catalogue';
import type { RemedyContext } from '../../src/remedies/context';
import { defaultScoring } from '../../src/scoring/config';
import { baseComplaint } from '../helpers';

function context(overrides: Parameters<typeof baseComplaint>[0] = {}): RemedyContext {
  const complaint = parseComplaint(baseComplaint(overrides));
  return {
    complaint,
    facts: toFacts(complaint, defaultScoring).facts,
    currency: 'EUR',
    now: new Date(complaint.receivedAt),
    affectedValueMinor: 10_000,
    orderLines: [
      { sku: 'A', quantity: 2, unitPriceMinor: 3_000 },
      { sku: 'B', quantity: 1, unitPriceMinor: 4_000 },
    ],
    affectedUnits: [{ sku: 'A', quantity: 1, unitPriceMinor: 3_000 }],
    shippingCostMinor: { standard: 500, express: 1_500 },
    returnCostMinor: { pickup: 800, label: 500 },
    respondWithinHours: 24,
  };
}

const make = (spec: unknown, ctx = context()) => materialise(RemedySpecSchema.parse(spec) as RemedySpec, ctx);

describe('remedies', () => {
  it('resend: the affected units again, costing the goods plus shipping', () => {
    expect(make({ type: 'resend', shipping: 'express' })).toMatchObject({
      type: 'resend',
      kind: 'restitution',
      items: [{ sku: 'A', quantity: 1 }],
      costMinor: 3_000 + 1_500,
    });
    expect(make({ type: 'resend', items: 'all' })).toMatchObject({
      items: [
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 1 },
      ],
      costMinor: 10_000 + 500,
    });
  });

  it('resend: does not apply when nothing is affected', () => {
    expect(make({ type: 'resend' }, { ...context(), affectedUnits: [] })).toEqual({
      notApplicable: 'no_items',
    });
  });

  it('gift: a fixed value, or a share of the order held to its maximum', () => {
    expect(make({ type: 'gift', value: 7.5 })).toMatchObject({
      value: 7.5,
      costMinor: 750,
      kind: 'goodwill',
    });
    expect(make({ type: 'gift', shareOfOrder: 0.1 })).toMatchObject({ value: 10, costMinor: 1_000 });
    expect(make({ type: 'gift', shareOfOrder: 0.5, max: 25 })).toMatchObject({ value: 25, costMinor: 2_500 });
  });

  it('coupon: percent or amount, expiring validDays after the complaint', () => {
    expect(make({ type: 'coupon', percent: 15, validDays: 30 })).toMatchObject({
      percent: 15,
      amount: null,
      expiresAt: '2026-04-09T09:00:00.000Z',
      costMinor: 1_500,
    });
    expect(make({ type: 'coupon', percent: 50, maxDiscount: 20 })).toMatchObject({
      maxDiscount: 20,
      costMinor: 2_000,
    });
    expect(make({ type: 'coupon', amount: 12.34 })).toMatchObject({
      percent: null,
      amount: 12.34,
      validDays: 90,
      costMinor: 1_234,
    });
  });

  it('free_month: dated from the complaint, priced at the subscription', () => {
    const ctx = context({ subscription: { plan: 'Plus', monthlyPrice: 9.99, currency: 'EUR' } });
    expect(make({ type: 'free_month', months: 2 }, ctx)).toMatchObject({
      plan: 'Plus',
      months: 2,
      startsAt: '2026-03-10T09:00:00.000Z',
      endsAt: '2026-05-10T09:00:00.000Z',
      costMinor: 1_998,
    });
  });

  it('free_month: does not apply without a subscription', () => {
    expect(make({ type: 'free_month' })).toEqual({ notApplicable: 'no_subscription' });
  });

  it('free_month: ends on the last day of a shorter month', () => {
    const ctx = {
      ...context({ subscription: { plan: 'Plus', monthlyPrice: 5, currency: 'EUR' } }),
      now: new Date('2026-01-31T10:00:00Z'),
    };
    expect(make({ type: 'free_month', months: 1 }, ctx)).toMatchObject({
      endsAt: '2026-02-28T10:00:00.000Z',
    });
  });

  it('refund: of the overcharge and the affected items is restitution; of the order, goodwill', () => {
    const overcharged = context();
    const ctx = {
      ...overcharged,
      complaint: { ...overcharged.complaint, order: { ...overcharged.complaint.order!, overcharge: 4.99 } },
    };
    expect(make({ type: 'refund', basis: 'overcharge' }, ctx)).toMatchObject({
      amount: 4.99,
      kind: 'restitution',
      costMinor: 499,
    });
    expect(make({ type: 'refund', basis: 'affected_items', share: 0.5 })).toMatchObject({
      amount: 15,
      kind: 'restitution',
    });
    expect(make({ type: 'refund', share: 0.25 })).toMatchObject({
      basis: 'order',
      amount: 25,
      kind: 'goodwill',
    });
    expect(make({ type: 'refund', basis: 'overcharge' })).toEqual({ notApplicable: 'nothing_to_refund' });
  });

  it('apology: costs nothing', () => {
    expect(make({ type: 'apology', form: 'personal' })).toEqual({
      type: 'apology',
      kind: 'care',
      form: 'personal',
      costMinor: 0,
    });
  });

  it('escalate: names the queue and the deadline', () => {
    expect(make({ type: 'escalate', queue: 'legal', urgency: 'high', respondWithinHours: 4 })).toEqual({
      type: 'escalate',
      kind: 'care',
      queue: 'legal',
      urgency: 'high',
      respondWithinHours: 4,
      dueAt: '2026-03-10T13:00:00.000Z',
      costMinor: 0,
    });
  });

  it('computes money in minor units so that JPY has no decimals and odd shares round once', () => {
    const ctx = { ...context(), currency: 'JPY', affectedValueMinor: 999 };
    expect(make({ type: 'gift', shareOfOrder: 0.1 }, ctx)).toMatchObject({ value: 100, costMinor: 100 });
    expect(make({ type: 'coupon', percent: 33 }, { ...context(), affectedValueMinor: 1_001 })).toMatchObject({
      costMinor: 330,
    });
  });
});
