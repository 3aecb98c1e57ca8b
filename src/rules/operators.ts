import type { FactSpec } from '../facts/catalogue';

/** A value a condition compares a fact with. */
export type Scalar = string | number | boolean;

/**
 * The operators a condition may use: json-rules-engine's comparison operators (with the same
 * semantics) plus `between`, the one custom operator, inclusive at both ends. `contains` and
 * `doesNotContain` are left out because every fact is a scalar: on strings they would silently do
 * substring matching.
 */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'between',
] as const;

/** A condition operator. */
export type Operator = (typeof OPERATORS)[number];

/** What the right-hand `value` of an operator must be. */
export type OperandShape = 'scalar' | 'list' | 'range';

/** The shape of `value` each operator takes. */
export const OPERAND_SHAPE: Readonly<Record<Operator, OperandShape>> = {
  equal: 'scalar',
  notEqual: 'scalar',
  lessThan: 'scalar',
  lessThanInclusive: 'scalar',
  greaterThan: 'scalar',
  greaterThanInclusive: 'scalar',
  in: 'list',
  notIn: 'list',
  between: 'range',
};

/** Operators that only make sense on numbers. */
const ORDERING: ReadonlySet<Operator> = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'between',
]);

/** Whether `operator` may be applied to a fact of this kind. */
export function operatorFits(operator: Operator, spec: FactSpec): boolean {
  if (spec.type === 'number') return true;
  if (spec.type === 'boolean') return operator === 'equal' || operator === 'notEqual';
  return !ORDERING.has(operator);
}

/**
 * json-rules-engine's guard on its numeric operators: a fact that does not parse as a number fails
 * the comparison instead of being coerced (`true < 5` would otherwise hold). Facts are numbers
 * whenever redress computes them; this keeps the engines identical for any value they are handed.
 */
export function isNumeric(fact: unknown): boolean {
  return typeof fact === 'number' ? !Number.isNaN(fact) : !Number.isNaN(Number.parseFloat(fact as string));
}

/**
 * Evaluates one comparison exactly as json-rules-engine 7 does for these operators (strict equality,
 * `indexOf` for lists, its number check on the ordering operators), so the compiled and reference
 * engines agree on every input. `between` is redress's own and follows the ordering operators.
 */
export function compare(operator: Operator, fact: Scalar, value: Scalar | readonly Scalar[]): boolean {
  switch (operator) {
    case 'equal':
      return fact === value;
    case 'notEqual':
      return fact !== value;
    case 'lessThan':
      return isNumeric(fact) && (fact as number) < (value as number);
    case 'lessThanInclusive':
      return isNumeric(fact) && (fact as number) <= (value as number);
    case 'greaterThan':
      return isNumeric(fact) && (fact as number) > (value as number);
    case 'greaterThanInclusive':
      return isNumeric(fact) && (fact as number) >= (value as number);
    case 'in':
      return (value as readonly Scalar[]).indexOf(fact) > -1;
    case 'notIn':
      return (value as readonly Scalar[]).indexOf(fact) === -1;
    case 'between': {
      const [low, high] = value as readonly number[];
      return isNumeric(fact) && (fact as number) >= (low as number) && (fact as number) <= (high as number);
    }
  }
}
