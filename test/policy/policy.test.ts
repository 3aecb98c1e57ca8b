import { describe, expect, it } from 'vitest';
import { createRecommender, loadRuleSet, type Recommendation } from '../../src/index';
import { baseComplaint } from '../helpers';

type Json = Record<string, unknown>;
const when = (category: string) => ({ all: [{ fact: 'category', operator: 'equal', value: category }] });

function recommender(rules: Json[], policy: Json = {}) {
  return createRecommender({ ruleSet: loadRuleSet({ name: 'p', version: '1', policy, rules }) });
}
const types = (r: Recommendation) => r.remedies.map((x) => `${x.type}@${x.rule}`);

describe('hit policies', () => {
  const rules = [
    {
      name: 'low',
      priority: 10,
      conditions: when('wrong_item'),
      remedies: [
        { type: 'coupon', amount: 5 },
        { type: 'gift', value: 3 },
      ],
    },
    { name: 'high', priority: 20, conditions: when('wrong_item'), remedies: [{ type: 'coupon', amount: 8 }] },
  ];

  it('collect: every fired rule contributes, one remedy per type, higher priority winning', async () => {
    const r = await recommender(rules).recommend(baseComplaint());
    expect(types(r)).toEqual(['coupon@high', 'gift@low', 'apology@policy']);
    expect(r.trace.dropped).toContainEqual(
      expect.objectContaining({ type: 'coupon', rule: 'low', reason: 'superseded', by: 'high' }),
    );
  });

  it('first: only the highest-priority fired rule decides', async () => {
    const r = await recommender(rules, { hit: 'first' }).recommend(baseComplaint());
    expect(types(r)).toEqual(['coupon@high', 'apology@policy']);
    expect(r.trace.fired.map((f) => f.name)).toEqual(['high', 'low']);
  });

  it('breaks priority ties by file order', async () => {
    const tied = [
      { name: 'a', priority: 10, conditions: when('wrong_item'), remedies: [{ type: 'gift', value: 1 }] },
      { name: 'b', priority: 10, conditions: when('wrong_item'), remedies: [{ type: 'gift', value: 2 }] },
    ];
    expect(types(await recommender(tied).recommend(baseComplaint()))).toEqual(['gift@a', 'apology@policy']);
  });

  it('skips disabled rules', async () => {
    const r = await recommender([{ ...rules[1], enabled: false }]).recommend(baseComplaint());
    expect(r.trace.fired).toEqual([]);
  });
});

describe('caps', () => {
  const capRules = [
    { name: 'resend', priority: 50, conditions: when('wrong_item'), remedies: [{ type: 'resend' }] },
    { name: 'gift', priority: 40, conditions: when('wrong_item'), remedies: [{ type: 'gift', value: 30 }] },
    {
      name: 'coupon',
      priority: 30,
      conditions: when('wrong_item'),
      remedies: [{ type: 'coupon', amount: 20 }],
    },
  ];
  // The order is worth 100; resend of both units costs 100 + 5 shipping.

  const shares = (s: number) => ({ low: s, medium: s, high: s, critical: s });
  const tiers = (t: number) => ({ standard: t, silver: t, gold: t, platinum: t });

  it('caps goodwill at the smallest of the severity share, the tier cap and what the total leaves', async () => {
    const policy = { maxTotalShareOfValue: 10, maxGoodwillByTier: tiers(70) };
    const byShare = await recommender(capRules, {
      ...policy,
      maxGoodwillShareBySeverity: shares(0.3),
    }).recommend(baseComplaint());
    expect(byShare.cap).toMatchObject({
      goodwillLimit: 30,
      binding: 'severity',
      severityLimit: 30,
      tierLimit: 70,
    });
    const byTier = await recommender(capRules, {
      ...policy,
      maxGoodwillShareBySeverity: shares(1.4),
    }).recommend(baseComplaint());
    expect(byTier.cap).toMatchObject({
      goodwillLimit: 70,
      binding: 'tier',
      severityLimit: 140,
      tierLimit: 70,
    });
    const byTotal = await recommender(capRules, {
      maxTotalShareOfValue: 1.5,
      maxGoodwillShareBySeverity: shares(1.4),
      maxGoodwillByTier: tiers(70),
    }).recommend(baseComplaint());
    // 150 for restitution and goodwill together; the resend takes 105 of it.
    expect(byTotal.cap).toMatchObject({ goodwillLimit: 45, binding: 'total', totalLimit: 150 });
  });

  it('drops the lowest-priority add-on first and says so', async () => {
    const r = await recommender(capRules, {
      maxTotalShareOfValue: 10,
      maxGoodwillByTier: tiers(30),
    }).recommend(baseComplaint());
    expect(types(r)).toEqual(['resend@resend', 'gift@gift', 'apology@policy']);
    expect(r.totalCost).toBe(135);
    expect(r.trace.dropped).toEqual([
      expect.objectContaining({
        type: 'coupon',
        rule: 'coupon',
        reason: 'cap',
        limit: 'tier',
        estimatedCost: 20,
      }),
    ]);
    expect(r.rationale.map((s) => s.text)).toContain(
      'The coupon (€20.00) from rule "coupon" was left out: no goodwill was left under the limit of €30.00.',
    );
  });

  it('never cuts restitution, even when it alone exceeds the cap', async () => {
    const r = await recommender(capRules, { maxTotalShareOfValue: 0.5 }).recommend(baseComplaint());
    expect(types(r)).toEqual(['resend@resend', 'apology@policy']);
    expect(r.restitutionCost).toBe(105);
    expect(r.goodwillCost).toBe(0);
  });

  it('reduces the best proposal of a type to what is left rather than falling back to a lesser one', async () => {
    const rules = [
      { name: 'big', priority: 20, conditions: when('wrong_item'), remedies: [{ type: 'gift', value: 80 }] },
      {
        name: 'small',
        priority: 10,
        conditions: when('wrong_item'),
        remedies: [{ type: 'gift', value: 10 }],
      },
    ];
    const r = await recommender(rules, { maxGoodwillShareBySeverity: shares(0.5) }).recommend(
      baseComplaint(),
    );
    expect(types(r)).toEqual(['gift@big', 'apology@policy']);
    expect(r.remedies[0]).toMatchObject({ value: 50 });
    expect(r.trace.dropped).toEqual([
      expect.objectContaining({ rule: 'small', reason: 'superseded', by: 'big' }),
      expect.objectContaining({ rule: 'big', reason: 'reduced', estimatedCost: 80, keptCost: 50 }),
    ]);
  });

  it('adds totals up exactly in minor units', async () => {
    const rules = [
      {
        name: 'a',
        priority: 3,
        conditions: when('wrong_item'),
        remedies: [
          { type: 'gift', value: 0.1 },
          { type: 'coupon', amount: 0.2 },
        ],
      },
    ];
    const r = await recommender(rules).recommend(baseComplaint());
    expect(r.totalCost).toBe(0.3);
    expect(r.goodwillCost).toBe(0.3);
  });
});

describe('handling', () => {
  const rules = [
    { name: 'gift', priority: 10, conditions: when('wrong_item'), remedies: [{ type: 'gift', value: 10 }] },
  ];

  it('is automatic within the auto-approval limit, on the complaint channel, with one owner', async () => {
    const r = await recommender(rules).recommend(baseComplaint({ channel: 'chat' }));
    expect(r.handling).toEqual({
      mode: 'automatic',
      reasons: [],
      owner: 'chat-desk',
      queue: null,
      respondOn: 'chat',
      respondBy: '2026-03-11T09:00:00.000Z',
      publicAcknowledgement: null,
    });
    expect(r.followUp).toEqual({ checkSatisfactionAt: '2026-03-13T09:00:00.000Z', channel: 'chat' });
  });

  it('goes to a person, naming the queue, for a legal threat, abuse and cost above the limit', async () => {
    const r = await recommender(rules, { autoApproveMaxCost: 5 }).recommend(
      baseComplaint({ legalThreat: true, tone: 'abusive', owner: 'agent-7' }),
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
      {
        name: 'esc',
        priority: 10,
        conditions: when('wrong_item'),
        remedies: [{ type: 'escalate', queue: 'legal', respondWithinHours: 4 }],
      },
    ];
    const r = await recommender(escalating).recommend(baseComplaint());
    expect(r.handling).toMatchObject({
      mode: 'human',
      reasons: ['escalate_remedy'],
      queue: 'legal',
      respondBy: '2026-03-10T13:00:00.000Z',
    });
  });

  it('goes to a person when no rule matched, with an apology still', async () => {
    const r = await recommender([]).recommend(baseComplaint());
    expect(r.handling.reasons).toEqual(['no_rule_matched']);
    expect(types(r)).toEqual(['apology@policy']);
  });

  it('acknowledges public complaints where they were posted', async () => {
    const r = await recommender(rules).recommend(
      baseComplaint({ exposure: { public: true, platform: 'Trustpilot', reach: 10 } }),
    );
    expect(r.handling.publicAcknowledgement).toEqual({
      platform: 'Trustpilot',
      dueAt: '2026-03-10T11:00:00.000Z',
    });
  });
});
