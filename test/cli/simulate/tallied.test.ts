import { describe, expect, it } from 'vitest';
import { sameForCustomer, type Tallied } from '../../../src/cli/simulate/tallied';

/** What the summary reads of a recommendation, with `remedies` given as objects. */
function rec(
  remedies: readonly { readonly type: string; readonly [field: string]: unknown }[],
  handling: Partial<Pick<Tallied, 'mode' | 'queue'>> = {},
): Tallied {
  return {
    complaintId: 'c-1',
    currency: 'EUR',
    totalCost: 10,
    restitutionCost: 0,
    goodwillCost: 10,
    types: [...new Set(remedies.map((r) => r.type))] as Tallied['types'],
    remedies: JSON.stringify(remedies),
    band: 'medium',
    tier: 'standard',
    mode: handling.mode ?? 'automatic',
    queue: handling.queue ?? null,
    reasons: [],
    category: 'late_delivery',
    fired: [],
  };
}

const apology = {
  type: 'apology',
  kind: 'goodwill',
  form: 'written',
  rule: 'late',
  priority: 5,
  estimatedCost: 0,
};
const coupon = { type: 'coupon', kind: 'goodwill', percent: 10, rule: 'late', priority: 5, estimatedCost: 5 };

describe('sameForCustomer', () => {
  it('takes the same remedies from other rules, or in another order, as the same', () => {
    const elsewhere = [
      { ...coupon, rule: 'late-minor', priority: 40 },
      { ...apology, rule: 'other', priority: 1 },
    ];
    expect(sameForCustomer(rec([apology, coupon]), rec(elsewhere))).toBe(true);
    expect(sameForCustomer(rec([apology, coupon]), rec([apology, coupon]))).toBe(true);
  });

  it('tells remedies with another parameter, another remedy or another handling apart', () => {
    const base = rec([apology, coupon]);
    expect(sameForCustomer(base, rec([apology, { ...coupon, percent: 15 }]))).toBe(false);
    expect(sameForCustomer(base, rec([apology]))).toBe(false);
    expect(sameForCustomer(base, rec([apology, coupon], { mode: 'human', queue: 'care' }))).toBe(false);
    const human = rec([apology, coupon], { mode: 'human', queue: 'care' });
    expect(sameForCustomer(human, rec([apology, coupon], { mode: 'human', queue: 'legal' }))).toBe(false);
  });
});

describe('sameForCustomer on decisions of different costs', () => {
  it('tells them apart without reading their remedies back: the costs are the remedies’ own, summed', () => {
    // Remedies that cannot be read back: only the costs can settle it.
    const unread = (totalCost: number): Tallied => ({ ...rec([coupon]), remedies: 'unread', totalCost });
    const other = { ...unread(12), remedies: 'unread too' };
    expect(sameForCustomer(unread(10), other)).toBe(false);
    expect(() => sameForCustomer(unread(12), other)).toThrow(SyntaxError);
  });
});
