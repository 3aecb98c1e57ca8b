import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  remediesOf,
  SAME_FOR_CUSTOMER,
  sameDecisions,
  sameForCustomer,
  type Tallied,
} from '../../../src/cli/simulate/tallied';
import type { Decided } from '../../../src/recommend/recommendation';
import { fcParams } from '../../seed';

type Listed = readonly { readonly type: string; readonly [field: string]: unknown }[];

/** What the summary reads of a recommendation, with `remedies` given as objects, as text by default. */
function rec(
  remedies: Listed,
  handling: Partial<Pick<Tallied, 'mode' | 'queue'>> = {},
  asList = false,
): Tallied {
  return {
    complaintId: 'c-1',
    currency: 'EUR',
    totalCost: 10,
    restitutionCost: 0,
    goodwillCost: 10,
    types: [...new Set(remedies.map((r) => r.type))] as Tallied['types'],
    remedies: asList ? (remedies as unknown as Tallied['remedies']) : JSON.stringify(remedies),
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

/** A remedy's fields, some of them varied: the same remedy from another rule, another parameter, a key order. */
const remedy = fc
  .record({
    type: fc.constantFrom('apology', 'coupon'),
    percent: fc.constantFrom(10, 15, null, undefined, Number.NaN),
    rule: fc.constantFrom('late', 'other'),
    priority: fc.constantFrom(1, 5),
    estimatedCost: fc.constantFrom(0, 5, -0),
    expiresAt: fc.constantFrom('2026-05-30T07:00:00.000Z', [1, undefined], { at: 1 }),
    flipped: fc.boolean(),
  })
  .map(({ flipped, type, percent, ...rest }) =>
    flipped ? { ...rest, percent, type, kind: 'goodwill' } : { type, kind: 'goodwill', percent, ...rest },
  );

describe('sameForCustomer on remedies at hand', () => {
  it('answers for two lists as for their texts: the same text, or the same remedies without their rules', () => {
    fc.assert(
      fc.property(
        fc.array(remedy, { maxLength: 3 }),
        fc.array(remedy, { maxLength: 3 }),
        fc.boolean(),
        (a, b, shuffled) => {
          // The other list as the first one shuffled (with other rules) half of the time, so that sameness is often met.
          const other = shuffled ? [...a].reverse().map((r) => ({ ...r, rule: 'again' })) : b;
          const total = (list: Listed) => list.reduce((sum, r) => sum + (r.estimatedCost as number), 0);
          const [x, y] = [rec(a), rec(other)].map((t, i) => ({ ...t, totalCost: total(i ? other : a) }));
          const texts = sameForCustomer(x as Tallied, y as Tallied);
          const lists = sameForCustomer(
            { ...(x as Tallied), remedies: a as unknown as Tallied['remedies'] },
            { ...(y as Tallied), remedies: other as unknown as Tallied['remedies'] },
          );
          const mixed = sameForCustomer(x as Tallied, {
            ...(y as Tallied),
            remedies: other as unknown as Tallied['remedies'],
          });
          const decided = (t: Tallied, list: Listed) =>
            ({ ...t, handling: { mode: t.mode, queue: t.queue }, remedies: list }) as unknown as Decided;
          const decisions = sameDecisions(decided(x as Tallied, a), decided(y as Tallied, other));
          expect([lists, mixed, decisions]).toEqual([texts, texts, texts]);
        },
      ),
      fcParams(2000),
    );
  });

  it('compares long lists (more remedies than bits in a number) as their texts', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...coupon, percent: i }));
    const elsewhere = [...many].reverse().map((r) => ({ ...r, rule: 'other' }));
    const total = { totalCost: 10 };
    const list = (l: Listed) => ({ ...rec(l, {}, true), ...total });
    expect(sameForCustomer(list(many), list(elsewhere))).toBe(true);
    expect(sameForCustomer(list(many), list([...elsewhere.slice(1), coupon]))).toBe(false);
  });

  it('reads a list back as its text reads back, and takes two decisions marked the same as the same', () => {
    const list = [apology, { ...coupon, at: undefined, when: new Date(0), never: Number.NaN }];
    expect(remediesOf(rec(list, {}, true))).toStrictEqual(remediesOf(rec(list)));
    const marked: Tallied = { ...rec([coupon]), remedies: SAME_FOR_CUSTOMER };
    expect(sameForCustomer(marked, { ...marked, totalCost: 99 })).toBe(true);
    expect(sameForCustomer(marked, { ...marked, mode: 'human', queue: 'care' })).toBe(false);
    expect(() => remediesOf(marked)).toThrow(/not kept/);
  });
});
