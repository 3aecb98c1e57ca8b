import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeTally } from '../../../src/cli/simulate/changes';
import type { Tallied } from '../../../src/cli/simulate/tallied';
import { fcParams } from '../../seed';

/** A decision of `totalCost` (a coupon worth it), for the complaint on `line`. */
function decision(line: number, totalCost: number): Tallied {
  const coupon = {
    type: 'coupon',
    kind: 'goodwill',
    amount: totalCost,
    rule: 'r',
    priority: 1,
    estimatedCost: totalCost,
  };
  return {
    complaintId: `c-${line}`,
    currency: 'EUR',
    totalCost,
    restitutionCost: 0,
    goodwillCost: totalCost,
    types: ['coupon'],
    remedies: JSON.stringify([coupon]),
    band: 'medium',
    tier: 'standard',
    mode: 'automatic',
    queue: null,
    reasons: [],
    category: 'late_delivery',
    fired: ['r'],
  };
}

/** Each change as (cost before, cost after), many of one size, complaints in line order or not. */
const changes = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), {
  maxLength: 60,
});

describe('the largest changes', () => {
  it('are the first `keep` of every change sorted by size, then by line, however many come in between', () => {
    fc.assert(
      fc.property(changes, fc.integer({ min: 1, max: 5 }), fc.boolean(), (costs, keep, reversed) => {
        const bounded = new ChangeTally(keep);
        const all = new ChangeTally(costs.length + 1);
        const lines = costs.map((_, i) => (reversed ? costs.length - i : i + 1));
        costs.forEach(([before, after], i) => {
          const line = lines[i] as number;
          for (const tally of [bounded, all]) tally.add(line, decision(line, before), decision(line, after));
        });
        const summary = bounded.summary();
        expect(summary.largest).toStrictEqual(all.summary().largest.slice(0, keep));
        expect(summary.changed).toBe(costs.filter(([before, after]) => before !== after).length);
      }),
      fcParams(500),
    );
  });
});
