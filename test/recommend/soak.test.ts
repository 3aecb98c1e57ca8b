import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  type ComplaintInput,
  createRecommender,
  defaultRuleSet,
  isRecommendationError,
  loadRuleSet,
  type Recommendation,
  type Recommender,
} from '../../src/index';
import { RATES } from '../helpers';

/**
 * Load: thousands of concurrent `recommend` calls while the rule set is reloaded underneath them, as a
 * service does when an analyst publishes a new version. Every result must deep-equal the sequential
 * result for its complaint and rule-set version, and memory must come back to where it started.
 */

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const base = JSON.parse(JSON.stringify(defaultRuleSet)) as Record<string, unknown> & {
  policy: Record<string, unknown>;
  rules: Record<string, unknown>[];
};

/** Three versions that disagree: the default; "first" hit with other caps; half the rules off. */
const VERSIONS: string[] = [
  JSON.stringify({ ...base, version: 'v1' }),
  JSON.stringify({
    ...base,
    version: 'v2',
    policy: { ...base.policy, hit: 'first', maxTotalShareOfValue: 0.5, autoApproveMaxCost: 10 },
  }),
  JSON.stringify({
    ...base,
    version: 'v3',
    rules: base.rules.map((r, i) => ({ ...r, enabled: i % 2 === 0, priority: 1 + ((i * 7) % 90) })),
  }),
];

const scenarios: ComplaintInput[] = readFileSync(
  new URL('../fixtures/scenarios.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as ComplaintInput);

// Each scenario three ways: as written, angrier, and public; ids keep them apart.
const COMPLAINTS: ComplaintInput[] = scenarios.flatMap((c) => [
  c,
  { ...c, id: `${c.id}-angry`, tone: 'angry' },
  { ...c, id: `${c.id}-public`, exposure: { public: true, platform: 'X', reach: 20_000 } },
]);

/** Spread so that it type-checks whether or not this version offers a choice of engine. */
const REFERENCE = { engine: 'reference', exchangeRates: RATES } as const;

const ROUNDS = 10;
const CALLS_PER_ROUND = 200;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function sequentialExpectations(): Promise<Recommendation[][]> {
  const expected: Recommendation[][] = [];
  for (const text of VERSIONS) {
    const recommender = createRecommender({ ruleSet: loadRuleSet(text), exchangeRates: RATES });
    const results: Recommendation[] = [];
    for (const c of COMPLAINTS) results.push(await recommender.recommend(c));
    expected.push(results);
  }
  return expected;
}

describe('soak', () => {
  it('thousands of concurrent calls across rule-set reloads all equal the sequential results; memory returns to baseline', async () => {
    const expected = await sequentialExpectations();
    const expectedJson = expected.map((results) => results.map((r) => JSON.stringify(r)));
    // The versions really differ, or the comparison below could not tell them apart.
    expect(new Set(expected.map((v) => JSON.stringify(v.map((r) => r.remedies)))).size).toBe(VERSIONS.length);

    // A service keeps one recommender for its whole life and swaps another on every reload.
    // On json-rules-engine, whose engines are pooled: the pool must not keep what a burst needed.
    const steady = createRecommender({ ruleSet: loadRuleSet(VERSIONS[0] as string), ...REFERENCE });
    await steady.recommend(COMPLAINTS[0]);
    const baseline = heapAfterGc();

    let inFlight = 0;
    let maxInFlight = 0;
    let mismatches = 0;
    let checked = 0;
    const track = (version: number, index: number, promise: Promise<Recommendation>) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return promise.then((r) => {
        inFlight--;
        checked++;
        // Compared as it arrives and then dropped: the test itself keeps nothing alive.
        if (JSON.stringify(r) !== expectedJson[version]?.[index]) mismatches++;
      });
    };

    const pending: Promise<void>[] = [];
    let current: Recommender = steady;
    let currentVersion = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Reload: parse the published text again, as a service would; earlier calls are still running.
      currentVersion = round % VERSIONS.length;
      // On json-rules-engine too: its runs are truly asynchronous, so thousands are in flight at once
      // (the compiled evaluator finishes each call within a turn of the microtask queue).
      current = createRecommender({ ruleSet: loadRuleSet(VERSIONS[currentVersion] as string), ...REFERENCE });
      for (let i = 0; i < CALLS_PER_ROUND; i++) {
        const index = (round * CALLS_PER_ROUND + i) % COMPLAINTS.length;
        const useSteady = i % 5 === 0;
        const recommender = useSteady ? steady : current;
        pending.push(track(useSteady ? 0 : currentVersion, index, recommender.recommend(COMPLAINTS[index])));
      }
      // A batch through the same recommender, interleaved with the single calls.
      const batchVersion = currentVersion;
      pending.push(
        (async () => {
          let i = 0;
          for await (const r of current.recommendMany(COMPLAINTS, { concurrency: 32, link: false })) {
            checked++;
            if (isRecommendationError(r) || JSON.stringify(r) !== expectedJson[batchVersion]?.[i]) {
              mismatches++;
            }
            i++;
          }
        })(),
      );
      // One turn of the microtask queue: the calls so far are under way, none can have finished, and
      // the next reload lands in the middle of them.
      await Promise.resolve();
    }
    await Promise.all(pending);

    expect(checked).toBe(ROUNDS * (CALLS_PER_ROUND + COMPLAINTS.length));
    expect(mismatches).toBe(0);
    expect(maxInFlight).toBeGreaterThanOrEqual(ROUNDS * CALLS_PER_ROUND * 0.9);

    current = steady;
    pending.length = 0;
    // After settling, the heap is back near where it was: nothing held on to results, engines or rule
    // sets. The tolerance is generous against GC noise, and far below what the traffic allocated.
    const growth = heapAfterGc() - baseline;
    console.log(
      `soak: ${checked} results, at most ${maxInFlight} in flight, heap ${(growth / 1e6).toFixed(2)} MB over baseline`,
    );
    expect(growth).toBeLessThan(5 * 1024 * 1024);
    // The steady recommender still answers as it did before the storm.
    expect(await steady.recommend(COMPLAINTS[1])).toEqual(expected[0]?.[1]);
  });
});
