import { describe, expect, it } from 'vitest';
import { createRecommender, isRecommendationError, isRedressError, type RedressError } from '../../src/index';
import { categoryRule, complaint, ruleSet } from '../complaint-builder';

// Two rules for a wrong item: "urgent" has the higher rule priority and gives a coupon; "fix" has the
// lower priority and gives a resend (higher in the remedy order) with a gift.
const rules = [
  categoryRule('urgent', 'wrong_item', [{ type: 'coupon', amount: 5 }], 90),
  categoryRule('fix', 'wrong_item', [{ type: 'resend' }, { type: 'gift', value: 3 }], 50),
  categoryRule('late', 'late_delivery', [{ type: 'coupon', amount: 7 }], 50),
];
const types = (r: { remedies: readonly { type: string }[] }) => r.remedies.map((x) => x.type).sort();

describe('hit policies', () => {
  it('collect gives every fired rule its remedies, one per type', async () => {
    const r = await createRecommender({ ruleSet: ruleSet(rules, { hit: 'collect' }) }).recommend(complaint());
    expect(types(r)).toEqual(['apology', 'coupon', 'gift', 'resend']);
    expect(r.trace.hit).toBe('collect');
  });

  it('first gives only the remedies of the fired rule with the highest rule priority', async () => {
    const r = await createRecommender({ ruleSet: ruleSet(rules, { hit: 'first' }) }).recommend(complaint());
    expect(types(r)).toEqual(['apology', 'coupon']);
    expect(r.remedies.find((x) => x.type === 'coupon')?.rule).toBe('urgent');
  });

  it('priority gives the remedies of the rule whose best remedy ranks highest, whatever its rule priority', async () => {
    const r = await createRecommender({ ruleSet: ruleSet(rules, { hit: 'priority' }) }).recommend(
      complaint(),
    );
    expect(types(r)).toEqual(['apology', 'gift', 'resend']);
    expect(r.remedies.every((x) => x.rule === 'fix' || x.rule === 'policy')).toBe(true);
    expect(r.trace.fired.map((f) => f.name)).toEqual(['urgent', 'fix']);
  });

  it('priority compares the next remedy when the best ones tie, then falls back to rule priority', async () => {
    const tie = [
      categoryRule('resend-only', 'wrong_item', [{ type: 'resend' }], 90),
      categoryRule(
        'resend-and-coupon',
        'wrong_item',
        [{ type: 'resend' }, { type: 'coupon', amount: 2 }],
        10,
      ),
      categoryRule('resend-too', 'wrong_item', [{ type: 'resend', shipping: 'express' }], 80),
    ];
    const r = await createRecommender({ ruleSet: ruleSet(tie, { hit: 'priority' }) }).recommend(complaint());
    expect(r.remedies.filter((x) => x.rule !== 'policy').map((x) => x.rule)).toEqual([
      'resend-and-coupon',
      'resend-and-coupon',
    ]);
    const same = [
      categoryRule('low', 'wrong_item', [{ type: 'resend' }], 10),
      categoryRule('high', 'wrong_item', [{ type: 'resend', shipping: 'express' }], 80),
    ];
    const s = await createRecommender({ ruleSet: ruleSet(same, { hit: 'priority' }) }).recommend(complaint());
    expect(s.remedies.find((x) => x.type === 'resend')).toMatchObject({ rule: 'high', shipping: 'express' });
  });

  it('unique gives the one fired rule its remedies', async () => {
    const r = await createRecommender({ ruleSet: ruleSet(rules.slice(1), { hit: 'unique' }) }).recommend(
      complaint(),
    );
    expect(types(r)).toEqual(['apology', 'gift', 'resend']);
  });

  it('unique with no rule firing sends the complaint to a person, as any policy does', async () => {
    const r = await createRecommender({ ruleSet: ruleSet(rules, { hit: 'unique' }) }).recommend(
      complaint({ category: 'staff_behavior' }),
    );
    expect(r.handling.reasons).toContain('no_rule_matched');
  });

  it('unique refuses two rules firing for one complaint with RULE_CONFLICT naming both rules', async () => {
    const recommender = createRecommender({ ruleSet: ruleSet(rules, { hit: 'unique' }) });
    const error = (await recommender.recommend(complaint()).catch((e: unknown) => e)) as RedressError;
    expect(isRedressError(error)).toBe(true);
    expect(error.code).toBe('RULE_CONFLICT');
    expect(error.message).toContain('"urgent"');
    expect(error.message).toContain('"fix"');
    expect(error.message).toContain('c-test');
    expect(error.path).toEqual(['rules', 1]);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'rule_conflict', rule: 'fix', pointer: '/rules/1' });
  });

  it('unique names every rule beyond the first when three fire', async () => {
    const three = [...rules, categoryRule('third', 'wrong_item', [{ type: 'apology' }], 20)];
    const recommender = createRecommender({ ruleSet: ruleSet(three, { hit: 'unique' }) });
    const error = (await recommender.recommend(complaint()).catch((e: unknown) => e)) as RedressError;
    expect(error.issues.map((i) => i.rule)).toEqual(['fix', 'third']);
  });

  it('recommendMany reports a conflict as that complaint’s error record and carries on', async () => {
    const recommender = createRecommender({ ruleSet: ruleSet(rules, { hit: 'unique' }) });
    const out = [];
    for await (const r of recommender.recommendMany([
      complaint({ id: 'a', category: 'late_delivery' }),
      complaint({ id: 'b' }),
      complaint({ id: 'c', category: 'late_delivery' }),
    ]))
      out.push(r);
    expect(out.map((r) => (isRecommendationError(r) ? `error:${r.error.code}` : r.complaintId))).toEqual([
      'a',
      'error:RULE_CONFLICT',
      'c',
    ]);
    const record = out[1];
    if (!record || !isRecommendationError(record)) throw new Error('expected an error record');
    expect(record).toMatchObject({ index: 1, complaintId: 'b', error: { pointer: '/rules/1' } });
    expect(record.error.message).toContain('"urgent" and "fix"');
  });

  it('rejects an unknown hit policy when the rule set is loaded', () => {
    expect(() => ruleSet(rules, { hit: 'any' as never })).toThrow(/hit/);
  });
});
