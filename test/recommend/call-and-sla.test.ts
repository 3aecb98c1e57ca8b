import { describe, expect, it } from 'vitest';
import type { ComplaintInput } from '../../src/complaint/schema';
import { createRecommender } from '../../src/recommender/create-recommender';
import { defaultRuleSet } from '../../src/rules/default/rule-set';

const recommender = createRecommender();

const late = (patch: Partial<ComplaintInput>): ComplaintInput => ({
  id: 'c-call',
  receivedAt: '2026-03-10T09:30:00Z',
  channel: 'email',
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
  ...patch,
});

describe('a call on a written channel', () => {
  it('is suggested for an angry email, with its reason, in the agent’s words', async () => {
    const r = await recommender.recommend(late({ tone: 'angry' }));
    expect(r.handling).toMatchObject({ suggestCall: true, callReasons: ['tone'] });
    expect(r.rationale.find((s) => s.key === 'why.call')).toEqual({
      key: 'why.call',
      audience: 'agent',
      text: 'Call the customer instead of replying in writing, because the customer is angry.',
    });
  });

  it('is suggested for a legal threat or abuse in a chat, every reason named', async () => {
    const r = await recommender.recommend(late({ channel: 'chat', tone: 'abusive', legalThreat: true }));
    expect(r.handling).toMatchObject({ suggestCall: true, callReasons: ['legal_threat', 'tone'] });
    expect(r.rationale.find((s) => s.key === 'why.call')?.text).toBe(
      'Call the customer instead of replying in writing, because legal action was threatened and the contact was abusive.',
    );
  });

  it('is not suggested when the customer is calm or upset, or already on the phone or in the store', async () => {
    for (const patch of [
      {},
      { tone: 'upset' as const },
      { channel: 'phone' as const, tone: 'angry' as const },
      { channel: 'store' as const, legalThreat: true },
    ]) {
      const r = await recommender.recommend(late(patch));
      expect(r.handling).toMatchObject({ suggestCall: false, callReasons: [] });
      expect(r.rationale.some((s) => s.key === 'why.call')).toBe(false);
    }
  });
});

describe('a queue’s deadline and the first answer', () => {
  it('are one value for the abusive customer sent to senior care', async () => {
    const r = await recommender.recommend(late({ tone: 'abusive' }));
    const escalation = r.remedies.find((x) => x.type === 'escalate');
    expect(escalation).toMatchObject({ queue: 'senior-care', respondWithinHours: 24 });
    expect(escalation?.type === 'escalate' && escalation.dueAt).toBe(r.handling.respondBy);
  });

  it('are one value when a rule gives a queue more time than the policy’s first answer: the sooner wins', async () => {
    const slow = createRecommender({
      ruleSet: {
        ...defaultRuleSet,
        rules: defaultRuleSet.rules.map((rule) =>
          rule.name === 'abusive'
            ? {
                ...rule,
                remedies: [
                  { type: 'escalate', queue: 'senior-care', urgency: 'normal', respondWithinHours: 72 },
                ],
              }
            : rule,
        ),
      },
    });
    const r = await slow.recommend(late({ tone: 'abusive' }));
    const escalation = r.remedies.find((x) => x.type === 'escalate');
    expect(escalation).toMatchObject({ respondWithinHours: 24, dueAt: '2026-03-11T09:30:00.000Z' });
    expect(r.handling.respondBy).toBe('2026-03-11T09:30:00.000Z');
  });

  it('are one value when the queue is faster than the policy', async () => {
    const r = await recommender.recommend(
      late({
        channel: 'social',
        exposure: { public: true, platform: 'X', reach: 500_000 },
        tone: 'angry',
        order: { id: 'o-2', total: 80, currency: 'EUR', placedAt: '2026-02-01', promisedAt: '2026-02-10' },
      }),
    );
    const escalation = r.remedies.find((x) => x.type === 'escalate');
    expect(escalation).toMatchObject({ queue: 'social-media', respondWithinHours: 4 });
    expect(escalation?.type === 'escalate' && escalation.dueAt).toBe(r.handling.respondBy);
  });
});
