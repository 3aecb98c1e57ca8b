import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { RemediesText, sameForCustomer, type Tallied } from '../../../src/cli/simulate/tallied';
import { fcParams } from '../../seed';

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

describe("the remedies' text, written once for a run of equal remedies", () => {
  const stamp = new Date(Date.UTC(2026, 2, 1));
  class Boxed {
    constructor(readonly value: number) {}
  }
  // Values JSON writes alike though they differ, and values it writes differently though they look alike.
  const value = fc.oneof(
    fc.constantFrom(0, -0, 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, 'a', 'b', ''),
    fc.constantFrom(stamp, new Date(0), new Boxed(1), { toJSON: () => 'x' }, { toJSON: () => 'y' }),
  );
  const remedy = fc.dictionary(fc.constantFrom('type', 'kind', 'amount', 'items', '1', 'rule'), value, {
    maxKeys: 5,
  });
  const nested = fc.oneof(
    remedy,
    fc.record({ type: fc.constant('resend'), items: fc.array(remedy, { maxLength: 2 }) }),
  );
  /** Equal content in other arrays and plain objects (dates, classes and `toJSON`s shared). */
  const copy = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(copy)
      : v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]))
        : v;
  // Each list after the first is often the one before with one value changed: alike but for that value.
  const steps = fc.array(fc.tuple(fc.array(nested, { maxLength: 3 }), fc.boolean(), value, fc.nat()), {
    minLength: 1,
    maxLength: 8,
  });
  const lists = steps.map((given) => {
    const out: Record<string, unknown>[][] = [];
    for (const [fresh, edit, changed, at] of given) {
      const last = out.at(-1);
      const first = last?.[0];
      if (!edit || !first || Object.keys(first).length === 0) {
        out.push(fresh);
        continue;
      }
      const next = copy(last) as Record<string, unknown>[];
      const keys = Object.keys(first);
      (next[0] as Record<string, unknown>)[keys[at % keys.length] as string] = changed;
      out.push(next);
    }
    return out;
  });

  it('is what JSON.stringify writes, list after list, whatever the last list was', () => {
    fc.assert(
      fc.property(lists, (runs) => {
        const texts = new RemediesText();
        for (const list of runs) {
          // A copy as well as the list itself: equal content in other objects.
          for (const given of [list, copy(list), list]) {
            expect(texts.of(given as never)).toBe(JSON.stringify(given));
          }
        }
      }),
      fcParams(300),
    );
  });

  it('writes again what only looks alike: dates, class instances, toJSON, undefined fields', () => {
    const texts = new RemediesText();
    const toJson = function (this: { n: number }) {
      return this.n;
    };
    const pairs: [unknown, unknown][] = [
      [{ at: new Date(0) }, { at: new Date(5) }],
      [{ box: new Boxed(1) }, { box: new Boxed(2) }],
      [
        { n: 1, toJSON: toJson },
        { n: 2, toJSON: toJson },
      ],
      [{ a: 1 }, { a: 1, b: undefined }],
      [{ a: 0 }, { a: -0 }],
      [{ a: [1, 2] }, { a: [1, 2, 3] }],
    ];
    for (const [a, b] of pairs) {
      expect(texts.of([a] as never)).toBe(JSON.stringify([a]));
      expect(texts.of([b] as never)).toBe(JSON.stringify([b]));
    }
  });

  it('gives equal remedies the same text without writing it again, and writes different ones', () => {
    const texts = new RemediesText();
    const apology = [
      { type: 'apology', kind: 'care', form: 'personal', rule: 'staff', priority: 50, estimatedCost: 0 },
    ];
    const first = texts.of(apology as never);
    const written = vi.spyOn(JSON, 'stringify');
    try {
      expect(texts.of(structuredClone(apology) as never)).toBe(first);
      expect(written).not.toHaveBeenCalled();
      const other = [{ ...apology[0], rule: 'other' }];
      expect(texts.of(other as never)).toBe(JSON.stringify(other));
      // The keys in another order are written in that order: not the same text.
      const reordered = [
        { kind: 'care', type: 'apology', form: 'personal', rule: 'staff', priority: 50, estimatedCost: 0 },
      ];
      expect(texts.of(reordered as never)).toBe(JSON.stringify(reordered));
    } finally {
      written.mockRestore();
    }
  });
});
