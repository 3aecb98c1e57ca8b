import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import {
  createRecommender,
  defaultRuleSet,
  isRedressError,
  loadRuleSet,
  type RuleSet,
} from '../../../src/index';
import { Pool } from '../../../src/rules/engine/pool';
import { referenceEvaluator } from '../../../src/rules/engine/reference';

/**
 * Defence in depth: validation refuses `path`, and even a rule set that got past validation cannot make
 * json-rules-engine evaluate JSONPath — the engine is built with a path resolver that refuses everything.
 */

const PAYLOAD = "$..[?(@.constructor.constructor('globalThis.__redressPwned = 1')())]";

/** A rule set that never went through `loadRuleSet`: what a bypassed validation would hand the engine. */
function forgedRuleSet(path: string): RuleSet {
  return {
    ...defaultRuleSet,
    rules: [
      {
        name: 'forged',
        priority: 1,
        enabled: true,
        conditions: { all: [{ fact: 'category', operator: 'equal', value: 'x', path }] },
        remedies: [{ type: 'apology', form: 'standard' }],
      },
    ],
  } as unknown as RuleSet;
}

// json-rules-engine only resolves a path against an object-valued fact; redress's facts are flat, so a
// forged run hands it one.
const facts = { category: { nested: 'x' } } as never;

describe('the reference engine', () => {
  it('refuses a condition path even when validation was bypassed, and evaluates none of it', async () => {
    const evaluator = referenceEvaluator(forgedRuleSet(PAYLOAD));
    await expect(Promise.resolve().then(() => evaluator.evaluate(facts))).rejects.toThrow(
      'condition paths are refused',
    );
    expect((globalThis as Record<string, unknown>).__redressPwned).toBeUndefined();
  });

  it('refuses even a harmless path, which json-rules-engine left to itself would resolve', async () => {
    const evaluator = referenceEvaluator(forgedRuleSet('$.nested'));
    await expect(Promise.resolve().then(() => evaluator.evaluate(facts))).rejects.toThrow(
      'condition paths are refused',
    );
    // The control: the same rule on a stock engine does evaluate the path (and so fires).
    const stock = new Engine([], { allowUndefinedFacts: false });
    stock.addRule({
      name: 'forged',
      conditions: { all: [{ fact: 'category', operator: 'equal', value: 'x', path: '$.nested' }] },
      event: { type: 'x' },
    });
    const { results } = await stock.run({ category: { nested: 'x' } });
    expect(results.map((r) => r.name)).toEqual(['forged']);
  });

  it('is never handed an unvalidated rule set through the public API', () => {
    let error: unknown;
    try {
      createRecommender({ ruleSet: forgedRuleSet(PAYLOAD) });
    } catch (e) {
      error = e;
    }
    expect(isRedressError(error)).toBe(true);
    expect((error as { issues: { code: string }[] }).issues[0]?.code).toBe('path_not_allowed');
  });

  it('runs a loaded rule set that cannot be changed afterwards (it is deeply frozen)', () => {
    const loaded = loadRuleSet(JSON.parse(JSON.stringify(defaultRuleSet)));
    const conditions = loaded.rules[0]?.conditions as unknown as { all: Record<string, unknown>[] };
    const leaf = conditions.all[0] as Record<string, unknown>;
    expect(() => {
      leaf.path = PAYLOAD;
    }).toThrow(TypeError);
    expect(() => {
      (loaded.rules as unknown[]).push({});
    }).toThrow(TypeError);
    expect(leaf.path).toBeUndefined();
  });
});

describe('the engine pool', () => {
  it('builds at most its maximum under a burst; the rest wait and are served in turn', async () => {
    let built = 0;
    const pool = new Pool(() => ({ id: built++ }), 3);
    const held = await Promise.all([pool.acquire(), pool.acquire(), pool.acquire()]);
    const waiting = [pool.acquire(), pool.acquire()];
    expect(pool.created).toBe(3);
    pool.release(held[0] as { id: number }, true);
    pool.release(held[1] as { id: number }, true);
    expect((await Promise.all(waiting)).map((e) => e.id)).toEqual([0, 1]);
    expect(built).toBe(3);
  });

  it('discards an object whose use failed and builds a fresh one for the next caller', async () => {
    let built = 0;
    const pool = new Pool(() => ({ id: built++ }), 1);
    const first = await pool.acquire();
    const next = pool.acquire();
    pool.release(first, false);
    expect((await next).id).toBe(1);
    expect(pool.created).toBe(1);
  });

  it('rejects a waiting caller, rather than leaving it hanging, when a replacement cannot be built', async () => {
    let calls = 0;
    const pool = new Pool(() => {
      calls++;
      if (calls > 1) throw new Error('cannot build');
      return {};
    }, 1);
    const first = await pool.acquire();
    const next = pool.acquire();
    pool.release(first, false);
    await expect(next).rejects.toThrow('cannot build');
  });

  it('keeps json-rules-engine to a bounded number of engines however many runs are in flight', async () => {
    const facts = (await createRecommender().recommend(validFactsComplaint())).trace.facts;
    const built: Engine[] = [];
    const original = Engine.prototype.addOperator;
    // Count engines as they are built (each adds its operators).
    Engine.prototype.addOperator = function (this: Engine, ...args: unknown[]) {
      built.push(this);
      return (original as (...a: unknown[]) => void).apply(this, args);
    } as Engine['addOperator'];
    try {
      const evaluator = referenceEvaluator(defaultRuleSet);
      await Promise.all(Array.from({ length: 200 }, () => evaluator.evaluate(facts)));
      expect(new Set(built).size).toBeGreaterThan(0);
      expect(new Set(built).size).toBeLessThanOrEqual(8);
    } finally {
      Engine.prototype.addOperator = original;
    }
  });
});

function validFactsComplaint() {
  return {
    id: 'c-1',
    receivedAt: '2026-03-10T09:30:00Z',
    channel: 'email',
    category: 'wrong_item',
    order: { id: 'o-1', total: 50, currency: 'EUR', placedAt: '2026-03-01' },
    customer: { id: 'u-1', since: '2025-01-01' },
  };
}
