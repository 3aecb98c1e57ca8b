import * as fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { isRedressError, type RedressError } from '../../src/errors';
import { createRecommender } from '../../src/recommender/create-recommender';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import defaultJson from '../../src/rules/default/rules.json';
import { assertFair, DEFAULT_SEED, FAIRNESS_PROPERTY_NAMES } from '../../src/testing/assert-fair';
import { capsHold } from '../../src/testing/properties/caps-hold';
import { determinism } from '../../src/testing/properties/determinism';
import { seed } from '../seed';

const fcSeed = process.env.FC_SEED;
afterEach(() => {
  if (fcSeed === undefined) delete process.env.FC_SEED;
  else process.env.FC_SEED = fcSeed;
});

describe('assertFair', () => {
  test('runs every property and reports how each fared, with the seed', async () => {
    const results = await assertFair(defaultRuleSet, { seed, numRuns: 5 });
    expect(results.map((r) => r.property)).toEqual(FAIRNESS_PROPERTY_NAMES);
    for (const r of results) expect(r).toMatchObject({ passed: true, seed, numRuns: 5 });
  });

  test('takes the rule set as JSON, object or text, and validates it first, with the redress error', async () => {
    const error = await assertFair({ name: 'x', version: '1', rules: [{ name: 'bad' }] }).catch(
      (e: unknown) => e,
    );
    expect(isRedressError(error) && error.code).toBe('INVALID_RULESET');
    const [fromText] = await assertFair(JSON.stringify(defaultJson), {
      properties: ['capsHold'],
      numRuns: 3,
      seed,
    });
    expect(fromText?.passed).toBe(true);
  });

  test('passes recommender options through to createRecommender', async () => {
    // An unsupported locale is refused by createRecommender itself: proof that the options reach it.
    await expect(
      // @ts-expect-error a locale redress does not speak, as plain JavaScript could pass it
      assertFair(defaultRuleSet, { recommender: { locale: 'xx' }, numRuns: 1 }),
    ).rejects.toThrow(/unsupported locale "xx"/);
    const results = await assertFair(defaultRuleSet, {
      recommender: { trace: 'all' },
      properties: ['invariance', 'determinism'],
      numRuns: 20,
      seed,
    });
    expect(results.every((r) => r.passed)).toBe(true);
  });

  test('takes a recommender (or a service around one), but not together with recommender options', async () => {
    const recommender = createRecommender();
    const [result] = await assertFair(recommender, { properties: ['capsHold'], numRuns: 10, seed });
    expect(result?.passed).toBe(true);
    await expect(assertFair(recommender, { recommender: { trace: 'all' } })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
      path: ['recommender'],
      message: expect.stringMatching(/already a recommender; create it with these options instead$/),
    });
  });

  test('the seed comes from the option, else FC_SEED, else DEFAULT_SEED', async () => {
    delete process.env.FC_SEED;
    const [byDefault] = await assertFair(defaultRuleSet, { properties: ['capsHold'], numRuns: 1 });
    expect(byDefault?.seed).toBe(DEFAULT_SEED);
    process.env.FC_SEED = '77';
    const [fromEnv] = await assertFair(defaultRuleSet, { properties: ['capsHold'], numRuns: 1 });
    expect(fromEnv?.seed).toBe(77);
    const [given] = await assertFair(defaultRuleSet, { properties: ['capsHold'], numRuns: 1, seed: 5 });
    expect(given?.seed).toBe(5);
    process.env.FC_SEED = 'tomorrow';
    await expect(assertFair(defaultRuleSet, { properties: ['capsHold'], numRuns: 1 })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
      path: ['seed'],
      message: expect.stringContaining('FC_SEED must be a whole number, got "tomorrow"'),
    });
  });

  test('refuses options that cannot work with INVALID_OPTIONS, naming the option and the fix', async () => {
    const refused = (options: Parameters<typeof assertFair>[1]) =>
      assertFair(defaultRuleSet, options).then(
        () => undefined,
        (e: RedressError) => [e.name, e.code, e.path, e.issues[0]?.message],
      );
    // @ts-expect-error an unknown property name
    expect(await refused({ properties: ['capsHold', 'kindness'] })).toEqual([
      'RedressError',
      'INVALID_OPTIONS',
      ['properties', 1],
      expect.stringMatching(
        /^properties\[1\]: unknown property "kindness"; use some of severityMonotonicity, /,
      ),
    ]);
    expect(await refused({ path: '1:2' })).toEqual([
      'RedressError',
      'INVALID_OPTIONS',
      ['path'],
      'path: replays one property; name that one alone in "properties"',
    ]);
    expect(await refused({ numRuns: 0 })).toEqual([
      'RedressError',
      'INVALID_OPTIONS',
      ['numRuns'],
      'numRuns: must be a whole number ≥ 1, got 0',
    ]);
    expect(await refused({ properties: ['determinism'], inFlight: 0, numRuns: 1 })).toEqual([
      'RedressError',
      'INVALID_OPTIONS',
      ['inFlight'],
      'inFlight: must be a whole number ≥ 1, got 0',
    ]);
  });
});

describe('the properties on their own, with fast-check', () => {
  test('each is a fast-check property a user can run with fc.assert and their own parameters', async () => {
    await fc.assert(capsHold(defaultRuleSet, { complaints: { categories: ['wrong_item'] } }), {
      seed,
      numRuns: 20,
    });
  });

  test('a determinism wave really puts that many calls in flight at once', async () => {
    let inFlight = 0;
    let most = 0;
    const base = createRecommender();
    const counting = {
      ruleSet: base.ruleSet,
      recommend: async (c: Parameters<typeof base.recommend>[0]) => {
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          return await base.recommend(c);
        } finally {
          inFlight--;
        }
      },
    };
    await fc.assert(determinism(counting, { inFlight: 50, waveEvery: 1 }), { seed, numRuns: 1 });
    expect(most).toBe(50);
  });
});
