import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildComplaint } from '../../../src/analysis/blueprint';
import {
  type ComplaintInput,
  createRecommender,
  defaultRuleSet,
  type Recommendation,
} from '../../../src/index';
import { blueprintArbitrary } from '../../analysis/blueprint-arbitrary';
import { complaint, subscriptionComplaint } from '../../complaint-builder';
import { fcParams } from '../../seed';

// Each block is one row of "Why these defaults" in docs/default-rules.md, tested against the default rule set.
const recommender = createRecommender();
const policy = defaultRuleSet.policy;
const given = (r: Recommendation) => r.remedies.filter((x) => x.rule !== 'policy' || x.type !== 'apology');
const types = (r: Recommendation) => given(r).map((x) => x.type);

const page = readFileSync(new URL('../../../docs/default-rules.md', import.meta.url), 'utf8');
const why = page.split('## Why these defaults')[1]?.split('\n## ')[0] ?? '';
const rowAbout = (start: string) => why.split('\n').find((l) => l.startsWith(`| ${start}`)) ?? '';

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
    ]);
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
    expect(r).toMatchObject({ restitutionCost: 35, goodwillCost: 0, totalCost: 35 });
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
      total: 35,
      items: [{ sku: 'S', quantity: 1, unitPrice: 35 }],
    };
    const r = await recommender.recommend(c);
    // 150% of 35 is 52.50; the express resend costs 50, leaving 2.50 of the 3.50 gift.
    expect(r.remedies.find((x) => x.type === 'gift')).toMatchObject({ value: 2.5 });
    expect(r.totalCost).toBe(52.5);
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
