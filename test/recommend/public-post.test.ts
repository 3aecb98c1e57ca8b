import { describe, expect, it } from 'vitest';
import type { ComplaintInput } from '../../src/complaint/schema';
import { createRecommender } from '../../src/recommender/create-recommender';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { scenario } from '../helpers';

const recommender = createRecommender();

const late: ComplaintInput = {
  id: 'c-post',
  receivedAt: '2026-03-10T09:30:00Z',
  channel: 'social',
  category: 'late_delivery',
  order: {
    id: 'o-1',
    total: 80,
    currency: 'EUR',
    placedAt: '2026-03-01',
    promisedAt: '2026-03-05',
    deliveredAt: '2026-03-09',
  },
  customer: { id: 'u-1', since: '2025-01-01' },
};
const posted = (reach: number): ComplaintInput => ({
  ...late,
  exposure: { public: true, platform: 'Instagram', reach },
});
const paid = (r: { remedies: readonly { type: string; estimatedCost: number }[] }) =>
  r.remedies.map((x) => `${x.type} ${x.estimatedCost}`);

describe('a public post', () => {
  it('seen by 40 people gets the public acknowledgement and exactly the remedies of the private complaint', async () => {
    const [alone, small] = await Promise.all([
      recommender.recommend(late),
      recommender.recommend(posted(40)),
    ]);
    expect(paid(small)).toEqual(paid(alone));
    expect([small.totalCost, small.severity, small.trace.fired]).toEqual([
      alone.totalCost,
      alone.severity,
      alone.trace.fired,
    ]);
    expect(small.trace.facts).toMatchObject({ isPublic: false, publicReach: 0 });
    expect(small.handling.publicAcknowledgement).toMatchObject({ platform: 'Instagram' });
    expect(alone.handling.publicAcknowledgement).toBeNull();
    expect(small.rationale.find((s) => s.key === 'why.quietPost')).toEqual({
      key: 'why.quietPost',
      audience: 'agent',
      text: 'The public post reached 40 people, fewer than 1,000: it is answered in public and remedied exactly as a private complaint.',
    });
  });

  it('seen by 1,000 people or more counts as public: the larger coupon, and a severe one may escalate', async () => {
    const large = await recommender.recommend(posted(50_000));
    expect(large.trace.facts).toMatchObject({ isPublic: true, publicReach: 50_000 });
    expect(large.trace.fired.map((f) => f.name)).toContain('late-severe');
    expect(large.rationale.some((s) => s.key === 'why.quietPost')).toBe(false);
    const atThreshold = await recommender.recommend(posted(1_000));
    expect(atThreshold.trace.facts).toMatchObject({ isPublic: true, publicReach: 1_000 });
  });

  it('whose reach is not known counts as public: nothing shows it was seen by few', async () => {
    const unknown: ComplaintInput = { ...late, exposure: { public: true, platform: 'Trustpilot' } };
    const r = await recommender.recommend(unknown);
    expect(r.trace.facts).toMatchObject({ isPublic: true, publicReach: 0 });
    expect(r.trace.fired.map((f) => f.name)).toContain('late-severe');
    expect(r.rationale.some((s) => s.key === 'why.quietPost')).toBe(false);
    // A known reach of 0 is a small post: remedied as in private.
    const none = await recommender.recommend(posted(0));
    expect(none.trace.facts).toMatchObject({ isPublic: false, publicReach: 0 });
    expect(none.trace.fired.map((f) => f.name)).not.toContain('late-severe');
  });

  it('keeps the example’s public review without a reach escalated', async () => {
    const review = scenario('c-outage-severe');
    expect(review.exposure).toEqual({ public: true, platform: 'Trustpilot' });
    const r = await recommender.recommend(review);
    expect(r.remedies[0]?.type).toBe('escalate');
    expect(r.trace.fired.map((f) => f.name)).toContain('public-critical');
  });

  it('counts as public from any reach with a threshold of 0 (the schema’s default)', async () => {
    const policy = { ...defaultRuleSet.policy, publicReachThreshold: 0 };
    const everyPost = createRecommender({ ruleSet: { ...defaultRuleSet, policy } });
    const r = await everyPost.recommend(posted(40));
    expect(r.trace.facts).toMatchObject({ isPublic: true, publicReach: 40 });
    expect(r.trace.fired.map((f) => f.name)).toContain('late-severe');
  });
});
