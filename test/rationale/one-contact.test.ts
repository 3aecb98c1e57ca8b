import { describe, expect, it } from 'vitest';
import { createRecommender, isRecommendationError, type Recommendation } from '../../src/index';
import { categoryRule, complaint, ruleSet } from '../complaint-builder';

// One contact in the customer's words (issue 16): however many teams a complaint is escalated to, the
// customer reads of one; every other team is told internally (handling.notify).

const TEAMS = {
  'store-management': { name: { en: 'store management', tr: 'mağaza yönetimi', fa: 'واحد مدیریت فروشگاه' } },
  'social-media': { name: { en: 'social media', tr: 'sosyal medya', fa: 'واحد شبکه‌های اجتماعی' } },
};

/** Two rules escalate one complaint, to store management and to social media, `first` at the higher priority. */
function twoEscalations(first: keyof typeof TEAMS, second: keyof typeof TEAMS) {
  return ruleSet(
    [
      categoryRule('first', 'wrong_item', [{ type: 'escalate', queue: first }], 80),
      categoryRule('second', 'wrong_item', [{ type: 'escalate', queue: second }], 70),
    ],
    { queues: TEAMS },
  );
}

/** Everything the customer reads: the rationale's customer sentences and the message. */
const customerText = (r: Recommendation) =>
  [...r.rationale.filter((s) => s.audience === 'customer').map((s) => s.text), r.message.text].join('\n');

const publicPost = complaint({
  channel: 'social',
  owner: 'agent-7',
  exposure: { public: true, platform: 'X', reach: 5_000 },
});

describe('one contact in the customer’s words', () => {
  for (const locale of ['en', 'tr', 'fa'] as const) {
    it(`names one team only for a complaint escalated to two (${locale}); the other is a notify step`, async () => {
      for (const [first, second] of [
        ['store-management', 'social-media'],
        ['social-media', 'store-management'],
      ] as const) {
        const r = await createRecommender({ ruleSet: twoEscalations(first, second), locale }).recommend(
          publicPost,
        );
        expect(r.handling).toMatchObject({
          mode: 'human',
          owner: 'agent-7',
          queue: first,
          notify: [{ to: second, reason: 'escalation' }],
        });
        const text = customerText(r);
        expect(text).toContain(TEAMS[first].name[locale]);
        expect(text).not.toContain(TEAMS[second].name[locale]);
        expect(text).not.toMatch(/store-management|social-media|agent-7/);
        expect(r.rationale.filter((s) => s.key.startsWith('offer.escalate'))).toHaveLength(1);
      }
    });
  }

  it('a linked complaint escalated by its rules names the escalation’s team only, not also the case’s owner', async () => {
    const recommender = createRecommender();
    const out: Recommendation[] = [];
    for await (const r of recommender.recommendMany([
      complaint({ id: 'c-calm', channel: 'email' }),
      complaint({
        id: 'c-severe',
        channel: 'social',
        receivedAt: '2026-03-10T12:00:00Z',
        legalThreat: true,
        exposure: { public: true, platform: 'X', reach: 50_000 },
      }),
    ]))
      if (!isRecommendationError(r)) out.push(r);
    const severe = out[1] as Recommendation;
    expect(severe.handling).toMatchObject({
      mode: 'linked',
      linkedTo: 'c-calm',
      owner: 'email-desk',
      queue: 'legal',
    });
    const keys = severe.rationale.filter((s) => s.audience === 'customer').map((s) => s.key);
    expect(keys).toContain('case.linked.escalated');
    expect(keys).not.toContain('case.linked');
    expect(keys).not.toContain('case.linked.unnamed');
    const text = customerText(severe);
    expect(text).toContain('A member of our legal team will contact you');
    expect(text).not.toMatch(/same team|remains our/);
    expect(text).toContain('as one case, so you do not need to explain anything again.');
  });
});
