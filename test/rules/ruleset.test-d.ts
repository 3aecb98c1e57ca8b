import { describe, expectTypeOf, it } from 'vitest';
import {
  loadRuleSet,
  type RemedySpecInput,
  type Rule,
  type RuleSet,
  type RuleSetInput,
} from '../../src/index';

describe('RuleSetInput', () => {
  it('is what an analyst writes: name, version and rules, everything else optional', () => {
    const input = {
      name: 'shop',
      version: '1',
      rules: [
        {
          name: 'late',
          priority: 10,
          conditions: { all: [{ fact: 'daysLate', operator: 'greaterThan', value: 3 }] },
          remedies: [{ type: 'coupon', percent: 10 }, { type: 'refund' }],
        },
      ],
    } satisfies RuleSetInput;
    expectTypeOf(input).toExtend<RuleSetInput>();
    expectTypeOf<RuleSetInput['rules'][number]['remedies'][number]>().toEqualTypeOf<RemedySpecInput>();
    expectTypeOf<RuleSetInput['policy']>().toExtend<object | undefined>();
  });

  it('refuses what a rule file may not say', () => {
    type Remedy = RuleSetInput['rules'][number]['remedies'][number];
    type Conditions = RuleSetInput['rules'][number]['conditions'];
    // @ts-expect-error a rule set needs a version
    const noVersion: RuleSetInput = { name: 'shop', rules: [] };
    const notARemedy: Remedy = {
      // @ts-expect-error an unknown remedy type
      type: 'not_a_remedy',
    };
    const gift: Remedy = {
      type: 'gift',
      // @ts-expect-error a gift's value is a number
      value: '5',
    };
    const near: Conditions = {
      all: [
        {
          fact: 'daysLate',
          // @ts-expect-error an operator redress does not have
          operator: 'near',
          value: 3,
        },
      ],
    };
    const misspelt: Conditions = {
      all: [
        {
          // @ts-expect-error a fact that is not in the catalogue
          fact: 'dayslate',
          operator: 'greaterThan',
          value: 3,
        },
      ],
    };
    expectTypeOf([noVersion, notARemedy, gift, near, misspelt]).toBeArray();
  });

  it('becomes a RuleSet only through loadRuleSet, with defaults filled in', () => {
    expectTypeOf(loadRuleSet).returns.toEqualTypeOf<RuleSet>();
    expectTypeOf<RuleSetInput>().not.toExtend<RuleSet>();
    expectTypeOf<Rule['enabled']>().toBeBoolean();
  });
});
