import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';

// Assertions for loops of thousands (differential property tests): the same assertion as vitest's
// matcher, with the matcher run only when the values differ. Each `expect(…)` call updates vitest's
// matcher state and runs its equality with custom testers; in the engine tests, tens of thousands of
// them were a fifth to a quarter of the file's CPU (profiled).

/**
 * `expect(actual).toStrictEqual(expected)`, after Node's `isDeepStrictEqual`: values it finds equal
 * (same prototypes, same own keys, `undefined` properties included, `Object.is` for primitives) pass
 * `toStrictEqual` too; any difference is handed to `toStrictEqual`, which fails with its usual diff.
 */
export function expectStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toStrictEqual(expected);
}

/** `expect(actual).toBe(expected)`, with the matcher run only when `Object.is` says they differ. */
export function expectIs(actual: unknown, expected: unknown, message?: string): void {
  if (!Object.is(actual, expected)) expect(actual, message).toBe(expected);
}

/**
 * `expect(actual).toEqual(expected)`, after Node's `isDeepStrictEqual`: strictly equal values are equal
 * (`toEqual` is the looser of the two), and any difference goes to `toEqual`, which passes or fails as
 * it always does.
 */
export function expectEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toEqual(expected);
}

/**
 * `expect(list).toEqual([])` for the problem lists of the checkers in test/ (sendable.ts, the caps):
 * an empty array passes without the matcher; anything else fails with the matcher's usual message.
 */
export function expectNone(list: readonly unknown[], message?: string): void {
  if (!(Array.isArray(list) && list.length === 0)) expect(list, message).toEqual([]);
}

// The order matchers, for numbers: each passes exactly when the comparison holds (NaN fails both), and
// hands any failure to the matcher for its usual message.

/** `expect(actual).toBeLessThanOrEqual(bound)`, the matcher only when `actual <= bound` fails. */
export function expectAtMost(actual: number, bound: number, message?: string): void {
  if (!(actual <= bound)) expect(actual, message).toBeLessThanOrEqual(bound);
}

/** `expect(actual).toBeLessThan(bound)`, the matcher only when `actual < bound` fails. */
export function expectBelow(actual: number, bound: number, message?: string): void {
  if (!(actual < bound)) expect(actual, message).toBeLessThan(bound);
}

/** `expect(actual).toBeGreaterThanOrEqual(bound)`, the matcher only when `actual >= bound` fails. */
export function expectAtLeast(actual: number, bound: number, message?: string): void {
  if (!(actual >= bound)) expect(actual, message).toBeGreaterThanOrEqual(bound);
}

/** `expect(actual).toBeGreaterThan(bound)`, the matcher only when `actual > bound` fails. */
export function expectAbove(actual: number, bound: number, message?: string): void {
  if (!(actual > bound)) expect(actual, message).toBeGreaterThan(bound);
}

/** `expect(actual).toBeDefined()`, the matcher only when `actual` is undefined. */
export function expectDefined(actual: unknown, message?: string): void {
  if (actual === undefined) expect(actual, message).toBeDefined();
}
