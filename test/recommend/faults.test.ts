import { describe, expect, it, vi } from 'vitest';
import {
  createRecommender,
  isRecommendationError,
  isRedressError,
  loadRuleSet,
  type Recommendation,
  type RecommendationError,
  type RedressError,
} from '../../src/index';
import type { RuleEvaluator } from '../../src/rules/engine/evaluator';
import { validComplaint } from '../corpus/base';

/**
 * Faults inside redress — a comparison that throws inside json-rules-engine, an evaluator that throws
 * or rejects — cost the one complaint they hit an `INTERNAL` RedressError, never the batch, and never
 * the recommender: the next complaint is served as if nothing happened.
 */

const fault = vi.hoisted(() => ({
  /** A fact value at which the `between` comparison throws. */
  explodeAt: 666,
  /** What the evaluator does instead of evaluating, when set. */
  evaluator: undefined as undefined | 'throw' | 'reject' | 'throw-string',
}));

vi.mock('../../src/rules/operators', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/rules/operators')>();
  return {
    ...actual,
    compare: (...args: Parameters<typeof actual.compare>) => {
      if (args[0] === 'between' && args[1] === fault.explodeAt) throw new Error('operator exploded');
      return actual.compare(...args);
    },
  };
});

vi.mock('../../src/rules/engine/reference', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/rules/engine/reference')>();
  return {
    ...actual,
    referenceEvaluator: (ruleSet: Parameters<typeof actual.referenceEvaluator>[0]): RuleEvaluator => {
      const real = actual.referenceEvaluator(ruleSet);
      return {
        evaluate(facts) {
          switch (fault.evaluator) {
            case 'throw':
              throw new TypeError('evaluator bug');
            case 'reject':
              return Promise.reject(new RangeError('evaluator rejected'));
            case 'throw-string':
              // Not even an Error: some libraries throw strings.
              throw 'a bare string';
            default:
              return real.evaluate(facts);
          }
        },
      };
    },
  };
});

/**
 * json-rules-engine, where the operator runs. Spread so that it type-checks whether or not this
 * version of `createRecommender` offers a choice of engine.
 */
const REFERENCE = { engine: 'reference' } as const;

const ruleSet = loadRuleSet({
  name: 'faults',
  version: '1',
  rules: [
    {
      name: 'priced',
      priority: 10,
      conditions: { all: [{ fact: 'orderTotal', operator: 'between', value: [0, 10_000] }] },
      remedies: [{ type: 'gift', value: 5 }],
    },
  ],
});

function complaint(id: string, total: number) {
  const c = validComplaint() as Record<string, unknown>;
  return {
    ...c,
    id,
    order: {
      ...(c.order as object),
      total,
      items: [{ sku: 'S', quantity: 1, unitPrice: total }],
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<RedressError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(isRedressError(error), String(error)).toBe(true);
  return error as RedressError;
}

async function collect(
  iterable: AsyncIterable<Recommendation | RecommendationError>,
): Promise<(Recommendation | RecommendationError)[]> {
  const out = [];
  for await (const r of iterable) out.push(r);
  return out;
}

describe('a comparison that throws inside json-rules-engine', () => {
  it('is an INTERNAL RedressError for that complaint, with the original error as its cause', async () => {
    const recommender = createRecommender({ ruleSet, ...REFERENCE });
    const error = await rejection(recommender.recommend(complaint('c-bad', fault.explodeAt)));
    expect(error.code).toBe('INTERNAL');
    expect(error.issues[0]?.code).toBe('internal_error');
    expect(error.message).toContain('operator exploded');
    expect((error.cause as Error).message).toBe('operator exploded');
  });

  it('costs a batch only its own record: every other complaint is recommended, in order', async () => {
    const recommender = createRecommender({ ruleSet, ...REFERENCE });
    const inputs = [
      complaint('c-1', 10),
      complaint('c-2', fault.explodeAt),
      complaint('c-3', 20),
      complaint('c-4', fault.explodeAt),
      complaint('c-5', 30),
    ];
    const results = await collect(recommender.recommendMany(inputs, { concurrency: 2 }));
    expect(results.map((r) => (isRecommendationError(r) ? `error ${r.error.code}` : r.complaintId))).toEqual([
      'c-1',
      'error INTERNAL',
      'c-3',
      'error INTERNAL',
      'c-5',
    ]);
    const failed = results[1] as RecommendationError;
    expect(failed).toMatchObject({ index: 1, complaintId: 'c-2' });
    expect(failed.error.message).toContain('operator exploded');
  });

  it('leaves the recommender as good as new: many faults in flight, then every good complaint gets its answer', async () => {
    const recommender = createRecommender({ ruleSet, ...REFERENCE });
    const expected = await createRecommender({ ruleSet, ...REFERENCE }).recommend(complaint('c-ok', 42));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => recommender.recommend(complaint(`c-${i}`, fault.explodeAt))),
    );
    expect(outcomes.every((o) => o.status === 'rejected' && isRedressError(o.reason))).toBe(true);
    const after = await Promise.all(
      Array.from({ length: 20 }, () => recommender.recommend(complaint('c-ok', 42))),
    );
    for (const r of after) expect(r).toEqual(expected);
    expect(after[0]?.trace.fired.map((f) => f.name)).toEqual(['priced']);
  });
});

describe('an evaluator that fails', () => {
  it.each([
    ['throws synchronously', 'throw', 'evaluator bug'],
    ['rejects', 'reject', 'evaluator rejected'],
    ['throws a bare string', 'throw-string', 'a bare string'],
  ] as const)('%s: INTERNAL for that complaint, and the next call works', async (_name, mode, message) => {
    const recommender = createRecommender({ ruleSet, ...REFERENCE });
    fault.evaluator = mode;
    try {
      const error = await rejection(recommender.recommend(complaint('c-1', 10)));
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toContain(message);
      const [record] = await collect(recommender.recommendMany([complaint('c-2', 10)]));
      expect(record && isRecommendationError(record) ? record.error.code : undefined).toBe('INTERNAL');
    } finally {
      fault.evaluator = undefined;
    }
    const ok = await recommender.recommend(complaint('c-3', 10));
    expect(ok.complaintId).toBe('c-3');
  });

  it('does not turn bad input into INTERNAL: a RedressError passes through as it is', async () => {
    fault.evaluator = 'throw';
    try {
      const error = await rejection(createRecommender({ ruleSet, ...REFERENCE }).recommend({ id: 'x' }));
      expect(error.code).toBe('INVALID_COMPLAINT');
    } finally {
      fault.evaluator = undefined;
    }
  });
});
