import fc from 'fast-check';
import { type Blueprint, buildComplaint } from '../../src/analysis/model/blueprint';
import { CATEGORIES, CHANNELS, type ComplaintInput, TONES } from '../../src/complaint/schema';

const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

/** Blueprints of valid complaints across categories, channels, tones and order/subscription shapes (EUR). */
export const blueprintArbitrary: fc.Arbitrary<Blueprint> = fc
  .record({
    category: fc.constantFrom(...CATEGORIES),
    channel: fc.constantFrom(...CHANNELS),
    tone: fc.constantFrom(...TONES),
    legalThreat: fc.boolean(),
    shape: fc.constantFrom('order', 'both', 'subscription'),
    total: cents(600),
    overchargeShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    daysLate: fc.integer({ min: 0, max: 20 }),
    itemsAffected: fc.integer({ min: 0, max: 6 }),
    monthlyPrice: cents(50),
    publicReach: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
    complaints90d: fc.integer({ min: 1, max: 5 }),
    tenureMonths: fc.integer({ min: 0, max: 80 }),
    lifetimeSpend: cents(20_000),
    orderCount: fc.integer({ min: 0, max: 30 }),
    recentOrder: fc.boolean(),
  })
  .map(
    (r): Blueprint => ({
      category: r.category,
      channel: r.channel,
      tone: r.tone,
      legalThreat: r.legalThreat,
      currency: 'EUR',
      order:
        r.shape === 'subscription'
          ? null
          : {
              total: r.total,
              overcharge:
                r.overchargeShare === null ? 0 : Math.floor(r.total * r.overchargeShare * 100) / 100,
              daysLate: r.daysLate,
              itemsAffected: r.itemsAffected,
              units: 8,
            },
      subscription: r.shape === 'order' ? null : { plan: 'Plus', monthlyPrice: r.monthlyPrice },
      publicReach: r.publicReach,
      complaints90d: r.complaints90d,
      tenureMonths: r.tenureMonths,
      lifetimeSpend: r.lifetimeSpend,
      orderCount: r.orderCount,
      recentOrder: r.recentOrder,
      recentOrderDays: 60,
      goodwill: { amount: 0, count: 0 },
    }),
  );

/** Valid complaints built from `blueprintArbitrary`. */
export const complaintArbitrary: fc.Arbitrary<ComplaintInput> = blueprintArbitrary.map((b) =>
  buildComplaint(b),
);
