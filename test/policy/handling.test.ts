import { describe, expect, it } from 'vitest';
import { createRecommender, type Recommendation } from '../../src/index';
import { categoryRule, complaint, ruleSet } from '../complaint-builder';

// Who handles the recommendation, where and by when: src/policy/handling.ts.

const recommender = (rules: Parameters<typeof ruleSet>[0], policy: Parameters<typeof ruleSet>[1] = {}) =>
  createRecommender({ ruleSet: ruleSet(rules, policy) });
const types = (r: Recommendation) => r.remedies.map((x) => `${x.type}@${x.rule}`);

describe('handling', () => {
  const rules = [categoryRule('gift', 'wrong_item', [{ type: 'gift', value: 10 }], 10)];

  it('is automatic within the auto-approval limit, on the complaint channel, with one owner', async () => {
    const r = await recommender(rules).recommend(complaint({ channel: 'chat' }));
    expect(r.handling).toEqual({
      mode: 'automatic',
      reasons: [],
      owner: 'chat-desk',
      queue: null,
      respondOn: 'chat',
      respondBy: '2026-03-11T09:00:00.000Z',
      publicAcknowledgement: null,
      notify: [],
      steps: [],
      suggestCall: false,
      callReasons: [],
    });
    expect(r.followUp).toMatchObject({
      checkSatisfactionAt: '2026-03-13T09:00:00.000Z',
      channel: 'chat',
      survey: { at: '2026-03-17T09:00:00.000Z', channel: 'chat', scale: { min: 1, max: 5 } },
    });
  });

  it('keeps one owner when two rules escalate: the first escalation is the queue, the other is told', async () => {
    const twoTeams = [
      categoryRule('to-store', 'wrong_item', [{ type: 'escalate', queue: 'store-management' }], 80),
      categoryRule('to-social', 'wrong_item', [{ type: 'escalate', queue: 'social-media' }], 70),
      categoryRule('to-store-again', 'wrong_item', [{ type: 'escalate', queue: 'store-management' }], 60),
    ];
    const r = await recommender(twoTeams).recommend(complaint({ channel: 'social', owner: 'agent-7' }));
    expect(r.handling).toMatchObject({
      owner: 'agent-7',
      queue: 'store-management',
      notify: [{ to: 'social-media', reason: 'escalation' }],
    });
    // The customer reads of one contact: no team a rule escalated to is named to them.
    const customerText = r.rationale.filter((s) => s.audience === 'customer').map((s) => s.text);
    expect(customerText.join(' ')).not.toMatch(/store-management|social-media/);
  });

  it('goes to a person, naming the queue, for a legal threat, abuse and cost above the limit', async () => {
    const r = await recommender(rules, { autoApproveMaxCost: 5 }).recommend(
      complaint({ legalThreat: true, tone: 'abusive', owner: 'agent-7' }),
    );
    expect(r.handling).toMatchObject({
      mode: 'human',
      reasons: ['legal_threat', 'tone', 'cost_above_auto_approve'],
      owner: 'agent-7',
      queue: 'customer-care',
    });
  });

  it('hands an escalation to the rule’s queue with its deadline', async () => {
    const escalating = [
      categoryRule('esc', 'wrong_item', [{ type: 'escalate', queue: 'legal', respondWithinHours: 4 }], 10),
    ];
    const r = await recommender(escalating).recommend(complaint());
    expect(r.handling).toMatchObject({
      mode: 'human',
      reasons: ['escalate_remedy'],
      queue: 'legal',
      respondBy: '2026-03-10T13:00:00.000Z',
    });
  });

  it('goes to a person when no rule matched, with an apology still', async () => {
    const r = await recommender([]).recommend(complaint());
    expect(r.handling.reasons).toEqual(['no_rule_matched']);
    expect(types(r)).toEqual(['apology@policy']);
  });

  it('acknowledges public complaints where they were posted', async () => {
    const r = await recommender(rules).recommend(
      complaint({ exposure: { public: true, platform: 'Trustpilot', reach: 10 } }),
    );
    expect(r.handling.publicAcknowledgement).toEqual({
      platform: 'Trustpilot',
      dueAt: '2026-03-10T11:00:00.000Z',
      statement: null,
    });
  });
});
