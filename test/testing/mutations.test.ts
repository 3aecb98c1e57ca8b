import { describe, expect, test } from 'vitest';
import type { ComplaintInput } from '../../src/complaint/schema';
import { isRedressError } from '../../src/errors';
import type { Recommendation } from '../../src/recommend/recommendation';
import { createRecommender } from '../../src/recommender/create-recommender';
import defaultJson from '../../src/rules/default/rules.json';
import { loadRuleSet } from '../../src/rules/ruleset';
import {
  type AssertFairOptions,
  assertFair,
  FAIRNESS_PROPERTIES,
  FairnessError,
  type FairnessFailure,
  type FairnessPropertyName,
} from '../../src/testing/assert-fair';
import type { FairnessSubject, FairnessTarget } from '../../src/testing/subject';
import { seed } from '../seed';

/** A rule as a rule file holds it: plain JSON, checked only when the rule set is loaded. */
type RuleJson = Record<string, unknown>;

/** A copy of the default rule set (the JSON file) with `rules` planted in front of its own. */
function planted(...rules: RuleJson[]): typeof defaultJson {
  const copy = structuredClone(defaultJson);
  return { ...copy, name: 'default+planted', rules: [...rules, ...copy.rules] as typeof copy.rules };
}

/** Runs one property on a subject that must fail it, and returns the failure. */
async function caught(
  subject: FairnessSubject,
  property: FairnessPropertyName,
  options: AssertFairOptions = {},
): Promise<{ error: FairnessError; failure: FairnessFailure }> {
  const error = await assertFair(subject, { properties: [property], seed, numRuns: 1_000, ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FairnessError);
  const fairness = error as FairnessError;
  expect(fairness.failures).toHaveLength(1);
  const failure = fairness.failures[0] as FairnessFailure;
  expect(failure.property).toBe(property);
  // The report names the property, shows the shrunk complaint, and says how to replay it.
  expect(fairness.message).toContain(`✗ ${FAIRNESS_PROPERTIES[property].title}`);
  expect(fairness.message).toContain('counterexample complaint:');
  expect(fairness.message).toContain(JSON.stringify(failure.complaint, null, 2).split('\n')[1]);
  expect(fairness.message).toContain(`seed ${seed}, path "${failure.path}"`);
  expect(fairness.message).toContain(`properties: ['${property}'], seed: ${seed}, path: '${failure.path}'`);
  expect(failure.path).toMatch(/^\d+(:\d+)*$/);
  return { error: fairness, failure };
}

/** A recommender that stands in for a service wrapped around redress, changing what it returns. */
function wrapped(
  change: (rec: Recommendation, complaint: ComplaintInput) => Recommendation | Promise<Recommendation>,
): FairnessTarget {
  const base = createRecommender();
  return { ruleSet: base.ruleSet, recommend: async (c) => change(await base.recommend(c), c) };
}

describe(`planted violations are caught (seed ${seed})`, () => {
  test('a rule cannot even name the locale: the loader refuses facts that are not in the catalogue', () => {
    const rule: RuleJson = {
      name: 'turkish-bonus',
      priority: 99,
      conditions: { all: [{ fact: 'locale', operator: 'equal', value: 'tr-TR' }] },
      remedies: [{ type: 'gift', value: 20 }],
    };
    try {
      loadRuleSet(planted(rule));
      expect.unreachable();
    } catch (e) {
      expect(
        isRedressError(e) && e.issues.some((i) => i.code === 'unknown_fact' && i.rule === 'turkish-bonus'),
      ).toBe(true);
    }
  });

  test('invariance catches a better remedy for one locale (a crafted rule applied through a custom fact)', async () => {
    // The bias lives where rule files cannot reach: a service that runs extra rules for Turkish speakers.
    const generous = createRecommender({
      ruleSet: loadRuleSet(
        planted({
          name: 'turkish-bonus',
          priority: 99,
          conditions: { all: [{ fact: 'hasOrder', operator: 'equal', value: true }] },
          remedies: [{ type: 'coupon', amount: 5 }],
        }),
      ),
    });
    const base = createRecommender();
    const biased: FairnessTarget = {
      ruleSet: base.ruleSet,
      recommend: (c) => (c.customer.locale?.startsWith('tr') ? generous : base).recommend(c),
    };
    const { failure } = await caught(biased, 'invariance');
    expect(failure.reason).toMatch(
      /changing the customer's non-fact fields .* changed the recommendation at/,
    );
    expect(JSON.stringify(failure.counterexample)).toContain('tr-TR');
  });

  test('severity monotonicity catches a rule that gives a week-late delivery a cheaper coupon than a 3-day one', async () => {
    const unfair = loadRuleSet(
      planted({
        name: 'late-severe-typo',
        priority: 63,
        conditions: {
          all: [
            { fact: 'category', operator: 'equal', value: 'late_delivery' },
            { fact: 'daysLate', operator: 'greaterThanInclusive', value: 7 },
          ],
        },
        remedies: [{ type: 'coupon', percent: 2, maxDiscount: 5 }],
      }),
    );
    const { failure } = await caught(unfair, 'severityMonotonicity');
    expect(failure.complaint?.category).toBe('late_delivery');
    expect(failure.reason).toMatch(/making the harm worse .* gave a less generous recommendation/);
    expect(failure.reason).toContain('late-severe-typo');

    // The seed and path replay exactly that counterexample, without searching again.
    const replay = await caught(unfair, 'severityMonotonicity', { path: failure.path });
    expect(replay.failure.counterexample).toEqual(failure.counterexample);
  });

  test('the harm floor catches a rule that gives valuable customers less than the least valuable one', async () => {
    const unfair = loadRuleSet(
      planted({
        name: 'gold-gets-a-token',
        priority: 81,
        conditions: {
          all: [
            { fact: 'category', operator: 'equal', value: 'wrong_item' },
            { fact: 'valueTier', operator: 'in', value: ['gold', 'platinum'] },
          ],
        },
        remedies: [{ type: 'gift', value: 0.01 }],
      }),
    );
    const { failure } = await caught(unfair, 'harmFloor');
    expect(failure.complaint?.category).toBe('wrong_item');
    expect(failure.reason).toMatch(/is offered less than the floor for the same harm/);
  });

  test('bounded disparity catches a rule that gives platinum customers far more for the same harm', async () => {
    const unfair = loadRuleSet(
      planted({
        name: 'platinum-lavish',
        priority: 85,
        conditions: { all: [{ fact: 'valueTier', operator: 'equal', value: 'platinum' }] },
        remedies: [{ type: 'gift', value: 300 }],
      }),
    );
    const { failure } = await caught(unfair, 'boundedDisparity');
    expect(failure.reason).toMatch(/two customers with the same harm get .* \(policy\.fairness\)/);
    expect(failure.reason).toContain('platinum');
  });

  test('the declared ratio is the rule set’s own: the same rule passes once the policy allows that much', async () => {
    const lavish = planted({
      name: 'platinum-lavish',
      priority: 85,
      conditions: { all: [{ fact: 'valueTier', operator: 'equal', value: 'platinum' }] },
      remedies: [{ type: 'gift', value: 300 }],
    });
    const declared = loadRuleSet({
      ...lavish,
      policy: { ...lavish.policy, fairness: { maxValueCostRatio: 2, valueCostAllowance: 400 } },
    });
    const [result] = await assertFair(declared, { properties: ['boundedDisparity'], seed, numRuns: 100 });
    expect(result?.passed).toBe(true);
  });

  test('caps hold catches a service that adds goodwill past the cap', async () => {
    const generous = wrapped((rec) => ({
      ...rec,
      remedies: [
        ...rec.remedies,
        { type: 'gift', kind: 'goodwill', value: 1_000, rule: 'vip-desk', priority: 1, estimatedCost: 1_000 },
      ],
      totalCost: rec.totalCost + 1_000,
      goodwillCost: rec.goodwillCost + 1_000,
    }));
    const { failure } = await caught(generous, 'capsHold');
    expect(failure.reason).toMatch(/is over the goodwill limit of/);
  });

  test('compensation history catches a service that rewards customers who were compensated before', async () => {
    const rewarding = wrapped((rec, complaint) =>
      (complaint.customer.compensationHistory ?? []).length > 0
        ? {
            ...rec,
            remedies: [
              ...rec.remedies,
              { type: 'gift', kind: 'goodwill', value: 5, rule: 'loyalty', priority: 1, estimatedCost: 5 },
            ],
            totalCost: rec.totalCost + 5,
            goodwillCost: rec.goodwillCost + 5,
          }
        : rec,
    );
    const { failure } = await caught(rewarding, 'compensationHistory');
    expect(failure.reason).toMatch(/a compensation history raised goodwill/);
  });

  test('compensation history catches a service that cuts restitution for customers compensated before', async () => {
    const stingy = wrapped((rec, complaint) =>
      (complaint.customer.compensationHistory ?? []).length > 0
        ? { ...rec, remedies: rec.remedies.filter((r) => r.kind !== 'restitution') }
        : rec,
    );
    const { failure } = await caught(stingy, 'compensationHistory');
    expect(failure.reason).toMatch(/changed the restitution/);
  });

  test('determinism catches a service whose answer depends on how many calls came before', async () => {
    let calls = 0;
    const lottery = wrapped((rec) =>
      ++calls % 2 === 0 ? { ...rec, remedies: rec.remedies.filter((r) => r.type !== 'apology') } : rec,
    );
    // Every second call differs, so the second call of the first run already shows it; no waves needed.
    const { failure } = await caught(lottery, 'determinism', { waveEvery: 1_000_000 });
    expect(failure.reason).toMatch(/gave a different recommendation at remedies/);
  });

  test('determinism catches state shared between calls in flight, which one call at a time never shows', async () => {
    let current: ComplaintInput | undefined;
    const racy = wrapped(async (rec, complaint) => {
      current = complaint;
      await new Promise((resolve) => setImmediate(resolve));
      return { ...rec, complaintId: current.id };
    });
    // Small waves in every run keep the test quick; the default is 50 in flight in one run in 50.
    const { failure } = await caught(racy, 'determinism', { inFlight: 3, waveEvery: 1 });
    expect(failure.reason).toMatch(
      /with 3 calls in flight at once, complaint #\d+ got a different recommendation than alone, at complaintId/,
    );
  });

  test('currency invariance catches a rule that gives euro customers more than the same complaint in lira or rials', async () => {
    const unfair = loadRuleSet(
      planted({
        name: 'euro-bonus',
        priority: 99,
        conditions: {
          all: [
            { fact: 'category', operator: 'equal', value: 'wrong_item' },
            { fact: 'currency', operator: 'equal', value: 'EUR' },
          ],
        },
        remedies: [{ type: 'coupon', amount: 5 }],
      }),
    );
    const { failure } = await caught(unfair, 'currencyInvariance');
    expect(failure.complaint?.category).toBe('wrong_item');
    expect(failure.reason).toMatch(
      /^the same complaint in [A-Z]{3} at [\d.]+ per EUR is treated differently: /,
    );
    expect(failure.reason).toContain('euro-bonus');
    // The default rules themselves pass, at the kit's rates and at the caller's.
    await expect(
      assertFair(defaultJson, { properties: ['currencyInvariance'], seed, numRuns: 200 }),
    ).resolves.toMatchObject([{ passed: true, numRuns: 200 }]);
  });

  test('split invariance catches a service that ignores the open case: every report pays again', async () => {
    const forgetful: FairnessTarget = {
      ruleSet: loadRuleSet(defaultJson),
      recommend: (c) =>
        createRecommender({ ruleSet: loadRuleSet(defaultJson) }).recommend(c, { link: false }),
    };
    const { failure } = await caught(forgetful, 'splitInvariance');
    expect(failure.reason).toMatch(/more than the \d+ the most generous report gets alone|owners/);
  });

  test('split invariance catches a service that links but gives later reports nothing, severer or not', async () => {
    const recommender = createRecommender({ ruleSet: loadRuleSet(defaultJson) });
    const deaf: FairnessTarget = {
      ruleSet: recommender.ruleSet,
      recommend: async (c) => {
        const rec = await recommender.recommend(c);
        return rec.handling.mode === 'linked'
          ? {
              ...rec,
              remedies: rec.remedies.filter((r) => r.kind === 'care'),
              totalCost: 0,
              restitutionCost: 0,
              goodwillCost: 0,
            }
          : rec;
      },
    };
    const { failure } = await caught(deaf, 'splitInvariance');
    expect(failure.reason).toMatch(/less than the \d+ the most generous report gets alone|never gave the/);
  });
});
