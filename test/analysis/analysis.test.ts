import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overCapMessage } from '../../src/analysis/checks/over-cap';
import { analyzeRuleSet, type Finding } from '../../src/analysis/index';
import { buildComplaint } from '../../src/analysis/model/blueprint';
import { type Box, EVERYTHING, narrow } from '../../src/analysis/model/box';
import type { AnalysedFact } from '../../src/analysis/model/fact-sets';
import { findWitness } from '../../src/analysis/model/witness';
import { CATEGORIES } from '../../src/complaint/schema';
import {
  createRecommender,
  defaultRuleSet,
  FACT_NAMES,
  loadRuleSet,
  parseComplaint,
  type RedressError,
  type RuleSetInput,
  toFacts,
} from '../../src/index';
import { categoryRule, ruleSet } from '../complaint-builder';
import { fcParams } from '../seed';
import { blueprintArbitrary } from './blueprint-arbitrary';

type Rules = RuleSetInput['rules'];
const when = (...all: unknown[]) => ({ all }) as Rules[number]['conditions'];
const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });
const rule = (
  name: string,
  priority: number,
  conditions: Rules[number]['conditions'],
  remedies?: Rules[number]['remedies'],
) => ({ name, priority, conditions, remedies: remedies ?? [{ type: 'apology' }] }) as Rules[number];

/** One rule per category, so that nothing else is a gap. */
const everyCategory: Rules = CATEGORIES.map((c) => categoryRule(`all-${c}`, c, [{ type: 'apology' }], 1));

/** The per-category rules without the one for `category` (which a test replaces). */
const except = (category: string) => everyCategory.filter((r) => r.name !== `all-${category}`);

const of = (findings: readonly Finding[], kind: Finding['kind']) => findings.filter((f) => f.kind === kind);

describe('analyzeRuleSet on the default rules', () => {
  it('finds no unreachable rule, no gap and no always-capped remedy, exactly', () => {
    const analysis = analyzeRuleSet(defaultRuleSet);
    expect(analysis.findings).toEqual([]);
    expect(analysis).toMatchObject({
      hit: 'collect',
      exact: true,
      searched: 0,
      ruleSet: { name: 'default' },
    });
  });

  it('finds no rule shadowed under first either', () => {
    expect(analyzeRuleSet(defaultRuleSet, { hit: 'first' }).findings).toEqual([]);
  });

  it('lists the overlaps the defaults would have under unique, each with a complaint firing both', async () => {
    const overlaps = of(analyzeRuleSet(defaultRuleSet, { hit: 'unique' }).findings, 'overlap');
    const pairs = overlaps.map((f) => f.rules.join('+'));
    expect(pairs).toContain('outage-long+outage');
    expect(pairs).toContain('late-severe+late-moderate');
    expect(pairs).not.toContain('late-moderate+late-minor');
    const recommender = createRecommender({ ruleSet: defaultRuleSet });
    for (const f of overlaps.slice(0, 8)) {
      if (f.kind !== 'overlap') continue;
      const r = await recommender.recommend(f.example.complaint);
      expect(r.trace.fired.map((x) => x.name)).toEqual(expect.arrayContaining([...f.rules]));
    }
  });
});

describe('money in the rule set’s currency', () => {
  // orderTotal strictly between 100 and 100.01: only an amount with three decimals (a KWD order) has it.
  const between = rule(
    'between-cents',
    60,
    when(leaf('orderTotal', 'greaterThan', 100), leaf('orderTotal', 'lessThan', 100.01)),
  );
  const rules = [...everyCategory, between];

  it('reads a rule set with a currency on its grid: a threshold between two cents is never reached', () => {
    const [finding] = of(analyzeRuleSet(ruleSet(rules, {}, { currency: 'EUR' })).findings, 'unreachable');
    // The model cannot prove it (money off every grid is undecided), and the search never fires it.
    expect(finding).toMatchObject({ rules: ['between-cents'], cause: 'never_fired' });
  });

  it('gives examples in the rule set’s currency, which recommend takes without rates', async () => {
    const rs = ruleSet(except('billing_error'), {}, { currency: 'JPY' });
    const gaps = of(analyzeRuleSet(rs).findings, 'gap');
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) {
      if (g.kind !== 'gap') continue;
      expect(g.example.facts.currency).toBe('JPY');
      await createRecommender({ ruleSet: rs }).recommend(g.example.complaint);
    }
  });

  it('still reaches it for a rule set without a currency, with an order in dinars', () => {
    const reached = analyzeRuleSet(ruleSet(rules)).findings.filter((f) => f.rules.includes('between-cents'));
    expect(reached).toEqual([]);
  });
});

describe('unreachable rules', () => {
  it('finds conditions that contradict each other, naming them', () => {
    const rs = ruleSet([
      ...everyCategory,
      rule('never', 50, when(leaf('daysLate', 'greaterThanInclusive', 7), leaf('daysLate', 'lessThan', 3))),
    ]);
    const [finding] = of(analyzeRuleSet(rs).findings, 'unreachable');
    expect(finding).toMatchObject({
      cause: 'contradictory',
      rules: ['never'],
      method: 'exact',
      example: null,
    });
    expect(finding?.message).toBe(
      'rule "never" can never fire: daysLate greaterThanInclusive 7 and daysLate lessThan 3 cannot both hold',
    );
  });

  it('judges public posts as the recommender does: a known small reach is private, an unknown one public', async () => {
    const rs = ruleSet(
      [
        ...everyCategory,
        rule('small-post', 50, when(leaf('isPublic', 'equal', true), leaf('publicReach', 'lessThan', 1000))),
        rule('unknown-reach', 50, when(leaf('isPublic', 'equal', true), leaf('publicReach', 'equal', 0))),
        rule(
          'some-reach',
          50,
          when(leaf('isPublic', 'equal', true), leaf('publicReach', 'between', [1, 999])),
        ),
      ],
      { publicReachThreshold: 1000 },
    );
    const unreachable = of(analyzeRuleSet(rs).findings, 'unreachable');
    expect(unreachable.map((f) => f.rules[0])).toEqual(['some-reach']);
    // The example the analyser reaches 'unknown-reach' with is a post without a reach, and it fires there.
    const zero = { integer: true, parts: [{ lo: 0, hi: 0, loOpen: false, hiOpen: false }] };
    const isPublic = narrow(EVERYTHING, 'isPublic', {
      kind: 'vals',
      values: new Set([true]),
      negated: false,
    });
    const box = isPublic && narrow(isPublic, 'publicReach', { kind: 'num', set: zero });
    const w = box && findWitness(box, rs.scoring, 'EUR', 1000);
    expect(w?.status).toBe('found');
    if (w?.status !== 'found') return;
    expect(w.complaint.exposure).toEqual({ public: true, platform: 'social' });
    const r = await createRecommender({ ruleSet: rs }).recommend(w.complaint);
    expect(r.trace.fired.map((f) => f.name)).toContain('unknown-reach');
  });

  it('knows days are whole: more than 2 and fewer than 3 is nothing', () => {
    const rs = ruleSet([
      ...everyCategory,
      rule('between', 50, when(leaf('daysLate', 'greaterThan', 2), leaf('daysLate', 'lessThan', 3))),
    ]);
    expect(of(analyzeRuleSet(rs).findings, 'unreachable')).toEqual([
      expect.objectContaining({ cause: 'contradictory' }),
    ]);
  });

  it('finds contradictions through not, any and derived facts', () => {
    const rs = ruleSet([
      ...everyCategory,
      rule(
        'not-any',
        50,
        when(leaf('isRepeat', 'equal', true), { not: { any: [leaf('complaints90d', 'greaterThan', 1)] } }),
      ),
      rule('band', 50, when(leaf('severityBand', 'equal', 'critical'), leaf('severity', 'lessThan', 60))),
    ]);
    expect(of(analyzeRuleSet(rs).findings, 'unreachable').map((f) => f.rules[0])).toEqual([
      'not-any',
      'band',
    ]);
  });

  it('proves that no complaint meets conditions that each could hold (a wrong item never scores low)', () => {
    const rs = ruleSet([
      ...everyCategory,
      rule(
        'mild-wrong',
        50,
        when(leaf('category', 'equal', 'wrong_item'), leaf('severityBand', 'equal', 'low')),
      ),
    ]);
    const [finding] = of(analyzeRuleSet(rs).findings, 'unreachable');
    expect(finding).toMatchObject({ cause: 'impossible', rules: ['mild-wrong'], method: 'exact' });
    expect(finding?.message).toContain('no complaint meets them together');
  });

  it('proves facts that cannot go together: days late without an order, a plan without a subscription', () => {
    const rs = ruleSet([
      ...everyCategory,
      rule('late-no-order', 50, when(leaf('hasOrder', 'equal', false), leaf('daysLate', 'greaterThan', 0))),
      rule('plan', 50, when(leaf('hasSubscription', 'equal', false), leaf('plan', 'equal', 'Plus'))),
      rule('nothing', 50, when(leaf('hasSubscription', 'equal', false), leaf('hasOrder', 'equal', false))),
    ]);
    expect(
      of(analyzeRuleSet(rs).findings, 'unreachable').map((f) => [f.rules[0], (f as { cause: string }).cause]),
    ).toEqual([
      ['late-no-order', 'impossible'],
      ['plan', 'impossible'],
      ['nothing', 'impossible'],
    ]);
  });

  it('finds a rule always shadowed under first, with a complaint where it fires but another wins', async () => {
    const rs = ruleSet(
      [
        ...except('wrong_item'),
        categoryRule('wrong', 'wrong_item', [{ type: 'resend' }], 90),
        rule(
          'wrong-late',
          50,
          when(leaf('category', 'equal', 'wrong_item'), leaf('daysLate', 'greaterThan', 2)),
          [{ type: 'gift', value: 5 }],
        ),
      ],
      { hit: 'first' },
    );
    const [finding] = of(analyzeRuleSet(rs).findings, 'unreachable');
    expect(finding).toMatchObject({
      cause: 'shadowed',
      rules: ['wrong-late'],
      shadowedBy: ['wrong'],
      method: 'exact',
    });
    const example = finding?.kind === 'unreachable' ? finding.example : null;
    expect(example?.facts).toMatchObject({ category: 'wrong_item' });
    expect(example?.facts.daysLate).toBeGreaterThan(2);
    const r = await createRecommender({ ruleSet: rs }).recommend(example?.complaint);
    expect(r.trace.fired.map((f) => f.name)).toContain('wrong-late');
    expect(r.remedies.map((x) => x.rule)).not.toContain('wrong-late');
  });

  it('does not call a rule shadowed when it decides for some complaints', () => {
    const rs = ruleSet(
      [
        ...except('wrong_item'),
        rule(
          'wrong-late',
          90,
          when(leaf('category', 'equal', 'wrong_item'), leaf('daysLate', 'greaterThan', 2)),
        ),
        categoryRule('wrong', 'wrong_item', [{ type: 'resend' }], 50),
      ],
      { hit: 'first' },
    );
    expect(of(analyzeRuleSet(rs).findings, 'unreachable')).toEqual([]);
  });

  it('finds a rule shadowed under priority by a rule with a better remedy, whatever the rule priorities', () => {
    const rs = ruleSet(
      [
        ...except('wrong_item'),
        categoryRule('sorry', 'wrong_item', [{ type: 'coupon', amount: 5 }], 99),
        categoryRule('fix', 'wrong_item', [{ type: 'resend' }], 10),
      ],
      { hit: 'priority' },
    );
    expect(of(analyzeRuleSet(rs).findings, 'unreachable')).toEqual([
      expect.objectContaining({ cause: 'shadowed', rules: ['sorry'], shadowedBy: ['fix'] }),
    ]);
  });

  it('ignores disabled rules', () => {
    const rs = ruleSet([
      ...everyCategory,
      { ...rule('off', 50, when(leaf('daysLate', 'lessThan', 0))), enabled: false },
    ]);
    expect(analyzeRuleSet(rs).findings).toEqual([]);
  });
});

describe('overlaps under unique', () => {
  it('finds two rules that fire together, with a complaint that makes recommend refuse', async () => {
    const rs = ruleSet(
      [
        ...everyCategory.filter((r) => r.name !== 'all-late_delivery'),
        rule(
          'late-3',
          50,
          when(leaf('category', 'equal', 'late_delivery'), leaf('daysLate', 'greaterThanInclusive', 3)),
        ),
        rule(
          'late-public',
          40,
          when(leaf('category', 'equal', 'late_delivery'), leaf('isPublic', 'equal', true)),
        ),
        rule(
          'late-private-short',
          30,
          when(
            leaf('category', 'equal', 'late_delivery'),
            leaf('isPublic', 'equal', false),
            leaf('daysLate', 'lessThan', 3),
          ),
        ),
      ],
      { hit: 'unique' },
    );
    const analysis = analyzeRuleSet(rs);
    const overlaps = of(analysis.findings, 'overlap');
    expect(overlaps.map((f) => f.rules)).toEqual([['late-3', 'late-public']]);
    const example = overlaps[0]?.kind === 'overlap' ? overlaps[0].example : undefined;
    expect(example?.facts).toMatchObject({ category: 'late_delivery', isPublic: true });
    const error = (await createRecommender({ ruleSet: rs })
      .recommend(example?.complaint)
      .catch((e: unknown) => e)) as RedressError;
    expect(error.code).toBe('RULE_CONFLICT');
    expect(of(analysis.findings, 'gap')).toEqual([]);
  });

  it('reports no overlaps for rules that exclude each other', () => {
    expect(of(analyzeRuleSet(ruleSet(everyCategory, { hit: 'unique' })).findings, 'overlap')).toEqual([]);
  });
});

describe('gaps', () => {
  it('finds every category no rule covers, with an example complaint', async () => {
    const rs = ruleSet(everyCategory.filter((r) => !['all-other', 'all-poor_quality'].includes(r.name)));
    const gaps = of(analyzeRuleSet(rs).findings, 'gap');
    expect(new Set(gaps.map((g) => (g.kind === 'gap' ? g.category : '')))).toEqual(
      new Set(['poor_quality', 'other']),
    );
    for (const g of gaps) {
      if (g.kind !== 'gap') continue;
      expect(g.example.facts).toMatchObject({ category: g.category, severityBand: g.severityBand });
      const r = await createRecommender({ ruleSet: rs }).recommend(g.example.complaint);
      expect(r.handling.reasons).toContain('no_rule_matched');
    }
  });

  it('finds a severity band a category’s rules leave out', () => {
    const rs = ruleSet([
      ...everyCategory.filter((r) => r.name !== 'all-wrong_item'),
      rule(
        'wrong-serious',
        50,
        when(leaf('category', 'equal', 'wrong_item'), leaf('severity', 'greaterThanInclusive', 50)),
      ),
    ]);
    const gaps = of(analyzeRuleSet(rs).findings, 'gap');
    expect(gaps.map((g) => (g.kind === 'gap' ? `${g.category}/${g.severityBand}` : ''))).toEqual([
      'wrong_item/medium',
    ]);
    expect(gaps[0]?.message).toBe('no rule fires for some wrong_item complaints of medium severity');
  });

  it('finds a hole inside a category and band: an outage without a subscription', () => {
    const rs = ruleSet([
      ...everyCategory.filter((r) => r.name !== 'all-service_outage'),
      rule(
        'outage',
        50,
        when(leaf('category', 'equal', 'service_outage'), leaf('hasSubscription', 'equal', true)),
      ),
    ]);
    const gaps = of(analyzeRuleSet(rs).findings, 'gap');
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) expect(g.kind === 'gap' && g.example.facts.hasSubscription).toBe(false);
  });

  it('does not report a band a category cannot reach', () => {
    // A wrong item always scores at least 25 (medium): low is not a gap.
    const rs = ruleSet([
      ...everyCategory.filter((r) => r.name !== 'all-wrong_item'),
      rule(
        'w',
        50,
        when(leaf('category', 'equal', 'wrong_item'), leaf('severity', 'greaterThanInclusive', 25)),
      ),
    ]);
    expect(of(analyzeRuleSet(rs).findings, 'gap')).toEqual([]);
  });
});

describe('remedies that always exceed the caps', () => {
  it('finds a gift above every tier cap', () => {
    const rs = ruleSet([
      ...everyCategory,
      categoryRule('lavish', 'wrong_item', [{ type: 'resend' }, { type: 'gift', value: 500 }]),
    ]);
    expect(of(analyzeRuleSet(rs).findings, 'over_cap')).toEqual([
      expect.objectContaining({
        rules: ['lavish'],
        remedy: { index: 1, type: 'gift' },
        limit: 'tier',
        method: 'exact',
        // Another limit may bind at a complaint before the tier's: the message must not deny it.
        message:
          'the gift of rule "lavish" always exceeds the tier limit on its own (a lower limit may bind first), so it is always reduced or left out',
      }),
    ]);
  });

  it('names the limit that binds at the example when no one limit is always exceeded', () => {
    expect(overCapMessage('gift', 'lavish', { limit: 'severity', alone: false })).toBe(
      'the gift of rule "lavish" always exceeds the goodwill limits (at the example, the severity limit binds), so it is always reduced or left out',
    );
  });

  it('finds two free months for a subscription-only outage: always past the share of one month', async () => {
    const rs = ruleSet([
      ...everyCategory,
      rule(
        'two-months',
        50,
        when(leaf('category', 'equal', 'service_outage'), leaf('hasOrder', 'equal', false)),
        [{ type: 'free_month', months: 2 }],
      ),
    ]);
    const [finding] = of(analyzeRuleSet(rs).findings, 'over_cap');
    // Two months are 200% of the month at stake: past the severity share and the total ceiling alike.
    expect(finding).toMatchObject({
      rules: ['two-months'],
      remedy: { type: 'free_month' },
      limit: 'severity',
    });
    if (finding?.kind !== 'over_cap') throw new Error('expected a finding');
    const r = await createRecommender({ ruleSet: rs }).recommend(finding.example.complaint);
    expect(r.trace.dropped).toContainEqual(
      expect.objectContaining({ rule: 'two-months', reason: 'reduced' }),
    );
  });

  it('finds a percentage beyond what a band allows when the rule only fires in that band', () => {
    const rs = ruleSet([
      ...everyCategory,
      rule('low-refund', 50, when(leaf('severityBand', 'equal', 'low')), [
        { type: 'refund', basis: 'order', share: 0.5 },
      ]),
      rule('ok-refund', 50, when(leaf('severityBand', 'equal', 'low')), [{ type: 'coupon', percent: 30 }]),
    ]);
    expect(of(analyzeRuleSet(rs).findings, 'over_cap')).toEqual([
      expect.objectContaining({ rules: ['low-refund'], limit: 'severity' }),
    ]);
  });

  it('finds goodwill above the per-customer allowance', () => {
    const rs = ruleSet(
      [...everyCategory, categoryRule('big', 'late_delivery', [{ type: 'coupon', amount: 60 }])],
      {
        perCustomer: { windowDays: 90, maxGoodwill: 50 },
      },
    );
    expect(of(analyzeRuleSet(rs).findings, 'over_cap')).toEqual([
      expect.objectContaining({ rules: ['big'], limit: 'customer' }),
    ]);
  });

  it('finds by search a gift above every cap on a rule too large to reason about exactly', () => {
    // Two branches with maxBoxes 1: the exact method cannot take the rule, so only the search sees it.
    // An order of some value: nothing is at stake in an order of 0, so no goodwill exceeds a cap there.
    const paid = leaf('orderTotal', 'greaterThan', 0);
    const rs = ruleSet([
      ...everyCategory,
      rule(
        'lavish-wide',
        50,
        {
          any: [
            { all: [leaf('category', 'equal', 'wrong_item'), leaf('daysLate', 'greaterThan', 3), paid] },
            { all: [leaf('category', 'equal', 'late_delivery'), leaf('tone', 'equal', 'angry'), paid] },
          ],
        } as Rules[number]['conditions'],
        [{ type: 'gift', value: 500 }],
      ),
    ]);
    const findings = of(analyzeRuleSet(rs, { maxBoxes: 1, searchRuns: 400 }).findings, 'over_cap');
    // No one limit is proved exceeded on its own by a search: the message names the one that binds.
    expect(findings).toEqual([
      expect.objectContaining({
        rules: ['lavish-wide'],
        remedy: { index: 0, type: 'gift' },
        limit: 'severity',
        method: 'search',
        message:
          'the gift of rule "lavish-wide" always exceeds the goodwill limits (at the example, the severity limit binds), so it is always reduced or left out',
      }),
    ]);
  });

  it('does not flag goodwill that fits for some complaints', () => {
    const rs = ruleSet([...everyCategory, categoryRule('fine', 'wrong_item', [{ type: 'gift', value: 50 }])]);
    expect(of(analyzeRuleSet(rs).findings, 'over_cap')).toEqual([]);
  });
});

describe('the search, for rules too large to reason about exactly', () => {
  const big = ruleSet(
    [
      ...everyCategory,
      rule('wide', 50, {
        any: [
          { all: [leaf('category', 'equal', 'wrong_item'), leaf('daysLate', 'greaterThan', 3)] },
          { all: [leaf('category', 'equal', 'late_delivery'), leaf('tone', 'equal', 'angry')] },
        ],
      } as Rules[number]['conditions']),
      // Each branch can hold on its own facts, but no complaint meets either: a wrong or missing item
      // always scores at least 25 severity.
      rule('never-wide', 40, {
        any: [
          { all: [leaf('category', 'equal', 'wrong_item'), leaf('severityBand', 'equal', 'low')] },
          { all: [leaf('category', 'equal', 'missing_item'), leaf('severityBand', 'equal', 'low')] },
        ],
      } as Rules[number]['conditions']),
    ],
    { hit: 'unique' },
  );

  it('reports what it finds as found by search, the same for the same seed', () => {
    const a = analyzeRuleSet(big, { maxBoxes: 1, searchRuns: 400 });
    expect(a.exact).toBe(false);
    expect(a.searched).toBeGreaterThan(300);
    const never = of(a.findings, 'unreachable');
    expect(never).toEqual([
      expect.objectContaining({ rules: ['never-wide'], cause: 'never_fired', method: 'search' }),
    ]);
    const overlap = of(a.findings, 'overlap').find((f) => f.rules.includes('wide'));
    expect(overlap?.method).toBe('search');
    expect(analyzeRuleSet(big, { maxBoxes: 1, searchRuns: 400 })).toEqual(a);
  });

  it('agrees with the exact reasoning where both apply', () => {
    const exact = analyzeRuleSet(big);
    expect(exact.exact).toBe(true);
    expect(of(exact.findings, 'unreachable')).toEqual([
      expect.objectContaining({ rules: ['never-wide'], cause: 'impossible', method: 'exact' }),
    ]);
    const searched = analyzeRuleSet(big, { maxBoxes: 1, searchRuns: 400 });
    const pairs = (fs: readonly Finding[]) =>
      of(fs, 'overlap')
        .map((f) => f.rules.join('+'))
        .sort();
    expect(pairs(searched.findings).every((p) => pairs(exact.findings).includes(p))).toBe(true);
  });
});

describe('analyzeRuleSet input', () => {
  it('takes a rule set as JSON and refuses an invalid one with INVALID_RULESET', () => {
    const json = JSON.stringify({ name: 'x', version: '1', rules: everyCategory });
    expect(analyzeRuleSet(json).findings).toEqual([]);
    expect(() => analyzeRuleSet({ name: 'x', version: '1', rules: [{ name: 'bad' }] })).toThrow(
      /INVALID_RULESET/,
    );
  });

  it('gives examples that are valid complaints whose facts are the ones shown', () => {
    const rs = ruleSet(everyCategory.filter((r) => r.name !== 'all-billing_error'));
    for (const f of analyzeRuleSet(rs).findings) {
      if (f.kind !== 'gap') continue;
      expect(toFacts(parseComplaint(f.example.complaint), rs.scoring).facts).toEqual(f.example.facts);
    }
  });
});

describe('the model behind the exact reasoning (property)', () => {
  const pointBox = (facts: ReturnType<typeof toFacts>['facts']): Box => {
    let box: Box | undefined = EVERYTHING;
    for (const name of FACT_NAMES) {
      if (name === 'severityBand' || name === 'valueTier' || name === 'isRepeat') continue;
      const value = facts[name];
      const set =
        typeof value === 'number'
          ? {
              kind: 'num' as const,
              set: { integer: false, parts: [{ lo: value, hi: value, loOpen: false, hiOpen: false }] },
            }
          : { kind: 'vals' as const, values: new Set([value]), negated: false };
      box = box && narrow(box, name as AnalysedFact, set);
    }
    if (!box) throw new Error('empty point box');
    return box;
  };

  // If the model ever called a real complaint's facts impossible, "unreachable" and "no gap" would lie.
  it('finds a complaint for the facts of every real complaint, under default and unusual weights', () => {
    const scorings = [
      defaultRuleSet.scoring,
      loadRuleSet({
        name: 'w',
        version: '1',
        rules: [],
        scoring: {
          severity: {
            weights: { perDayLate: 0.7, public: 12.5, perReachDecade: 1.5, legalThreat: 33 },
            bands: { medium: 20.5, high: 40, critical: 60 },
          },
          value: {
            weights: { perTenureMonth: 0.3, spendPerDecade: 5.5, perOrder: 2.5, subscriber: 0 },
            tiers: { silver: 10, gold: 30, platinum: 45 },
          },
        },
      }).scoring,
    ];
    fc.assert(
      fc.property(blueprintArbitrary, fc.constantFrom(0, 1), (b, which) => {
        const scoring = scorings[which] as (typeof scorings)[number];
        const facts = toFacts(parseComplaint(buildComplaint(b)), scoring).facts;
        const w = findWitness(pointBox(facts), scoring);
        expect(w.status).toBe('found');
        if (w.status === 'found') expect(w.facts).toEqual({ ...facts });
      }),
      fcParams(300),
    );
  });
});

describe('the main entry', () => {
  it('does not load fast-check: the analyser’s search has its own seeded generator', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dist = new URL('../../dist/', import.meta.url);
    const code = readdirSync(dist)
      // The `redress/testing` entry is built on fast-check; everything else must not load it.
      .filter((f) => /\.(c?js)$/.test(f) && !f.startsWith('testing.'))
      .map((f) => readFileSync(new URL(f, dist), 'utf8'))
      .join('\n');
    expect(code).toContain('analyzeRuleSet');
    expect(code).not.toMatch(/from\s*["']fast-check["']|require\(["']fast-check["']\)/);
  });
});
