import { describe, expect, it } from 'vitest';
import {
  createRecommender,
  isRecommendationError,
  isRedressError,
  type Recommendation,
  type RedressError,
} from '../../src/index';
import { priorityWinner, proposalsOf, selectSlots } from '../../src/policy/selection';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { loadRuleSet } from '../../src/rules/ruleset';
import { categoryRule, complaint, ruleSet } from '../complaint-builder';

// How the fired rules' remedies become one proposal: collect, first, priority and unique, and the
// order rules are taken in. What the caps then do with the proposal is in caps.test.ts.

// Two rules for a wrong item: "urgent" has the higher rule priority and gives a coupon; "fix" has the
// lower priority and gives a resend (higher in the remedy order) with a gift.
const rules = [
  categoryRule('urgent', 'wrong_item', [{ type: 'coupon', amount: 5 }], 90),
  categoryRule('fix', 'wrong_item', [{ type: 'resend' }, { type: 'gift', value: 3 }], 50),
  categoryRule('late', 'late_delivery', [{ type: 'coupon', amount: 7 }], 50),
];
const types = (r: { remedies: readonly { type: string }[] }) => r.remedies.map((x) => x.type).sort();
/** Each remedy with the rule it came from, in the recommendation's order. */
const sources = (r: Recommendation) => r.remedies.map((x) => `${x.type}@${x.rule}`);
const recommend = (hit: 'collect' | 'first' | 'priority' | 'unique', set = rules, input = complaint()) =>
  createRecommender({ ruleSet: ruleSet(set, { hit }) }).recommend(input);

describe('hit policies', () => {
  it('collect gives every fired rule its remedies, one per type, the higher rule priority winning a type', async () => {
    const r = await recommend('collect');
    expect(types(r)).toEqual(['apology', 'coupon', 'gift', 'resend']);
    expect(r.trace.hit).toBe('collect');
    // Both rules propose a coupon: the one of the higher-priority rule is kept, the other superseded.
    const twoCoupons = [
      categoryRule(
        'low',
        'wrong_item',
        [
          { type: 'coupon', amount: 5 },
          { type: 'gift', value: 3 },
        ],
        10,
      ),
      categoryRule('high', 'wrong_item', [{ type: 'coupon', amount: 8 }], 20),
    ];
    const both = await recommend('collect', twoCoupons);
    expect(sources(both)).toEqual(['coupon@high', 'gift@low', 'apology@policy']);
    expect(both.trace.dropped).toContainEqual(
      expect.objectContaining({ type: 'coupon', rule: 'low', reason: 'superseded', by: 'high' }),
    );
  });

  it('first gives only the remedies of the fired rule with the highest rule priority, and traces every fired rule', async () => {
    const r = await recommend('first');
    expect(sources(r)).toEqual(['coupon@urgent', 'apology@policy']);
    expect(r.trace.fired.map((f) => f.name)).toEqual(['urgent', 'fix']);
  });

  it('priority gives the remedies of the rule whose best remedy ranks highest, whatever its rule priority', async () => {
    const r = await recommend('priority');
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
    const r = await recommend('priority', tie);
    expect(r.remedies.filter((x) => x.rule !== 'policy').map((x) => x.rule)).toEqual([
      'resend-and-coupon',
      'resend-and-coupon',
    ]);
    const same = [
      categoryRule('low', 'wrong_item', [{ type: 'resend' }], 10),
      categoryRule('high', 'wrong_item', [{ type: 'resend', shipping: 'express' }], 80),
    ];
    const s = await recommend('priority', same);
    expect(s.remedies.find((x) => x.type === 'resend')).toMatchObject({ rule: 'high', shipping: 'express' });
  });

  it('unique gives the one fired rule its remedies', async () => {
    const r = await recommend('unique', rules.slice(1));
    expect(types(r)).toEqual(['apology', 'gift', 'resend']);
  });

  it('unique with no rule firing sends the complaint to a person, as any policy does', async () => {
    const r = await recommend('unique', rules, complaint({ category: 'staff_behavior' }));
    expect(r.handling.reasons).toContain('no_rule_matched');
  });

  it('unique refuses two rules firing for one complaint with RULE_CONFLICT naming both rules', async () => {
    const error = (await recommend('unique').catch((e: unknown) => e)) as RedressError;
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
    const error = (await recommend('unique', three).catch((e: unknown) => e)) as RedressError;
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

describe('which rules take part', () => {
  it('breaks priority ties by file order', async () => {
    const tied = [
      categoryRule('a', 'wrong_item', [{ type: 'gift', value: 1 }], 10),
      categoryRule('b', 'wrong_item', [{ type: 'gift', value: 2 }], 10),
    ];
    expect(sources(await recommend('collect', tied))).toEqual(['gift@a', 'apology@policy']);
  });

  it('skips disabled rules', async () => {
    const disabled = [
      { ...categoryRule('high', 'wrong_item', [{ type: 'coupon', amount: 8 }]), enabled: false },
    ];
    const r = await recommend('collect', disabled);
    expect(r.trace.fired).toEqual([]);
  });
});

describe('selectSlots with the proposals made once per rule set', () => {
  const set = loadRuleSet(defaultRuleSet).rules;
  const table = proposalsOf(set);
  const fired = [0, 3, 5, 8]
    .filter((i) => i < set.length)
    .map((index) => ({ index, name: set[index]?.name ?? '' }));

  /**
   * The slots as the code before the shared table made them (a Map from type to candidates, in the
   * order each type first appears): written here so that a bug in `selectSlots`'s list search fails.
   */
  function mapSlots(hit: 'collect' | 'first' | 'priority', outcomes: typeof fired) {
    const winner = priorityWinner(outcomes, set);
    const taking =
      hit === 'collect' ? outcomes : hit === 'first' ? outcomes.slice(0, 1) : winner ? [winner] : [];
    const slots = new Map<string, { rule: string; priority: number }[]>();
    for (const outcome of taking) {
      const rule = set[outcome.index];
      for (const spec of rule?.remedies ?? []) {
        const candidates = slots.get(spec.type) ?? [];
        candidates.push({ rule: rule?.name ?? '', priority: rule?.priority ?? 0 });
        slots.set(spec.type, candidates);
      }
    }
    return [...slots].map(([type, candidates]) => ({ type, candidates }));
  }

  /** A slot's type and each candidate's rule and priority, in order. */
  const shown = (slots: ReturnType<typeof selectSlots>) =>
    slots.map((s) => ({
      type: s.type,
      candidates: s.candidates.map((c) => ({ rule: c.rule, priority: c.priority })),
    }));

  it('makes the slots the Map of the earlier code made, for every hit policy and many fired sets', () => {
    const all = set.map((rule, index) => ({ index, name: rule.name }));
    const firedSets = [fired, all, all.filter((_, i) => i % 2 === 1), all.filter((_, i) => i % 3 !== 0)];
    // Several rules of one fired set propose a type: the list search must put them in one slot.
    const types = all.flatMap((f) => set[f.index]?.remedies.map((r) => r.type) ?? []);
    expect(new Set(types).size).toBeLessThan(types.length);
    for (const hit of ['collect', 'first', 'priority'] as const)
      for (const outcomes of firedSets)
        expect(shown(selectSlots(hit, outcomes, set, table))).toEqual(mapSlots(hit, outcomes));
  });

  it('gives every hit policy the same slots, their candidates the very proposals of the table', () => {
    for (const hit of ['collect', 'first', 'priority'] as const) {
      const slots = selectSlots(hit, fired, set, table);
      expect(shown(slots)).toEqual(mapSlots(hit, fired));
      const all = table.flat();
      for (const slot of slots) for (const c of slot.candidates) expect(all).toContain(c);
      // Shared by every complaint, so frozen: no complaint can change another's proposal.
      expect(slots.every((s) => s.candidates.every((c) => Object.isFrozen(c)))).toBe(true);
    }
  });

  it('keeps a type its first proposal in firing order, the others after it', () => {
    const slots = selectSlots('collect', fired, set, table);
    const types = slots.map((s) => s.type);
    expect(new Set(types).size).toBe(types.length);
    const inOrder = fired.flatMap((f) => set[f.index]?.remedies.map((r) => r.type) ?? []);
    expect(types).toEqual([...new Set(inOrder)]);
  });
});
