import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildComplaint } from '../../../src/analysis/model/blueprint';
import {
  type ComplaintInput,
  createRecommender,
  defaultRuleSet,
  type Recommendation,
} from '../../../src/index';
import { blueprintArbitrary } from '../../analysis/blueprint-arbitrary';
import { complaint, subscriptionComplaint } from '../../complaint-builder';
import { RATES, scenarios } from '../../helpers';
import { fcParams } from '../../seed';

// The default rule set (src/rules/default/rules.json): first what it recommends for each hand-written
// scenario (test/fixtures/scenarios.jsonl), then each row of "Why these defaults" in
// docs/default-rules.md.
const recommender = createRecommender({ exchangeRates: RATES });
const policy = defaultRuleSet.policy;
const given = (r: Recommendation) => r.remedies.filter((x) => x.rule !== 'policy' || x.type !== 'apology');
const types = (r: Recommendation) => given(r).map((x) => x.type);

const page = readFileSync(new URL('../../../docs/default-rules.md', import.meta.url), 'utf8');
const why = page.split('## Why these defaults')[1]?.split('\n## ')[0] ?? '';
const rowAbout = (start: string) => why.split('\n').find((l) => l.startsWith(`| ${start}`)) ?? '';

const summary = (r: Recommendation) => ({
  remedies: r.remedies.map((x) => x.type),
  fired: r.trace.fired.map((f) => f.name),
  mode: r.handling.mode,
});

// What the default rules must do for each scenario: the remedy types in order, the rules that fired,
// and who acts.
const expected: Record<string, ReturnType<typeof summary>> = {
  'c-wrong-item': {
    remedies: ['resend', 'return', 'gift', 'apology'],
    fired: ['wrong-item'],
    mode: 'automatic',
  },
  'c-wrong-item-public': {
    remedies: ['escalate', 'apology', 'resend', 'return', 'gift'],
    fired: ['public-critical', 'wrong-item'],
    mode: 'human',
  },
  'c-damaged-large': { remedies: ['resend', 'apology'], fired: ['damaged-item'], mode: 'automatic' },
  'c-damaged-small': { remedies: ['refund', 'apology'], fired: ['damaged-item-refund'], mode: 'automatic' },
  'c-missing-item': { remedies: ['resend', 'apology'], fired: ['missing-item'], mode: 'automatic' },
  'c-late-minor': { remedies: ['apology'], fired: ['late-minor'], mode: 'automatic' },
  'c-late-moderate': { remedies: ['coupon', 'apology'], fired: ['late-moderate'], mode: 'automatic' },
  'c-late-severe': { remedies: ['coupon', 'apology'], fired: ['late-severe'], mode: 'automatic' },
  'c-late-pending-public': {
    remedies: ['coupon', 'apology'],
    fired: ['late-severe', 'late-moderate'],
    mode: 'automatic',
  },
  'c-billing-overcharge': {
    remedies: ['refund', 'apology'],
    fired: ['billing-overcharge'],
    mode: 'automatic',
  },
  'c-billing-unknown': { remedies: ['escalate', 'apology'], fired: ['billing-unknown'], mode: 'human' },
  'c-outage': { remedies: ['free_month', 'apology'], fired: ['outage'], mode: 'automatic' },
  'c-outage-severe': {
    remedies: ['escalate', 'apology', 'free_month'],
    fired: ['public-critical', 'outage-long', 'outage', 'repeat'],
    mode: 'human',
  },
  'c-poor-quality': { remedies: ['refund', 'apology'], fired: ['poor-quality'], mode: 'automatic' },
  'c-staff': { remedies: ['apology'], fired: ['staff'], mode: 'automatic' },
  'c-staff-severe': {
    remedies: ['escalate', 'apology'],
    fired: ['public-critical', 'staff-severe', 'staff', 'repeat'],
    mode: 'human',
  },
  'c-legal': {
    remedies: ['escalate', 'apology', 'refund'],
    fired: ['legal', 'billing-overcharge'],
    mode: 'human',
  },
  'c-abusive': {
    remedies: ['escalate', 'coupon', 'apology'],
    fired: ['abusive', 'late-moderate'],
    mode: 'human',
  },
  'c-other': { remedies: ['escalate', 'apology'], fired: ['other'], mode: 'human' },
  'c-platinum': {
    remedies: ['resend', 'return', 'gift', 'apology'],
    fired: ['wrong-item'],
    mode: 'human',
  },
  // ¥6,800 (the cup and €15 of express shipping at ¥160) is within the €150 auto-approval limit.
  'c-yen': { remedies: ['resend', 'apology'], fired: ['missing-item'], mode: 'automatic' },
};

describe('the default rules on the hand-written scenarios', () => {
  it('cover every category among the scenarios', () => {
    const categories = new Set([...scenarios().values()].map((c) => c.category));
    expect(categories.size).toBe(9);
  });

  for (const [id, complaint] of scenarios()) {
    it(`recommend what the guides say for ${id}`, async () => {
      expect(summary(await recommender.recommend(complaint))).toEqual(expected[id]);
    });
  }

  it('resend the right item with a gift of a tenth of the order for a wrong item', async () => {
    const r = await recommender.recommend(scenarios().get('c-wrong-item'));
    expect(r.remedies[0]).toMatchObject({
      type: 'resend',
      shipping: 'express',
      items: [{ sku: 'SHOE-42', quantity: 1 }],
      estimatedCost: 74.9,
    });
    // The wrong shoe is collected: it is worth more than a courier pickup costs.
    expect(r.remedies[1]).toMatchObject({
      type: 'return',
      method: 'pickup',
      kind: 'restitution',
      estimatedCost: 8,
    });
    // A tenth of the order, €5.99, times 1.1 for this silver customer (goodwillMultiplierByTier).
    expect(r.value.tier).toBe('silver');
    expect(r.remedies[2]).toMatchObject({ type: 'gift', value: 6.59 });
    expect(r.rationale.filter((s) => s.audience === 'customer').map((s) => s.text)).toEqual([
      'We are sorry for the trouble this has caused you.',
      'We understand that order o-1001 arrived with the wrong item.',
      // The product's name from the order, not its SKU; the gift's value is for the agent only.
      'We will send "Koşu ayakkabısı, 42 numara" again by express shipping, at no cost to you.',
      'A courier will collect the item you received from your address, at no cost to you.',
      'As a token of our apology, we will send you a small gift.',
      'If you would prefer a refund or store credit instead of the replacement, or a coupon instead of the gift, just let us know.',
      'We will check with you on March 13, 2026 that everything has been put right.',
    ]);
  });

  it('give one free month for a severe outage: a second would pass 150% of the month at stake', async () => {
    const r = await recommender.recommend(scenarios().get('c-outage-severe'));
    expect(r.remedies.find((x) => x.type === 'free_month')).toMatchObject({ months: 1, rule: 'outage-long' });
    expect(r.goodwillCost).toBeLessThanOrEqual(1.5 * r.cap.affectedValue);
    expect(r.trace.dropped).toContainEqual(
      expect.objectContaining({ type: 'free_month', rule: 'outage', reason: 'superseded' }),
    );
  });

  it('explain the rules, the scores and the handling to the agent', async () => {
    const r = await recommender.recommend(scenarios().get('c-wrong-item-public'));
    const agent = r.rationale.filter((s) => s.audience === 'agent').map((s) => s.text);
    expect(agent[0]).toMatch(
      /^Severity \d+\/100 \(high\): complaint about wrong item, .*posted publicly on Instagram to 50,000 followers/,
    );
    expect(agent).toContain('Rules applied: "public-critical" and "wrong-item".');
    expect(agent.at(-1)).toMatch(
      /^Needs a person \(social-media\) because: a rule passes it to the social media team/,
    );
  });
});

describe('Roschk & Gelbrich (2014): match the kind of remedy to the kind of failure', () => {
  it('is the page’s source sentence for the default', () => {
    expect(rowAbout('Match the kind of remedy')).toContain(
      'Roschk & Gelbrich (2014), _Journal of Service Research_',
    );
  });

  it('gives money for a monetary loss: a billing error refunds the overcharge', async () => {
    const c = complaint({ category: 'billing_error' });
    (c.order as NonNullable<ComplaintInput['order']>).overcharge = 12.5;
    const r = await recommender.recommend(c);
    expect(given(r)).toEqual([
      expect.objectContaining({ type: 'refund', basis: 'overcharge', amount: 12.5, kind: 'restitution' }),
    ]); // The scenario's overcharge, to the cent.
    const scenario = await recommender.recommend(scenarios().get('c-billing-overcharge'));
    expect(scenario.remedies[0]).toMatchObject({
      type: 'refund',
      basis: 'overcharge',
      amount: 4.99,
      kind: 'restitution',
    });
  });

  it('gives an exchange for a flawed product: a wrong, missing or damaged item is sent again', async () => {
    for (const category of ['wrong_item', 'missing_item', 'damaged_item'] as const) {
      const r = await recommender.recommend(complaint({ category }));
      expect(r.remedies[0]).toMatchObject({ type: 'resend', kind: 'restitution' });
    }
  });

  it('gives service credit for a failed service: a free month, or a coupon without a subscription', async () => {
    expect(types(await recommender.recommend(subscriptionComplaint()))).toEqual(['free_month']);
    expect(types(await recommender.recommend(complaint({ category: 'service_outage' })))).toEqual(['coupon']);
  });

  it('gives a coupon for a late delivery of three days or more', async () => {
    const c = complaint({ category: 'late_delivery' });
    c.order = {
      ...(c.order as NonNullable<ComplaintInput['order']>),
      promisedAt: '2026-03-02',
      deliveredAt: '2026-03-06T10:00:00Z',
    };
    expect(types(await recommender.recommend(c))).toEqual(['coupon']);
  });

  it('gives an apology and attention for inattention, not money', async () => {
    const r = await recommender.recommend(complaint({ category: 'staff_behavior' }));
    expect(r.remedies).toEqual([
      expect.objectContaining({ type: 'apology', form: 'personal', rule: 'staff' }),
    ]);
    expect(r.totalCost).toBe(0);
  });
});

describe('restitution is owed and never capped; goodwill is what caps limit', () => {
  it('is the page’s default', () => {
    expect(rowAbout('Restitution is owed')).toContain('`restitutionCost` and `goodwillCost`');
  });

  it('keeps the resend whole when it alone passes 150% of the order, and drops the gift', async () => {
    const c = complaint();
    c.order = {
      ...(c.order as NonNullable<ComplaintInput['order']>),
      total: 20,
      items: [{ sku: 'S', quantity: 1, unitPrice: 20 }],
    };
    const r = await recommender.recommend(c);
    // The express resend (20 + 15) and the courier pickup of the wrong item (8).
    expect(r).toMatchObject({ restitutionCost: 43, goodwillCost: 0, totalCost: 43 });
    expect(r.cap.totalLimit).toBe(30);
    expect(r.trace.dropped).toContainEqual(
      expect.objectContaining({ type: 'gift', reason: 'cap', limit: 'total' }),
    );
  });

  it('says of every remedy which kind it is, and shows both totals', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintArbitrary, async (b) => {
        const r = await recommender.recommend(buildComplaint(b));
        for (const x of r.remedies) expect(['restitution', 'goodwill', 'care']).toContain(x.kind);
        expect(r.totalCost).toBeCloseTo(r.restitutionCost + r.goodwillCost, 9);
      }),
      fcParams(100),
    );
  });
});

describe('Haesevoets et al. (2017), Gelbrich, Gäthke & Grégoire (2015): total compensation at or below about 150%', () => {
  it('is the page’s source sentence, with the number the rule set uses', () => {
    const row = rowAbout('Total compensation');
    expect(row).toContain('Haesevoets et al. (2017)');
    expect(row).toContain('Gelbrich, Gäthke & Grégoire (2015)');
    expect(row).toContain(`\`maxTotalShareOfValue\`: ${policy.maxTotalShareOfValue}`);
    expect(policy.maxTotalShareOfValue).toBe(1.5);
  });

  it('holds every default recommendation to 150% of the affected value unless restitution alone passes it', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintArbitrary, async (b) => {
        const r = await recommender.recommend(buildComplaint(b));
        const ceiling = Math.max(1.5 * r.cap.affectedValue, r.restitutionCost);
        expect(r.totalCost).toBeLessThanOrEqual(ceiling + 0.005);
      }),
      fcParams(200),
    );
  });

  it('reduces a wrong item’s gift to what the resend leaves under 150%', async () => {
    const c = complaint();
    c.order = {
      ...(c.order as NonNullable<ComplaintInput['order']>),
      total: 50,
      items: [{ sku: 'S', quantity: 1, unitPrice: 50 }],
    };
    const r = await recommender.recommend(c);
    // 150% of 50 is 75; the express resend (65) and the pickup of the wrong item (8) leave 2 of the 5 gift.
    expect(r.remedies.find((x) => x.type === 'gift')).toMatchObject({ value: 2 });
    expect(r.totalCost).toBe(75);
  });
});

describe('the goodwill share grows with severity inside that band (Wirtz & Mattila 2004; Gelbrich et al. 2015; Haesevoets et al. 2017)', () => {
  it('is the page’s default, with the shares the rule set uses', () => {
    const s = policy.maxGoodwillShareBySeverity;
    expect(rowAbout('The goodwill share grows')).toContain(
      `low ${s.low}, medium ${s.medium}, high ${s.high}, critical ${s.critical}`,
    );
    expect(rowAbout('The goodwill share grows')).toContain('Wirtz & Mattila (2004)');
  });

  it('rises band by band and stays inside the 150% ceiling', () => {
    const s = policy.maxGoodwillShareBySeverity;
    const shares = [s.low, s.medium, s.high, s.critical];
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(new Set(shares).size).toBe(4);
    expect(Math.max(...shares)).toBeLessThanOrEqual(policy.maxTotalShareOfValue);
    expect(s.medium).toBeGreaterThanOrEqual(0.6);
    expect(s.medium).toBeLessThanOrEqual(1.2);
  });

  it('gives a worse delay more room for goodwill', async () => {
    const delayed = (days: number, reach?: number): ComplaintInput => {
      const c = complaint({
        category: 'late_delivery',
        ...(reach === undefined ? {} : { exposure: { public: true, reach } }),
      });
      c.order = {
        ...(c.order as NonNullable<ComplaintInput['order']>),
        promisedAt: '2026-03-01',
        deliveredAt: undefined,
      };
      c.receivedAt = `2026-03-${String(1 + days).padStart(2, '0')}T09:00:00Z`;
      return c;
    };
    const limits = [];
    for (const c of [delayed(3), delayed(8), delayed(8, 5_000_000)])
      limits.push((await recommender.recommend(c)).cap.severityLimit);
    expect(limits).toEqual([30, 100, 125]);
  });
});

describe('Roschk & Kaiser (2013), Wirtz & Mattila (2004): an apology with every recommendation', () => {
  it('is the page’s source sentence', () => {
    const row = rowAbout('An apology with every');
    expect(row).toContain('Roschk & Kaiser (2013)');
    expect(row).toContain('Wirtz & Mattila (2004)');
  });

  it('puts an apology in every recommendation, and says it first', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintArbitrary, async (b) => {
        const r = await recommender.recommend(buildComplaint(b));
        expect(r.remedies.filter((x) => x.type === 'apology')).toHaveLength(1);
        expect(r.rationale[0]?.key).toMatch(/^apology\./);
      }),
      fcParams(100),
    );
  });

  it('makes it personal for staff behaviour and repeat complaints', async () => {
    const repeat = complaint({ category: 'late_delivery' });
    repeat.customer = {
      ...repeat.customer,
      priorComplaints: [{ at: '2026-02-01', category: 'late_delivery' }],
    };
    for (const c of [complaint({ category: 'staff_behavior' }), repeat]) {
      expect((await recommender.recommend(c)).remedies.find((x) => x.type === 'apology')).toMatchObject({
        form: 'personal',
      });
    }
  });
});

describe('Grégoire, Tripp & Legoux (2009): more goodwill for a higher value tier, inside every cap', () => {
  const lateSevere = (customer: ComplaintInput['customer']) =>
    complaint({
      category: 'late_delivery',
      order: {
        id: 'o-late',
        total: 100,
        currency: 'EUR',
        placedAt: '2026-02-20',
        promisedAt: '2026-03-01',
        deliveredAt: '2026-03-09T12:00:00Z',
        items: [{ sku: 'SKU-1', quantity: 2, unitPrice: 50 }],
      },
      customer,
    });
  const standard = { id: 'u-new', since: '2026-03-01', lifetimeSpend: 0, orderCount: 0 };
  const platinum = { id: 'u-old', since: '2016-03-01', lifetimeSpend: 50_000, orderCount: 40 };

  it('is the page’s source sentence, with the multipliers the rule set uses', () => {
    const row = rowAbout('A customer of a higher value tier');
    expect(row).toContain('Grégoire, Tripp & Legoux (2009)');
    expect(row).toContain("the team's judgement");
    expect(policy.goodwillMultiplierByTier).toEqual({ standard: 1, silver: 1.1, gold: 1.25, platinum: 1.5 });
    expect(row).toContain('standard 1, silver 1.1, gold 1.25, platinum 1.5');
  });

  it('gives late-severe’s 20% coupon as 30% to a platinum customer, 20% to a standard one', async () => {
    const low = await recommender.recommend(lateSevere(standard));
    const high = await recommender.recommend(lateSevere(platinum));
    expect([low.value.tier, high.value.tier]).toEqual(['standard', 'platinum']);
    expect(low.trace.fired.map((f) => f.name)).toContain('late-severe');
    const coupon = (r: Recommendation) => r.remedies.find((x) => x.type === 'coupon');
    expect(coupon(low)).toMatchObject({ percent: 20, maxDiscount: 50, estimatedCost: 20 });
    expect(coupon(high)).toMatchObject({ percent: 30, maxDiscount: 75, estimatedCost: 30 });
    expect(high.goodwillCost).toBeLessThanOrEqual(high.cap.goodwillLimit);
  });

  it('never raises restitution: the lost parcel’s resend is the same at every tier', async () => {
    const lost = (customer: ComplaintInput['customer']) => {
      const c = lateSevere(customer);
      const { deliveredAt: _delivered, ...order } = c.order as NonNullable<ComplaintInput['order']>;
      return { ...c, order };
    };
    const low = await recommender.recommend(lost(standard));
    const high = await recommender.recommend(lost(platinum));
    expect(high.restitutionCost).toBe(low.restitutionCost);
    expect(low.restitutionCost).toBeGreaterThan(0);
  });
});

describe('the policy defaults that are not research', () => {
  it('are named as policy on the page, with the numbers the rule set uses', () => {
    const t = policy.maxGoodwillByTier;
    expect(why).toContain(`\`maxGoodwillByTier\` ${t.standard}, ${t.silver}, ${t.gold},\n${t.platinum}`);
    expect(policy.perCustomer).toEqual({ windowDays: 90, maxGoodwill: 150, maxCount: 3 });
    expect(why).toContain('150 of goodwill and 3 goodwill compensations per 90 days');
  });

  it('sends the category other to a person on purpose', async () => {
    const r = await recommender.recommend(complaint({ category: 'other' }));
    expect(r.trace.fired.map((f) => f.name)).toEqual(['other']);
    expect(r.handling).toMatchObject({ mode: 'human', queue: 'customer-care', reasons: ['escalate_remedy'] });
  });
});
