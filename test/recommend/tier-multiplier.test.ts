import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComplaintInput } from '../../src/complaint/schema';
import type { RedressError } from '../../src/errors';
import { toMinor } from '../../src/money';
import type { Recommendation } from '../../src/recommend/recommendation';
import { createRecommender } from '../../src/recommender/create-recommender';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import type { RuleSetInput } from '../../src/rules/ruleset';
import { loadRuleSet } from '../../src/rules/ruleset';
import { VALUE_TIERS, type ValueTier } from '../../src/scoring/score';
import { withValidCustomerValue } from '../../src/testing/customer-value';
import { complaintArbitrary, customerValueArbitrary } from '../../src/testing/index';
import { expectNone } from '../cheap-expect';
import { categoryRule, complaint, ruleSet, subscriptionComplaint } from '../complaint-builder';
import { redressErrorOf } from '../helpers';
import { fcParams } from '../seed';

/*
 * policy.goodwillMultiplierByTier (issue 15, item 3): a higher value tier raises goodwill before the
 * caps, which then hold as always; restitution is never raised.
 */

const MULTIPLIERS = { standard: 1, silver: 1.1, gold: 1.25, platinum: 1.5 } as const;

/** A customer the default scoring puts in each value tier (asserted below, so a scoring change shows). */
const CUSTOMERS: Record<ValueTier, ComplaintInput['customer']> = {
  standard: { id: 'u-s', since: '2026-03-01', lifetimeSpend: 0, orderCount: 0 },
  silver: { id: 'u-si', since: '2025-06-01', lifetimeSpend: 300, orderCount: 3 },
  gold: { id: 'u-g', since: '2023-03-01', lifetimeSpend: 3_000, orderCount: 10 },
  platinum: { id: 'u-p', since: '2016-03-01', lifetimeSpend: 50_000, orderCount: 40 },
};

const at = (tier: ValueTier, base: ComplaintInput = complaint()): ComplaintInput => ({
  ...base,
  customer: CUSTOMERS[tier],
});

/** Wide limits: no cap binds for the order of 100 at any tier. */
const WIDE = {
  maxTotalShareOfValue: 5,
  maxGoodwillShareBySeverity: { low: 3, medium: 3, high: 3, critical: 3 },
  maxGoodwillByTier: { standard: 500, silver: 500, gold: 500, platinum: 500 },
  autoApproveMaxCost: 1_000,
};
const sameTierCap = (t: number) => ({ standard: t, silver: t, gold: t, platinum: t });

type Rules = RuleSetInput['rules'];

/** Restitution (the affected items refunded) and two gestures: a gift above a percentage coupon. */
const refundGiftCoupon: Rules = [
  categoryRule('refund', 'wrong_item', [{ type: 'refund', basis: 'affected_items' }], 60),
  categoryRule('gift', 'wrong_item', [{ type: 'gift', value: 20 }], 50),
  categoryRule('coupon', 'wrong_item', [{ type: 'coupon', percent: 10, maxDiscount: 30 }], 40),
];

const recommend = (rules: Rules, policy: RuleSetInput['policy'], input: ComplaintInput) =>
  createRecommender({
    ruleSet: ruleSet(rules, { goodwillMultiplierByTier: MULTIPLIERS, ...policy }),
  }).recommend(input);
const cost = (r: Recommendation, type: string) => r.remedies.find((x) => x.type === type)?.estimatedCost;
const keys = (r: Recommendation) => r.rationale.map((s) => s.key);

describe('the value multiplier at each tier', () => {
  it('the test customers are in the tiers they are named after', async () => {
    for (const tier of VALUE_TIERS) {
      const r = await recommend(refundGiftCoupon, WIDE, at(tier));
      expect(r.value.tier).toBe(tier);
    }
  });

  it('raises each gesture by its tier multiplier when no cap binds, and never the refund of the items', async () => {
    const got: Record<string, unknown> = {};
    for (const tier of VALUE_TIERS) {
      const r = await recommend(refundGiftCoupon, WIDE, at(tier));
      const coupon = r.remedies.find((x) => x.type === 'coupon');
      got[tier] = {
        refund: cost(r, 'refund'),
        gift: cost(r, 'gift'),
        percent: coupon?.type === 'coupon' ? coupon.percent : null,
        maxDiscount: coupon?.type === 'coupon' ? coupon.maxDiscount : null,
        coupon: cost(r, 'coupon'),
        goodwill: r.goodwillCost,
        binding: r.trace.dropped.some((d) => d.reason === 'cap' || d.reason === 'reduced'),
      };
    }
    expect(got).toEqual({
      standard: {
        refund: 100,
        gift: 20,
        percent: 10,
        maxDiscount: 30,
        coupon: 10,
        goodwill: 30,
        binding: false,
      },
      silver: {
        refund: 100,
        gift: 22,
        percent: 11,
        maxDiscount: 33,
        coupon: 11,
        goodwill: 33,
        binding: false,
      },
      // 10% × 1.25 is 12.5%: whole percents, rounded down.
      gold: {
        refund: 100,
        gift: 25,
        percent: 12,
        maxDiscount: 37.5,
        coupon: 12,
        goodwill: 37,
        binding: false,
      },
      platinum: {
        refund: 100,
        gift: 30,
        percent: 15,
        maxDiscount: 45,
        coupon: 15,
        goodwill: 45,
        binding: false,
      },
    });
  });

  it('with a tier cap binding at every tier, goodwill is the cap: the multiplier never passes it', async () => {
    const goodwill: Record<string, unknown> = {};
    for (const tier of VALUE_TIERS) {
      const r = await recommend(refundGiftCoupon, { ...WIDE, maxGoodwillByTier: sameTierCap(25) }, at(tier));
      expect(r.cap).toMatchObject({ binding: 'tier', goodwillLimit: 25 });
      expect(cost(r, 'refund')).toBe(100);
      goodwill[tier] = [cost(r, 'gift'), cost(r, 'coupon') ?? 0, r.goodwillCost];
    }
    // The gift comes first (higher priority); the coupon gets what is left, or nothing.
    expect(goodwill).toEqual({
      standard: [20, 5, 25],
      silver: [22, 3, 25],
      gold: [25, 0, 25],
      platinum: [25, 0, 25],
    });
  });

  it('with the cap binding only above a tier, the tiers below get their whole multiplied gesture', async () => {
    const goodwill: Record<string, number> = {};
    for (const tier of VALUE_TIERS) {
      const r = await recommend(refundGiftCoupon, { ...WIDE, maxGoodwillByTier: sameTierCap(40) }, at(tier));
      goodwill[tier] = r.goodwillCost;
      expect(r.goodwillCost).toBeLessThanOrEqual(40);
    }
    expect(goodwill).toEqual({ standard: 30, silver: 33, gold: 37, platinum: 40 });
  });

  it('with the severity share and the total ceiling binding, both hold at every tier', async () => {
    for (const tier of VALUE_TIERS) {
      const severity = await recommend(
        refundGiftCoupon,
        { ...WIDE, maxGoodwillShareBySeverity: { low: 0.25, medium: 0.25, high: 0.25, critical: 0.25 } },
        at(tier),
      );
      expect(severity.cap.binding).toBe('severity');
      expect(severity.goodwillCost).toBe(25);
      const total = await recommend(refundGiftCoupon, { ...WIDE, maxTotalShareOfValue: 1.2 }, at(tier));
      expect(total.cap.binding).toBe('total');
      expect(total).toMatchObject({ restitutionCost: 100, goodwillCost: 20 });
    }
  });

  it('tells the customer the coupon they get, with the article its percentage needs: an 11% coupon', async () => {
    const r = await recommend(refundGiftCoupon, WIDE, at('silver'));
    expect(r.message.text).toContain(
      'We will send you an 11% discount coupon for your next order, worth up to €33.00',
    );
  });

  it('rounds amounts down to the minor unit: 9.99 × 1.1 is 10.98, not 10.99', async () => {
    const rules = [categoryRule('gift', 'wrong_item', [{ type: 'gift', value: 9.99 }])];
    const r = await recommend(rules, WIDE, at('silver'));
    expect(cost(r, 'gift')).toBe(10.98);
  });

  it('raises a gift or a credit of a share of the order, a coupon of an amount and a goodwill refund', async () => {
    const rules: Rules = [
      categoryRule('gift', 'wrong_item', [{ type: 'gift', shareOfOrder: 0.1, max: 8 }], 50),
      categoryRule('credit', 'wrong_item', [{ type: 'store_credit', value: 12.5 }], 49),
      categoryRule('coupon', 'wrong_item', [{ type: 'coupon', amount: 7 }], 48),
      categoryRule('refund', 'wrong_item', [{ type: 'refund', basis: 'order', share: 0.1 }], 47),
    ];
    const costs = async (tier: ValueTier) => {
      const r = await recommend(rules, WIDE, at(tier));
      return ['gift', 'store_credit', 'coupon', 'refund'].map((t) => cost(r, t));
    };
    expect(await costs('standard')).toEqual([8, 12.5, 7, 10]);
    // 8 × 1.5 (the gift's maximum is part of the gesture), 12.5 × 1.5 = 18.75, 7 × 1.5, 10% × 1.5 of 100.
    expect(await costs('platinum')).toEqual([12, 18.75, 10.5, 15]);
    const r = await recommend(rules, WIDE, at('platinum'));
    expect(r.remedies.find((x) => x.type === 'refund')).toMatchObject({ kind: 'goodwill', share: 0.15 });
  });

  it('gives whole free months, rounded down: 1 month stays 1 below ×2, 2 months are 3 at ×1.5', async () => {
    const months = async (n: number, tier: ValueTier) => {
      const rules = [categoryRule('outage', 'service_outage', [{ type: 'free_month', months: n }])];
      const r = await recommend(rules, WIDE, at(tier, subscriptionComplaint()));
      const m = r.remedies.find((x) => x.type === 'free_month');
      return m?.type === 'free_month' ? m.months : 0;
    };
    expect(await Promise.all(VALUE_TIERS.map((t) => months(1, t)))).toEqual([1, 1, 1, 1]);
    expect(await Promise.all(VALUE_TIERS.map((t) => months(2, t)))).toEqual([2, 2, 2, 3]);
  });

  it('never raises restitution: a resend, a return, a refund or store credit in its place', async () => {
    const rules: Rules = [
      categoryRule('resend', 'wrong_item', [{ type: 'resend', shipping: 'express' }, { type: 'return' }], 50),
      categoryRule('credit', 'wrong_item', [{ type: 'store_credit', replaces: 'affected_items' }], 40),
      categoryRule('refund', 'wrong_item', [{ type: 'refund', basis: 'affected_items', share: 0.5 }], 30),
    ];
    const restitution = async (tier: ValueTier) => {
      const r = await recommend(rules, WIDE, at(tier));
      expect(r.goodwillCost).toBe(0);
      expect(keys(r)).not.toContain('why.goodwillMultiplier');
      return r.remedies.map((x) => [x.type, x.estimatedCost]);
    };
    const standard = await restitution('standard');
    expect(standard.map(([t]) => t).sort()).toEqual([
      'apology',
      'refund',
      'resend',
      'return',
      'store_credit',
    ]);
    for (const tier of VALUE_TIERS) expect(await restitution(tier)).toEqual(standard);
  });

  it('scales the alternatives alike: store credit instead of the gift is worth the raised gift', async () => {
    const rules = [categoryRule('gift', 'wrong_item', [{ type: 'gift', value: 20 }])];
    for (const tier of VALUE_TIERS) {
      const r = await recommend(rules, WIDE, at(tier));
      const credit = r.alternatives.find((a) => a.choice === 'store_credit');
      expect(credit?.goodwillCost).toBe(20 * MULTIPLIERS[tier]);
      const preferred = await recommend(rules, WIDE, { ...at(tier), preference: 'coupon' });
      expect(cost(preferred, 'coupon')).toBe(20 * MULTIPLIERS[tier]);
    }
  });

  it('tells the agent in one line, in every locale, and the customer nothing of the tier', async () => {
    const sentences: Record<string, string | undefined> = {};
    for (const locale of ['en', 'tr', 'fa'] as const) {
      const r = await createRecommender({
        ruleSet: ruleSet(refundGiftCoupon, { ...WIDE, goodwillMultiplierByTier: MULTIPLIERS }),
        locale,
      }).recommend(at('platinum'));
      const line = r.rationale.find((s) => s.key === 'why.goodwillMultiplier');
      expect(line?.audience).toBe('agent');
      sentences[locale] = line?.text;
      const told = r.rationale.filter((s) => s.audience === 'customer').map((s) => s.text);
      const tierWords = { en: /platinum|tier/i, tr: /platin|segment/i, fa: /پلاتینی|ردهٔ/ }[locale];
      for (const text of [...told, r.message.text]) expect(text).not.toMatch(tierWords);
    }
    expect(sentences).toEqual({
      en: 'Goodwill was raised by 50% (×1.5) for a customer in the platinum tier, before any goodwill limits were applied.',
      tr: 'Müşteri platin segmentinde olduğu için jest amaçlı telafi, sınırlar uygulanmadan önce %50 oranında (×1,5) artırıldı.',
      fa: 'به دلیل ردهٔ پلاتینی مشتری، جبران داوطلبانه پیش از اعمال سقف‌های جبران ۵۰٪ افزایش یافت و ۱٫۵ برابر شد.',
    });
    const standard = await recommend(refundGiftCoupon, WIDE, at('standard'));
    expect(keys(standard)).not.toContain('why.goodwillMultiplier');
  });

  it('recommends exactly as before when the rule set states no multipliers', async () => {
    for (const tier of VALUE_TIERS) {
      const without = await createRecommender({ ruleSet: ruleSet(refundGiftCoupon, WIDE) }).recommend(
        at(tier),
      );
      const ones = await createRecommender({
        ruleSet: ruleSet(refundGiftCoupon, { ...WIDE, goodwillMultiplierByTier: sameTierCap(1) }),
      }).recommend(at(tier));
      expect(without.goodwillCost).toBe(30);
      // The same recommendation but for the rule set's hash: the multipliers are part of its content.
      expect({ ...ones, ruleSet: without.ruleSet }).toEqual(without);
      expect(keys(without)).not.toContain('why.goodwillMultiplier');
    }
  });

  it('keeps money exact: every amount in whole minor units', async () => {
    for (const tier of VALUE_TIERS) {
      const r = await recommend(refundGiftCoupon, WIDE, at(tier));
      for (const x of r.remedies) expect(toMinor(x.estimatedCost, 'EUR') / 100).toBe(x.estimatedCost);
    }
  });
});

/** Goodwill in minor units: of the first choice, and of each alternative by what it offers. */
function goodwillOf(r: Recommendation): { first: number; alternatives: Map<string, number> } {
  return {
    first: toMinor(r.goodwillCost, r.currency),
    alternatives: new Map(r.alternatives.map((a) => [a.choice, toMinor(a.goodwillCost, r.currency)])),
  };
}

/** Why `high` (a higher tier than `low`, same harm) got less goodwill; empty when it did not. */
function lessGoodwill(high: Recommendation, low: Recommendation): string[] {
  const h = goodwillOf(high);
  const l = goodwillOf(low);
  const reasons = h.first < l.first ? [`goodwill ${high.goodwillCost} < ${low.goodwillCost}`] : [];
  for (const [choice, minor] of l.alternatives) {
    const other = h.alternatives.get(choice);
    if (other !== undefined && other < minor) reasons.push(`the ${choice} alternative's goodwill is less`);
  }
  return reasons;
}

const rank = (r: Recommendation) => VALUE_TIERS.indexOf(r.value.tier);

/** Rising multipliers in hundredths, 1 to 3, as a rule set may state them. */
const multipliersArb = fc
  .array(fc.integer({ min: 100, max: 300 }), { minLength: 4, maxLength: 4 })
  .map((h) => [...h].sort((a, b) => a - b))
  .map(([s = 100, si = 100, g = 100, p = 100]) => ({
    standard: s / 100,
    silver: si / 100,
    gold: g / 100,
    platinum: p / 100,
  }));

describe('the same complaint at a higher tier never gets less goodwill (property, 1,000 runs)', () => {
  const property = (
    recommendFor: (multipliers?: typeof MULTIPLIERS) => (c: ComplaintInput) => Promise<Recommendation>,
  ) =>
    fc.asyncProperty(
      fc.option(multipliersArb, { nil: undefined }),
      complaintArbitrary(),
      customerValueArbitrary(),
      customerValueArbitrary(),
      fc.option(
        fc.constantFrom('refund', 'resend', 'store_credit', 'coupon', 'free_month') as fc.Arbitrary<
          ComplaintInput['preference'] & string
        >,
        { nil: undefined },
      ),
      async (multipliers, input, p, q, preference) => {
        const recommend = recommendFor(multipliers as typeof MULTIPLIERS | undefined);
        const base = preference === undefined ? input : { ...input, preference };
        const a = await recommend(withValidCustomerValue(base, p));
        const b = await recommend(withValidCustomerValue(base, q));
        if (rank(a) === rank(b)) return;
        const [low, high] = rank(a) < rank(b) ? [a, b] : [b, a];
        expectNone(lessGoodwill(high, low));
      },
    );

  it('with the default rules as shipped', async () => {
    const recommender = createRecommender();
    await fc.assert(
      property(() => (c) => recommender.recommend(c)),
      fcParams(1_000),
    );
  });

  it('with the default rules and any rising multipliers', async () => {
    const recommenders = new Map<string, ReturnType<typeof createRecommender>>();
    const recommendFor = (multipliers?: typeof MULTIPLIERS) => {
      const key = JSON.stringify(multipliers ?? null);
      let recommender = recommenders.get(key);
      if (!recommender) {
        const json = {
          ...defaultRuleSet,
          policy: { ...defaultRuleSet.policy, goodwillMultiplierByTier: multipliers },
        };
        recommender = createRecommender({ ruleSet: loadRuleSet(json as never) });
        recommenders.set(key, recommender);
      }
      return (c: ComplaintInput) => (recommender as ReturnType<typeof createRecommender>).recommend(c);
    };
    await fc.assert(property(recommendFor), fcParams(1_000));
  });
});

describe('policy.goodwillMultiplierByTier is refused when it makes no sense', () => {
  const load = (goodwillMultiplierByTier: unknown): RedressError =>
    redressErrorOf(() =>
      loadRuleSet({ name: 'x', version: '1', policy: { goodwillMultiplierByTier }, rules: [] } as never),
    );
  const pointers = (e: RedressError) => e.issues.map((i) => i.pointer);

  it('refuses a lower multiplier for a higher tier, at the field, saying the order', () => {
    const e = load({ standard: 1, silver: 1.3, gold: 1.2, platinum: 1.5 });
    expect(e.code).toBe('INVALID_RULESET');
    expect(e.path).toEqual(['policy', 'goodwillMultiplierByTier']);
    expect(e.message).toContain('standard ≤ silver ≤ gold ≤ platinum');
  });

  it('refuses a multiplier below 1, above 3 or finer than hundredths, at its own path', () => {
    expect(pointers(load({ standard: 0.9, silver: 1, gold: 1, platinum: 1 }))).toEqual([
      '/policy/goodwillMultiplierByTier/standard',
    ]);
    const high = load({ standard: 1, silver: 1, gold: 1, platinum: 3.5 });
    expect(pointers(high)).toEqual(['/policy/goodwillMultiplierByTier/platinum']);
    expect(high.message).toContain('at most 3');
    const fine = load({ standard: 1, silver: 1.255, gold: 1.3, platinum: 1.5 });
    expect(pointers(fine)).toEqual(['/policy/goodwillMultiplierByTier/silver']);
    expect(fine.message).toContain('1.25, not 1.255');
  });

  it('refuses a missing tier and an unknown one', () => {
    expect(pointers(load({ standard: 1, silver: 1, gold: 1 }))).toEqual([
      '/policy/goodwillMultiplierByTier/platinum',
    ]);
    expect(load({ standard: 1, silver: 1, gold: 1, platinum: 1, diamond: 2 }).code).toBe('INVALID_RULESET');
  });

  it('takes multipliers in hundredths, rising', () => {
    const r = loadRuleSet({
      name: 'x',
      version: '1',
      policy: { goodwillMultiplierByTier: MULTIPLIERS },
      rules: [],
    });
    expect(r.policy.goodwillMultiplierByTier).toEqual(MULTIPLIERS);
    expect(
      loadRuleSet({ name: 'x', version: '1', rules: [] }).policy.goodwillMultiplierByTier,
    ).toBeUndefined();
  });
});
