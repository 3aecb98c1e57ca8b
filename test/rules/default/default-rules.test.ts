import { describe, expect, it } from 'vitest';
import { createRecommender, type Recommendation } from '../../../src/index';
import { scenarios } from '../../helpers';

const recommender = createRecommender();
const summary = (r: Recommendation) => ({
  remedies: r.remedies.map((x) => x.type),
  fired: r.trace.fired.map((f) => f.name),
  mode: r.handling.mode,
});

// What the default rules must do for each hand-written scenario (test/fixtures/scenarios.jsonl):
// the remedy types in order, the rules that fired, and who acts.
const expected: Record<string, ReturnType<typeof summary>> = {
  'c-wrong-item': { remedies: ['resend', 'gift', 'apology'], fired: ['wrong-item'], mode: 'automatic' },
  'c-wrong-item-public': {
    remedies: ['escalate', 'apology', 'resend', 'gift'],
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
  'c-platinum': { remedies: ['resend', 'gift', 'apology'], fired: ['wrong-item'], mode: 'human' },
  'c-yen': { remedies: ['resend', 'apology'], fired: ['missing-item'], mode: 'human' },
};

describe('the default rules', () => {
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
    expect(r.remedies[1]).toMatchObject({ type: 'gift', value: 5.99 });
    expect(r.rationale.filter((s) => s.audience === 'customer').map((s) => s.text)).toEqual([
      'We are sorry for the trouble this has caused you.',
      'We understand that order o-1001 arrived with the wrong item.',
      'We will send 1 × SHOE-42 again by express shipping, at no cost to you.',
      'As a token of our apology, we will send you a gift worth €5.99.',
      'We will check with you on March 13, 2026 that everything has been put right.',
    ]);
  });

  it('refund the overcharge of a billing error exactly', async () => {
    const r = await recommender.recommend(scenarios().get('c-billing-overcharge'));
    expect(r.remedies[0]).toMatchObject({
      type: 'refund',
      basis: 'overcharge',
      amount: 4.99,
      kind: 'restitution',
    });
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
      /^Severity \d+\/100 \(high\): complaint about wrong item, .*posted publicly to 50,000 followers/,
    );
    expect(agent).toContain('Rules applied: "public-critical" and "wrong-item".');
    expect(agent.at(-1)).toMatch(
      /^Needs a person \(social-media\) because: a rule escalates it to social-media/,
    );
  });
});
