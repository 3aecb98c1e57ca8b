import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRecommender,
  isRecommendationError,
  isRedressError,
  loadRuleSet,
  parseComplaint,
  type RedressError,
  safeParseComplaint,
} from '../../src/index';
import { expectEqual, expectIs } from '../cheap-expect';
import { validComplaint, validRuleSet } from '../corpus/base';
import type { Case } from '../corpus/cases';
import { complaintCases, complaintPayloadCases } from '../corpus/complaints';
import { ruleSetCases, ruleSetPayloadCases } from '../corpus/rulesets';

/**
 * The bad-input corpus (test/corpus): every case gets exactly its error code, issue code and path, or is
 * accepted as inert data. Afterwards nothing outside redress has changed: no prototype, no global.
 */

type Snapshot = Map<PropertyKey, PropertyDescriptor | undefined>;

function snapshot(target: object): Snapshot {
  return new Map(Reflect.ownKeys(target).map((k) => [k, Reflect.getOwnPropertyDescriptor(target, k)]));
}

const PROTOTYPES = {
  'Object.prototype': Object.prototype,
  'Array.prototype': Array.prototype,
  'Function.prototype': Function.prototype,
  'String.prototype': String.prototype,
  'Number.prototype': Number.prototype,
  'Promise.prototype': Promise.prototype,
  'Error.prototype': Error.prototype,
  JSON: JSON,
  Object: Object,
} as const;

const before = new Map<string, Snapshot>();
beforeAll(() => {
  before.set('globalThis', snapshot(globalThis));
  for (const [name, target] of Object.entries(PROTOTYPES)) before.set(name, snapshot(target));
});

function expectError(error: unknown, c: Exclude<Case, { code: 'OK' }>): void {
  expectIs(isRedressError(error), true, `expected a RedressError, got ${String(error)}`);
  const e = error as RedressError;
  expectEqual(
    { code: e.code, issue: e.issues[0]?.code, path: e.path },
    { code: c.code, issue: c.issue, path: c.path },
  );
  expectIs(e.pointer, e.issues[0]?.pointer);
}

const recommender = createRecommender();
const ruleSetRecommender = createRecommender({ ruleSet: loadRuleSet(validRuleSet()) });

describe('the corpus base inputs', () => {
  it('are valid, so every case tests only what it changes', async () => {
    expect(safeParseComplaint(validComplaint()).ok).toBe(true);
    const rec = await ruleSetRecommender.recommend(validComplaint());
    expect(rec.trace.fired.map((f) => f.name)).toEqual(['wrong-item', 'late']);
  });
});

describe('complaints', () => {
  it.each(complaintCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const options = c.limits ? { limits: c.limits } : {};
    const input = c.input();
    const result = safeParseComplaint(input, options);
    if (c.code === 'OK') {
      expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (!result.ok) expectError(result.error, c);
    expect(() => parseComplaint(input, options)).toThrow(/./);
    // The recommender refuses it the same way, as a rejected promise rather than a throw.
    const rejected = await createRecommender(options)
      .recommend(input)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expectError(rejected, c);
  });

  it.each(complaintPayloadCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const input = c.input();
    if (c.code === 'OK') {
      const rec = await recommender.recommend(input);
      expectEqual(JSON.parse(JSON.stringify(rec)), rec);
      return;
    }
    expectError(
      await recommender.recommend(input).then(
        () => undefined,
        (error: unknown) => error,
      ),
      c,
    );
  });

  // JSON text is checked in place (JSON.parse's value is fresh), values are copied: the same refusals.
  it.each([
    ['a prototype key', '"__proto__":{"x":1},"constructor":2'],
    ['a lone surrogate', '"note":"\\ud800"'],
    ['a number JSON.parse reads as Infinity', '"n":1e400'],
    ['-0', '"n":-0'],
    ['nesting past the limit', `"deep":${'['.repeat(70)}${']'.repeat(70)}`],
    ['a string past the limit', `"long":"${'x'.repeat(20_000)}"`],
  ])('refuses %s in JSON text as it refuses the parsed value', (_name, attributes) => {
    const valid = JSON.stringify(validComplaint());
    // Inside the customer's own attributes: a second "attributes" key would be refused as a duplicate
    // in the text and not in the value, and hide what is being compared.
    const text = valid.replace(/"attributes":\{/, `"attributes":{${attributes},`);
    expect(text).not.toBe(valid);
    const fromText = safeParseComplaint(text);
    const fromValue = safeParseComplaint(JSON.parse(text));
    expect(fromText.ok).toBe(false);
    expect(fromValue.ok).toBe(false);
    if (fromText.ok || fromValue.ok) return;
    expect(fromText.error.issues).toEqual(fromValue.error.issues);
    expect(fromText.error.code).toBe(fromValue.error.code);
  });

  it('a batch of the whole corpus yields one record per input, in order, each with its error', async () => {
    const cases = complaintCases.filter((c) => c.limits === undefined);
    const results = [];
    for await (const r of recommender.recommendMany(
      cases.map((c) => c.input()),
      { concurrency: 8 },
    )) {
      results.push(r);
    }
    expect(results).toHaveLength(cases.length);
    results.forEach((r, i) => {
      const c = cases[i] as Case;
      if (c.code === 'OK') {
        expect(isRecommendationError(r), c.name).toBe(false);
      } else {
        expect(isRecommendationError(r), c.name).toBe(true);
        if (isRecommendationError(r)) {
          expect({ index: r.index, code: r.error.code, path: r.error.path }, c.name).toEqual({
            index: i,
            code: c.code,
            path: c.path,
          });
        }
      }
    });
  });
});

describe('rule sets', () => {
  it.each([...ruleSetCases, ...ruleSetPayloadCases].map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const options = c.limits ? { limits: c.limits } : {};
      const input = c.input();
      if (c.code === 'OK') {
        const r = createRecommender({ ruleSet: loadRuleSet(input, options) });
        const rec = await r.recommend(validComplaint());
        expectEqual(JSON.parse(JSON.stringify(rec)), rec);
        return;
      }
      let thrown: unknown;
      try {
        loadRuleSet(input, options);
      } catch (error) {
        thrown = error;
      }
      expectError(thrown, c);
    },
  );
});

// Declared last: vitest runs a file's tests in order, so this sees the state the whole corpus left.
describe('after the whole corpus', () => {
  it('Object.prototype, the other built-in prototypes and every global are as they were', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((globalThis as Record<string, unknown>).__redressPwned).toBeUndefined();
    expect(snapshot(globalThis)).toEqual(before.get('globalThis'));
    for (const [name, target] of Object.entries(PROTOTYPES)) {
      expect(snapshot(target), name).toEqual(before.get(name));
    }
  });
});
