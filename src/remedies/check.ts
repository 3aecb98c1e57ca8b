import type { RemedyKind } from './context';

/**
 * Small pieces the remedies' fairness checks are written with; each returns the problems it found, in
 * the words the kit reports them in.
 */

/** Whether `n` is a whole number in [min, max]. */
export const isWhole = (n: number, min: number, max: number): boolean =>
  Number.isInteger(n) && n >= min && n <= max;

/** The problem when a remedy's kind is not the one the docs give it. */
export function kindProblems(actual: RemedyKind, expected: RemedyKind): string[] {
  return actual === expected ? [] : [`kind is ${actual}, expected ${expected}`];
}

/** The problem when a date field is not the instant the docs say it is. */
export function dateProblems(field: string, actual: string, expected: Date): string[] {
  return actual === expected.toISOString()
    ? []
    : [`${field} is ${actual}, expected ${expected.toISOString()}`];
}
