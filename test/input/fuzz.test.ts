import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRecommender,
  defaultRuleSet,
  isRedressError,
  loadRuleSet,
  type Recommendation,
  safeParseComplaint,
} from '../../src/index';
import { type Json, validComplaint, validRuleSet } from '../corpus/base';
import { RCE_PAYLOADS } from '../corpus/cases';
import { scenarioValues } from '../helpers';
import { fcParams } from '../seed';

/**
 * Fuzzing: whatever goes in — arbitrary values, arbitrary JSON text, valid complaints and rule sets with
 * random damage — the only outcomes are a valid result or a RedressError. Never another exception, a
 * hang or a crash.
 */

const scenarios = scenarioValues() as Json[];

const recommender = createRecommender();

/** Anything a JavaScript caller could pass, hostile keys and exotic objects included. */
const anything = fc.anything({
  key: fc.oneof(
    fc.string(),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'order', 'rules'),
  ),
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** JSON text, valid or nearly so. */
const jsonText = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.string({ unit: 'binary' }),
  fc.json({ maxDepth: 3 }).map((t) => t.slice(0, Math.max(0, t.length - 1))),
);

/** Values a mutation may write: JSON, the numbers JSON cannot carry, strings that attack. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1,
    1e308,
    0.1 + 0.2,
    '',
    ' ',
    '2026-02-30',
    '9999-12-31T00:00:00Z',
    '2026-03-10T09:30:00',
    'XYZ',
    '\uD800',
    'x'.repeat(70_000),
    ...RCE_PAYLOADS,
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

type Mutation = {
  readonly at: number;
  readonly op: 'set' | 'delete' | 'rename' | 'wrap' | 'garble';
  readonly value: unknown;
  readonly variant: number;
};

/** Small, plausible damage to a string: what a mangled integration does to a currency or a date. */
const GARBLES: readonly ((s: string) => string)[] = [
  (s) => s.toLowerCase(),
  (s) => `€${s.slice(1)}`,
  (s) => s.slice(0, -1),
  (s) => `${s} `,
  (s) => s.replace(/\d/, '9'),
  (s) => `${s}\uD800`,
];

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('set', 'delete', 'rename', 'wrap', 'garble') as fc.Arbitrary<Mutation['op']>,
  value: hostileValue,
  variant: fc.nat(),
});

// Single mutations as often as several: one problem alone gets past the field checks to the checks
// that relate fields, where several at once would stop at the first.
const mutations = fc.oneof(
  mutation.map((m) => [m]),
  fc.array(mutation, { minLength: 2, maxLength: 4 }),
);

/** Every (container, key) pair in a value, the root's parent included as `[holder, 'root']`. */
function slots(root: Record<string, unknown>): [Record<string | number, unknown>, string | number][] {
  const out: [Record<string | number, unknown>, string | number][] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      const k = Array.isArray(node) ? Number(key) : key;
      out.push([node as Record<string | number, unknown>, k]);
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return out;
}

/** Applies mutations to a copy of `value`: the damage an integration bug or an attacker does. */
function mutate(value: Json, list: readonly Mutation[]): unknown {
  const holder = { root: structuredClone(value) } as Record<string, unknown>;
  for (const m of list) {
    const all = slots(holder);
    if (all.length === 0) break;
    const [container, key] = all[m.at % all.length] as [Record<string | number, unknown>, string | number];
    switch (m.op) {
      case 'set':
        container[key] = m.value;
        break;
      case 'delete':
        delete container[key];
        break;
      case 'rename':
        if (!Array.isArray(container)) {
          Object.defineProperty(container, typeof m.value === 'string' ? m.value : '__proto__', {
            value: container[key],
            enumerable: true,
            writable: true,
            configurable: true,
          });
          delete container[key];
        }
        break;
      case 'wrap':
        container[key] = [container[key]];
        break;
      case 'garble': {
        const current = container[key];
        const garble = GARBLES[m.variant % GARBLES.length] as (s: string) => string;
        if (typeof current === 'string') container[key] = garble(current);
        else if (typeof current === 'number') container[key] = -current;
        break;
      }
    }
  }
  return holder.root;
}

function isValidRecommendation(r: Recommendation): boolean {
  return (
    Number.isFinite(r.totalCost) &&
    r.totalCost >= 0 &&
    r.remedies.every((x) => Number.isFinite(x.estimatedCost) && x.estimatedCost >= 0) &&
    JSON.stringify(JSON.parse(JSON.stringify(r))) === JSON.stringify(r)
  );
}

async function outcomeOf(promise: Promise<Recommendation>): Promise<'ok' | 'refused'> {
  try {
    const r = await promise;
    expect(isValidRecommendation(r)).toBe(true);
    return 'ok';
  } catch (error) {
    expectRefusal(error);
    return 'refused';
  }
}

/**
 * A refusal of bad input: a RedressError, and not INTERNAL — with no fault injected, INTERNAL would
 * mean redress tripped over the input instead of refusing it.
 */
function expectRefusal(error: unknown): void {
  if (!isRedressError(error)) throw error;
  expect(error.code, error.message).not.toBe('INTERNAL');
}

function loadOutcome(input: unknown): 'ok' | 'refused' {
  try {
    loadRuleSet(input);
    return 'ok';
  } catch (error) {
    expectRefusal(error);
    return 'refused';
  }
}

describe('fuzzing safeParseComplaint, loadRuleSet and recommend', () => {
  it('arbitrary values: a result or a RedressError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(anything, async (value) => {
        const parsed = safeParseComplaint(value);
        if (!parsed.ok) expectRefusal(parsed.error);
        loadOutcome(value);
        await outcomeOf(recommender.recommend(value));
      }),
      fcParams(400),
    );
  });

  it('arbitrary JSON text: a result or a RedressError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(jsonText, async (text) => {
        const parsed = safeParseComplaint(text);
        if (!parsed.ok) expectRefusal(parsed.error);
        loadOutcome(text);
        await outcomeOf(recommender.recommend(text));
      }),
      fcParams(300),
    );
  });

  it('damaged complaints: a valid recommendation or a RedressError, as a value and as JSON text', async () => {
    const bases = [validComplaint(), ...scenarios];
    const seen = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutations, async (pick, list) => {
        const damaged = mutate(bases[pick % bases.length] as Json, list);
        const parsed = safeParseComplaint(damaged);
        if (!parsed.ok) expectRefusal(parsed.error);
        seen[await outcomeOf(recommender.recommend(damaged))]++;
        let text: string | undefined;
        try {
          text = JSON.stringify(damaged);
        } catch {
          // A bigint or a cycle has no JSON text; the value itself was the test.
        }
        if (text !== undefined) await outcomeOf(recommender.recommend(text));
      }),
      fcParams(400),
    );
    // The damage is sometimes harmless and sometimes not: both paths were exercised.
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('damaged rule sets: a working rule set or a RedressError; a working one recommends or refuses cleanly', async () => {
    const bases = [validRuleSet(), JSON.parse(JSON.stringify(defaultRuleSet)) as Json];
    const complaints = [validComplaint(), ...scenarios.slice(0, 5)];
    const seen = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutations, async (pick, list) => {
        const damaged = mutate(bases[pick % bases.length] as Json, list);
        let ruleSet: ReturnType<typeof loadRuleSet>;
        try {
          ruleSet = loadRuleSet(damaged);
        } catch (error) {
          expectRefusal(error);
          seen.refused++;
          return;
        }
        seen.ok++;
        const r = createRecommender({ ruleSet });
        for (const c of complaints) expect(await outcomeOf(r.recommend(c))).toBe('ok');
      }),
      fcParams(250),
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });
});
