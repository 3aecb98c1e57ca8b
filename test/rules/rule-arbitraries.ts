import fc from 'fast-check';
import { FACT_NAMES, FACTS, type FactName, type Facts } from '../../src/facts/catalogue';
import type { Condition } from '../../src/rules/condition';
import { OPERAND_SHAPE, OPERATORS, operatorFits, type Scalar } from '../../src/rules/operators';

/**
 * Arbitraries for the differential test of the compiled evaluator against json-rules-engine: valid rule
 * sets (nested all/any/not, every operator a fact allows) and facts drawn from the same small pools, so
 * that equalities, list hits and boundaries actually occur.
 */

/** The next double above `x` (towards +∞), or below it with `down`: one float step away. */
export function floatStep(x: number, down = false): number {
  if (x === 0) return down ? -Number.MIN_VALUE : Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  // Away from zero is one more in the bit pattern, towards zero one less, whatever the sign.
  view.setBigInt64(0, bits + (x > 0 !== down ? 1n : -1n));
  return view.getFloat64(0);
}

/**
 * Numbers rules compare with (-0 is refused): boundaries of the default rules, zero, fractions, values a
 * float step apart (0.1 + 0.2 against 0.3), and very large ones (beyond 2^53, near the largest double).
 */
const NUMBERS = [
  0,
  1,
  2,
  2.5,
  3,
  6,
  7,
  19.99,
  20,
  49,
  50,
  51,
  74,
  75,
  100,
  -1,
  1e9,
  0.3,
  0.1 + 0.2,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  1e308,
  -1e308,
] as const;
/**
 * Strings for the free-text facts (currency, plan): ordinary ones, the empty string, digits, and
 * Unicode: accents composed and decomposed, Persian and Turkish letters, an emoji, a bidi control.
 */
const STRINGS = [
  'EUR',
  'USD',
  'none',
  'Plus',
  '',
  '5',
  '0',
  'true',
  'café',
  'cafe\u0301',
  'İstanbul',
  'ماهانه',
  '😀',
  '\u202eabc',
] as const;

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

function conditionTree(maxDepth: number): fc.Arbitrary<Condition> {
  return fc.letrec<{ node: Condition; group: Condition }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true, maxDepth }, leafArb, tie('group')),
    group: fc.oneof(
      { depthSize: 'small', maxDepth },
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  })).group;
}

/** A condition tree within the loader's depth limit (8 levels of groups). */
export const conditionArb: fc.Arbitrary<Condition> = conditionTree(7);

/** An equality-style leaf on a fact of few values: what the compiled evaluator indexes rules by. */
const guardLeafArb: fc.Arbitrary<Condition> = fc
  .constantFrom<FactName>(
    'category',
    'channel',
    'tone',
    'severityBand',
    'valueTier',
    'isPublic',
    'legalThreat',
  )
  .chain((fact) => {
    const values = pool(fact);
    const list = fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 });
    return fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(...values).map((value) => ({ fact, operator: 'equal', value })),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...values).map((value) => ({ fact, operator: 'notEqual', value })),
      },
      ...(FACTS[fact].type === 'boolean'
        ? []
        : [
            { weight: 2, arbitrary: list.map((value) => ({ fact, operator: 'in', value })) },
            { weight: 1, arbitrary: list.map((value) => ({ fact, operator: 'notIn', value })) },
          ]),
    ) as fc.Arbitrary<Condition>;
  });

/** Conditions shaped like an analyst's: a few equalities, then anything. */
const guardedConditionArb: fc.Arbitrary<Condition> = fc
  .tuple(
    fc.array(guardLeafArb, { minLength: 1, maxLength: 3 }),
    fc.option(conditionTree(5), { nil: undefined }),
  )
  .map(([guards, rest]) => ({ all: rest === undefined ? guards : [...guards, rest] }));

function ruleSetOf(conditions: fc.Arbitrary<Condition>, minLength: number, maxLength: number) {
  return fc
    .array(
      fc.record({
        priority: fc.constantFrom(1, 2, 3, 50, 100),
        // One rule in ten is disabled: it must be absent from the outcomes.
        disabled: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        conditions,
      }),
      { minLength, maxLength },
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
}

/** A valid rule-set document: 1–8 rules of any shape, clashing priorities, some disabled. */
export const ruleSetArb = ruleSetOf(conditionArb, 1, 8);

/** A larger rule set of analyst-shaped rules (5–60), for the index: most rules are guarded by equalities. */
export const guardedRuleSetArb = ruleSetOf(
  fc.oneof({ weight: 4, arbitrary: guardedConditionArb }, { weight: 1, arbitrary: conditionArb }),
  5,
  60,
);

/**
 * Values a fact should never hold, but which both engines must still treat alike: non-finite and
 * negative-zero numbers, numeric-looking strings, and values that are not scalars at all (null,
 * undefined, arrays, objects), as a caller of the evaluator could pass them.
 */
const LOOSE: readonly Scalar[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  '',
  '5',
  'abc',
  '20abc',
  ' 7',
  '1e3',
  true,
  5,
  null,
  undefined,
  [],
  [5],
  ['a'],
  {},
  { valueOf: 5 },
] as unknown as Scalar[];

function factValueArb(fact: FactName): fc.Arbitrary<Scalar> {
  const typed = fc.constantFrom(...pool(fact));
  const near =
    FACTS[fact].type === 'number'
      ? fc
          .constantFrom(...NUMBERS)
          .chain((n) => fc.constantFrom(n, floatStep(n), floatStep(n, true), n + 1e-9, n - 1e-9, n + 0.5))
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
