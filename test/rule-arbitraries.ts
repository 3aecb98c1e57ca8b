import fc from 'fast-check';
import { FACT_NAMES, FACTS, type FactName, type Facts } from '../src/facts';
import type { Condition } from '../src/rules/condition';
import { OPERAND_SHAPE, OPERATORS, operatorFits, type Scalar } from '../src/rules/operators';

/**
 * Arbitraries for the differential test of the compiled evaluator against json-rules-engine: valid rule
 * sets (nested all/any/not, every operator a fact allows) and facts drawn from the same small pools, so
 * that equalities, list hits and boundaries actually occur.
 */

/** Numbers rules compare with: boundaries of the default rules, zero of both signs, fractions, large values. */
const NUMBERS = [0, -0, 1, 2, 2.5, 3, 6, 7, 19.99, 20, 49, 50, 51, 74, 75, 100, -1, 1e9] as const;
/** Strings for the free-text facts (currency, plan): ordinary ones, the empty string, digits. */
const STRINGS = ['EUR', 'USD', 'none', 'Plus', '', '5', '0', 'true'] as const;

function pool(fact: FactName): readonly Scalar[] {
  const spec = FACTS[fact];
  switch (spec.type) {
    case 'number':
      return NUMBERS;
    case 'boolean':
      return [true, false];
    case 'string':
      return STRINGS;
    case 'enum':
      return spec.values;
  }
}

const leafArb: fc.Arbitrary<Condition> = fc.constantFrom(...FACT_NAMES).chain((fact) => {
  const values = pool(fact);
  const operators = OPERATORS.filter((op) => operatorFits(op, FACTS[fact]));
  return fc.constantFrom(...operators).chain((operator): fc.Arbitrary<Condition> => {
    const scalar = fc.constantFrom(...values);
    switch (OPERAND_SHAPE[operator]) {
      case 'scalar':
        return scalar.map((value) => ({ fact, operator, value }));
      case 'list':
        // Up to 12 values, so that both the scanned and the Set-backed lists are exercised.
        return fc.array(scalar, { minLength: 1, maxLength: 12 }).map((value) => ({ fact, operator, value }));
      case 'range':
        return fc
          .tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...NUMBERS))
          .map(([a, b]) => ({ fact, operator, value: a <= b ? [a, b] : [b, a] }));
    }
  });
});

/** A condition tree up to four levels deep. */
export const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition; group: Condition }>(
  (tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, tie('group')),
    group: fc.oneof(
      { depthSize: 'small' },
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  }),
).group;

/** A valid rule-set document: 1–8 rules, clashing priorities, some disabled. */
export const ruleSetArb = fc
  .array(
    fc.record({
      priority: fc.constantFrom(1, 2, 3, 50, 100),
      // One rule in ten is disabled: it must be absent from both engines' outcomes.
      disabled: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      conditions: conditionArb,
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((rules) => ({
    name: 'differential',
    version: '1',
    rules: rules.map((r, i) => ({
      name: `r${i}`,
      priority: r.priority,
      enabled: !r.disabled,
      conditions: r.conditions,
      remedies: [{ type: 'apology' }],
    })),
  }));

/** Values a fact should never hold, but which both engines must still treat alike. */
const LOOSE: readonly Scalar[] = [Number.NaN, Number.POSITIVE_INFINITY, '', '5', 'abc', '20abc', true, 5];

function factValueArb(fact: FactName): fc.Arbitrary<Scalar> {
  const typed = fc.constantFrom(...pool(fact));
  const near =
    FACTS[fact].type === 'number'
      ? fc.constantFrom(...NUMBERS).chain((n) => fc.constantFrom(n, n + 1e-9, n - 1e-9, n + 0.5))
      : typed;
  return fc.oneof(
    { weight: 12, arbitrary: typed },
    { weight: 4, arbitrary: near },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...LOOSE),
    },
  );
}

/** A facts record with every fact set: mostly well-typed values from the rules' pools, now and then not. */
export const factsArb: fc.Arbitrary<Facts> = fc.record(
  Object.fromEntries(FACT_NAMES.map((f) => [f, factValueArb(f)])) as Record<FactName, fc.Arbitrary<Scalar>>,
) as unknown as fc.Arbitrary<Facts>;
