import { describe, expect, it } from 'vitest';
import { createRecommender, defaultRuleSet, isRedressError, ruleSetHash } from '../../src/index';
import { type OutcomeLineError, type OutcomeSummary, summarizeOutcomes } from '../../src/outcomes/index';
import { RATES, scenarios } from '../helpers';

const HASH = `sha256:${'ab'.repeat(32)}`;

interface RecSpec {
  readonly id: string;
  readonly rules?: readonly string[];
  readonly category?: string;
  readonly band?: string;
  readonly cost?: number;
  readonly currency?: string;
  readonly types?: readonly string[];
  readonly version?: string;
}

/** A recommendation with just the fields the summary reads (the rest is never looked at). */
function rec(spec: RecSpec): Record<string, unknown> {
  const rules = spec.rules ?? ['r1'];
  const types = spec.types ?? ['coupon'];
  return {
    complaintId: spec.id,
    ruleSet: { name: 'rules', version: spec.version ?? '1', hash: HASH },
    currency: spec.currency ?? 'EUR',
    totalCost: spec.cost ?? 10,
    severity: { band: spec.band ?? 'medium' },
    remedies: [
      ...rules.flatMap((rule, i) => (types[i] ? [{ type: types[i], rule }] : [])),
      { type: 'apology', rule: 'policy' },
    ],
    trace: { facts: { category: spec.category ?? 'late_delivery' }, fired: rules.map((name) => ({ name })) },
  };
}

const group = (summary: OutcomeSummary, dimension: 'byRule' | 'byRemedy' | 'byCategory', key: string) =>
  summary[dimension].find((g) => g.key === key);

describe('summarizeOutcomes: the join', () => {
  it('joins by complaint id and lists the unmatched on both sides, in input order', async () => {
    const summary = await summarizeOutcomes({
      recommendations: ['a', 'b', 'c', 'd'].map((id) => rec({ id })),
      outcomes: ['b', 'x', 'a', 'y'].map((complaintId) => ({ complaintId, csat: 5 })),
    });
    expect(summary.join).toEqual({
      outcomes: 4,
      recommendations: 4,
      matched: 2,
      notRecommended: 0,
      unmatchedRecommendations: { count: 2, first: ['c', 'd'] },
      unmatchedOutcomes: { count: 2, first: ['x', 'y'] },
    });
    expect(summary.overall.complaints).toBe(2);
  });

  it('lists at most `listed` unmatched ids and errors, and counts them all', async () => {
    const summary = await summarizeOutcomes(
      {
        recommendations: Array.from({ length: 50 }, (_, i) => rec({ id: `r${i}` })),
        outcomes: Array.from({ length: 30 }, (_, i) => (i % 2 ? { complaintId: `o${i}` } : '{oops')),
      },
      { listed: 3 },
    );
    expect(summary.join.unmatchedRecommendations).toEqual({ count: 50, first: ['r0', 'r1', 'r2'] });
    expect(summary.join.unmatchedOutcomes).toEqual({ count: 15, first: ['o1', 'o3', 'o5'] });
    expect(summary.errors.count).toBe(15);
    expect(summary.errors.first.map((e) => e.line)).toEqual([1, 3, 5]);
  });

  it('never drops a line: bad records and repeated ids are error lines with their line, id, code and pointer', async () => {
    const seen: OutcomeLineError[] = [];
    const summary = await summarizeOutcomes(
      {
        recommendations: [
          JSON.stringify(rec({ id: 'a' })),
          JSON.stringify(rec({ id: 'a' })),
          { ...rec({ id: 'b' }), totalCost: -1 },
          '{"complaintId":',
          {
            line: 5,
            complaintId: 'c',
            error: { code: 'INVALID_COMPLAINT', message: '…', path: [], pointer: '' },
          },
        ],
        outcomes: [
          { complaintId: 'a', csat: 4 },
          '{"complaintId":"b","csat":9}',
          { complaintId: 'a', csat: 2 },
          '{"csat":3}',
        ],
      },
      { onError: (e) => seen.push(e) },
    );
    const brief = summary.errors.first.map((e) => [
      e.source,
      e.line,
      e.complaintId,
      e.error.code,
      e.error.pointer,
    ]);
    expect(brief).toEqual([
      ['outcomes', 2, 'b', 'INVALID_OUTCOME', '/csat'],
      ['outcomes', 3, 'a', 'INVALID_OUTCOME', '/complaintId'],
      ['outcomes', 4, null, 'INVALID_OUTCOME', '/complaintId'],
      ['recommendations', 2, 'a', 'INVALID_RECOMMENDATION', '/complaintId'],
      ['recommendations', 3, 'b', 'INVALID_RECOMMENDATION', '/totalCost'],
      ['recommendations', 4, null, 'INVALID_JSON', ''],
    ]);
    expect(summary.errors.first[1]?.error.message).toContain('already has an outcome on an earlier line');
    expect(summary.errors.byCode).toEqual([
      { code: 'INVALID_OUTCOME', lines: 3 },
      { code: 'INVALID_RECOMMENDATION', lines: 2 },
      { code: 'INVALID_JSON', lines: 1 },
    ]);
    expect(seen).toEqual(summary.errors.first);
    expect(summary.join).toMatchObject({ outcomes: 1, recommendations: 1, matched: 1, notRecommended: 1 });
    // 4 outcome lines = 1 joined + 3 errors; 5 recommendation lines = 1 joined + 3 errors + 1 not recommended.
    expect(summary.overall.csat.mean).toBe(4);
  });

  it('reads async sources, and recommendations as redress makes them (rules that fired and gave a remedy)', async () => {
    const recommender = createRecommender({ exchangeRates: RATES });
    const complaints = [...scenarios().values()];
    const recommendations = await Promise.all(complaints.map((c) => recommender.recommend(c)));
    async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
      for (const item of items) yield await Promise.resolve(item);
    }
    const summary = await summarizeOutcomes({
      recommendations: slowly(recommendations),
      outcomes: slowly(complaints.map((c) => ({ complaintId: c.id, csat: 3 }))),
    });
    expect(summary.join.matched).toBe(complaints.length);
    expect(summary.errors.count).toBe(0);
    expect(summary.byRuleSet.map((g) => [g.ruleSet, g.complaints])).toEqual([
      [
        { name: 'default', version: defaultRuleSet.version, hash: ruleSetHash(defaultRuleSet) },
        complaints.length,
      ],
    ]);
    const wrongItem = recommendations.find((r) => r.complaintId === 'c-wrong-item');
    const rule = wrongItem?.remedies.find((r) => r.rule !== 'policy')?.rule as string;
    expect(group(summary, 'byRule', rule)?.complaints).toBeGreaterThan(0);
    expect(summary.byRule.map((g) => g.key)).not.toContain('policy');
  });

  it('refuses bad options with INVALID_OPTIONS naming the option', async () => {
    for (const [options, pointer] of [
      [{ minSample: 0 }, '/minSample'],
      [{ repeatWithinDays: 1.5 }, '/repeatWithinDays'],
      [{ listed: -1 }, '/listed'],
      [{ minSampel: 10 }, ''],
      [{ limits: { maxLineBytes: 0 } }, '/limits/maxLineBytes'],
    ] as const) {
      const error = await summarizeOutcomes({ recommendations: [], outcomes: [] }, options as never).catch(
        (e) => e,
      );
      expect(isRedressError(error) && [error.code, error.pointer], JSON.stringify(options)).toEqual([
        'INVALID_OPTIONS',
        pointer,
      ]);
    }
  });
});

describe('summarizeOutcomes: the figures', () => {
  it('gives each group its CSAT, rates, acceptance and cost per satisfied customer, per currency', async () => {
    const recommendations = [
      rec({ id: '1', cost: 10 }),
      rec({ id: '2', cost: 20 }),
      rec({ id: '3', cost: 30 }),
      rec({ id: '4', cost: 1000, currency: 'JPY' }),
      rec({ id: '5', cost: 5 }),
    ];
    const outcomes = [
      { complaintId: '1', csat: 5, churned: false, repeatWithinDays: 10, accepted: 'first', reopened: true },
      { complaintId: '2', csat: 4, churned: true, repeatWithinDays: 40, accepted: 'alternative' },
      { complaintId: '3', csat: 1, repeatWithinDays: null, accepted: 'refused', publicResolved: false },
      { complaintId: '4', csat: 4, accepted: 'first' },
      { complaintId: '5', churned: false },
    ];
    const summary = await summarizeOutcomes({ recommendations, outcomes });
    const g = summary.overall;
    expect(g.complaints).toBe(5);
    expect(g.csat.mean).toBe(14 / 4);
    expect([g.csat.satisfied.count, g.csat.satisfied.n]).toEqual([3, 4]);
    expect([g.repeat.count, g.repeat.n]).toEqual([1, 3]); // 40 days is past the 30-day window; null is no repeat
    expect([g.churn.count, g.churn.n]).toEqual([1, 3]);
    expect([g.reopened.count, g.reopened.n]).toEqual([1, 1]);
    expect([g.publicResolved.count, g.publicResolved.n]).toEqual([0, 1]);
    expect(g.acceptance).toEqual({ first: 2, alternative: 1, refused: 1 });
    expect([g.firstChoice.count, g.firstChoice.n]).toEqual([2, 4]);
    expect(g.costs).toEqual([
      // 1–3 answered (60.00, two satisfied); 5 did not: its cost is in the total only.
      {
        currency: 'EUR',
        complaints: 4,
        totalCost: 65,
        responses: 3,
        responsesCost: 60,
        satisfied: 2,
        perSatisfied: 30,
      },
      {
        currency: 'JPY',
        complaints: 1,
        totalCost: 1000,
        responses: 1,
        responsesCost: 1000,
        satisfied: 1,
        perSatisfied: 1000,
      },
    ]);
    const longer = await summarizeOutcomes({ recommendations, outcomes }, { repeatWithinDays: 60 });
    expect(longer.overall.repeat.count).toBe(2);
  });

  it('counts a complaint once in each of its rules and remedy types, and in one category, band and rule set', async () => {
    const summary = await summarizeOutcomes({
      recommendations: [
        rec({ id: '1', rules: ['late', 'repeat'], types: ['coupon', 'gift'], band: 'high' }),
        rec({ id: '2', rules: ['late'], types: ['coupon'], category: 'wrong_item', version: '2' }),
        rec({ id: '3', rules: [], types: [] }),
      ],
      outcomes: ['1', '2', '3'].map((complaintId) => ({ complaintId, csat: 5 })),
    });
    const counts = (groups: OutcomeSummary['byRule']) => groups.map((g) => [g.key, g.complaints]);
    expect(counts(summary.byRule)).toEqual([
      ['late', 2],
      ['(no rule)', 1],
      ['repeat', 1],
    ]);
    expect(counts(summary.byRemedy)).toEqual([
      ['apology', 3],
      ['coupon', 2],
      ['gift', 1],
    ]);
    expect(counts(summary.byCategory)).toEqual([
      ['wrong_item', 1],
      ['late_delivery', 2],
    ]);
    expect(counts(summary.bySeverity)).toEqual([
      ['medium', 2],
      ['high', 1],
    ]);
    expect(summary.byRuleSet.map((g) => [g.key, g.complaints])).toEqual([
      [`rules 1 ${HASH.slice(0, 19)}`, 2],
      [`rules 2 ${HASH.slice(0, 19)}`, 1],
    ]);
  });
});

/** `n` complaints of `rule` in `category`, `satisfied` of them with csat 5 and the rest with csat 2. */
function cohort(rule: string, category: string, n: number, satisfied: number) {
  return Array.from({ length: n }, (_, i) => ({
    rec: rec({ id: `${rule}-${category}-${i}`, rules: [rule], category }),
    outcome: { complaintId: `${rule}-${category}-${i}`, csat: i < satisfied ? 5 : 2 },
  }));
}

async function verdictsOf(cohorts: ReturnType<typeof cohort>[], minSample?: number) {
  const all = cohorts.flat();
  const summary = await summarizeOutcomes(
    { recommendations: all.map((x) => x.rec), outcomes: all.map((x) => x.outcome) },
    minSample === undefined ? {} : { minSample },
  );
  return summary.verdicts;
}

describe('summarizeOutcomes: the verdicts', () => {
  it('marks a rule worse than the rest of its category when the whole interval is below zero', async () => {
    const verdicts = await verdictsOf([
      cohort('weak', 'late_delivery', 60, 24),
      cohort('good', 'late_delivery', 80, 64),
      cohort('fine', 'wrong_item', 40, 30),
    ]);
    expect(verdicts[0]).toMatchObject({
      rule: 'weak',
      category: 'late_delivery',
      verdict: 'worse',
      satisfied: { n: 60, count: 24 },
      others: { n: 80, count: 64 },
    });
    expect(verdicts[0]?.difference?.high).toBeLessThan(0);
    expect(verdicts[0]?.note).toMatch(
      /^40\.0% satisfied against 80\.0%; the difference is -\d+\.\d% to -\d+\.\d%, all below zero$/,
    );
    expect(verdicts.find((v) => v.rule === 'good')?.verdict).toBe('better');
    expect(verdicts.find((v) => v.rule === 'fine')).toMatchObject({
      verdict: 'too_few_others',
      note: 'the rest of the category has 0 CSAT answers, fewer than the 30 needed to compare',
    });
  });

  it('gives no verdict below the minimum sample, however low the share, and says so', async () => {
    const cohorts = [cohort('tiny', 'late_delivery', 29, 0), cohort('good', 'late_delivery', 100, 90)];
    const verdicts = await verdictsOf(cohorts);
    expect(verdicts.find((v) => v.rule === 'tiny')).toMatchObject({
      verdict: 'too_few',
      note: '29 CSAT answers, fewer than the 30 needed to judge',
      satisfied: { n: 29, count: 0 },
    });
    expect((await verdictsOf(cohorts, 20)).find((v) => v.rule === 'tiny')?.verdict).toBe('worse');
  });

  it('says no clear difference when the interval spans zero', async () => {
    const verdicts = await verdictsOf([cohort('a', 'other', 40, 28), cohort('b', 'other', 40, 30)]);
    expect(verdicts.map((v) => v.verdict)).toEqual(['no_clear_difference', 'no_clear_difference']);
    expect(verdicts[0]?.difference?.low).toBeLessThan(0);
    expect(verdicts[0]?.difference?.high).toBeGreaterThan(0);
  });
});
