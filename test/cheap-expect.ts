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
