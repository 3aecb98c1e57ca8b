import { describe, expect, test } from 'vitest';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { assertFair, FAIRNESS_PROPERTIES, FAIRNESS_PROPERTY_NAMES } from '../../src/testing/assert-fair';
import { seed } from '../seed';

const numRuns = 1_000;

// One property per test, so that each is named in the output and a failure report shows only its own.
describe(`the default rule set is fair (seed ${seed}, ${numRuns} runs per property)`, () => {
  for (const property of FAIRNESS_PROPERTY_NAMES) {
    const { title, meaning } = FAIRNESS_PROPERTIES[property];
    test(`${title}: ${meaning}`, { timeout: 300_000 }, async () => {
      const [result] = await assertFair(defaultRuleSet, { properties: [property], seed, numRuns });
      expect(result).toMatchObject({ property, passed: true, numRuns, seed });
    });
  }
});
