import type fc from 'fast-check';
import { describe, expectTypeOf, it } from 'vitest';
import type { ComplaintInput, Recommendation, RemedySpecInput, RuleSet, RuleSetInput } from '../../src/index';
import {
  type AssertFairOptions,
  assertFair,
  capsHold,
  complaintArbitrary,
  FAIRNESS_PROPERTY_NAMES,
  FairnessError,
  type FairnessFailure,
  type FairnessPropertyName,
  type FairnessResult,
  type FairnessSubject,
  type FairnessTarget,
  type HarmChange,
  type HarmChangeKind,
  harmChangeArbitrary,
  remedySpecArbitrary,
  worsenHarm,
} from '../../src/testing/index';

describe('redress/testing', () => {
  it('generates complaints, harm changes and remedies as fast-check arbitraries of the library’s input types', () => {
    expectTypeOf(complaintArbitrary()).toEqualTypeOf<fc.Arbitrary<ComplaintInput>>();
    expectTypeOf(harmChangeArbitrary()).toEqualTypeOf<fc.Arbitrary<HarmChange>>();
    expectTypeOf(remedySpecArbitrary()).toEqualTypeOf<fc.Arbitrary<RemedySpecInput>>();
    expectTypeOf(worsenHarm).returns.toEqualTypeOf<ComplaintInput | undefined>();
  });

  it('narrows a harm change on its kind', () => {
    const change = {} as HarmChange;
    if (change.kind === 'daysLate') expectTypeOf(change.days).toBeNumber();
    if (change.kind === 'tone') expectTypeOf(change.steps).toBeNumber();
    expectTypeOf<HarmChangeKind>().toEqualTypeOf<
      'daysLate' | 'public' | 'reach' | 'repeat' | 'itemsAffected' | 'tone'
    >();
  });

  it('runs a property or all of them on a rule set, its JSON or a recommender', () => {
    expectTypeOf<RuleSet>().toExtend<FairnessSubject>();
    expectTypeOf<RuleSetInput>().toExtend<FairnessSubject>();
    expectTypeOf<{ ruleSet: RuleSet; recommend: () => Promise<Recommendation> }>().toExtend<FairnessTarget>();
    expectTypeOf(capsHold).returns.toEqualTypeOf<fc.IAsyncPropertyWithHooks<[ComplaintInput]>>();
    expectTypeOf(assertFair).returns.resolves.toEqualTypeOf<readonly FairnessResult[]>();
  });

  it('names the properties, and refuses a name it does not know', () => {
    expectTypeOf(FAIRNESS_PROPERTY_NAMES).items.toEqualTypeOf<FairnessPropertyName>();
    expectTypeOf<AssertFairOptions['properties']>().toEqualTypeOf<
      readonly FairnessPropertyName[] | undefined
    >();
    // @ts-expect-error not a fairness property
    ({ properties: ['kindness'] }) satisfies AssertFairOptions;
  });

  it('reports failures as data on FairnessError', () => {
    expectTypeOf<FairnessError['failures']>().toEqualTypeOf<readonly FairnessFailure[]>();
    expectTypeOf<FairnessFailure['passed']>().toEqualTypeOf<false>();
    expectTypeOf<FairnessFailure['complaint']>().toEqualTypeOf<ComplaintInput | undefined>();
    expectTypeOf(new FairnessError([], [], '')).toExtend<Error>();
  });
});
