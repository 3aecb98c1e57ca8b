import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { recommendLines } from '../../../src/cli/batch';
import { IncidentCollector } from '../../../src/cli/incident-collector';
import { readLineBatches, readLines } from '../../../src/cli/line-reader';
import { isLineError, type LineError, type LineResult } from '../../../src/cli/line-record';
import { packAhead } from '../../../src/cli/simulate/ahead-wire';
import { type ReplayOptions, replayChunks, replayLines } from '../../../src/cli/simulate/replay';
import { type AheadRecord, type AheadSetup, ReplayAhead } from '../../../src/cli/simulate/replay-ahead';
import type { AheadPool } from '../../../src/cli/simulate/replay-pool';
import { failedLine, ReplaySide } from '../../../src/cli/simulate/replay-side';
import {
  remediesOf,
  remediesText,
  SAME_FOR_CUSTOMER,
  sameForCustomer,
  type Tallied,
  tallied,
} from '../../../src/cli/simulate/tallied';
import { parseComplaint } from '../../../src/complaint/parse';
import { PREFERENCES } from '../../../src/complaint/schema';
import { toFacts } from '../../../src/facts/to-facts';
import { EntryReader } from '../../../src/incidents/reader';
import { createRecommender, loadRuleSet, type RecommenderOptions } from '../../../src/index';
import type { Judged } from '../../../src/recommend/pipeline';
import type { Factor, FactorCode } from '../../../src/scoring/score';
import { expectEqual } from '../../cheap-expect';
import { root } from '../run';

/**
 * The replay decides each line once for every rule set, without the words; what it yields must be
 * what recommending each line in full yields, less the words (rationale, message, alternatives): the same
 * remedies, costs, handling and cases, and the same error records for lines that fail, of every kind.
 */
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const examples = read('examples/complaints.jsonl').trimEnd().split('\n');
const scenarios = read('test/fixtures/scenarios.jsonl').trimEnd().split('\n');
const rules = ['examples/rules/proposed.json', 'examples/rules/current.json'].map((path) =>
  loadRuleSet(JSON.parse(read(path))),
);
const rates = JSON.parse(read('examples/rates.json')) as RecommenderOptions['exchangeRates'];
const MAX_LINE_BYTES = 4096;

const first = JSON.parse(examples[0] as string) as Record<string, unknown>;
const bad: (string | Buffer)[] = [
  'not json',
  '{"id":"dup","id":"dup"}', // a repeated key: JSON.parse takes it, the library does not
  '{"id":"  padded  ","channel":"email"}', // invalid, its id read back from the text
  JSON.stringify({ ...first, id: 'long', summary: 'x'.repeat(MAX_LINE_BYTES) }), // over --max-line-bytes
  Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // not UTF-8
  JSON.stringify({ ...first, id: 'far', receivedAt: '2126-03-01T09:24:00Z' }),
  JSON.stringify({ ...first, id: 'proto', __proto__x: 1, constructor: { prototype: {} } }),
  '   ',
  '[1,2,3]',
  JSON.stringify({ ...first, id: 'jpy', order: { ...(first.order as object), currency: 'JPY' } }),
];
// The first complaint's problem again, on other channels and angrier: linked to its case, topped up.
const again = JSON.stringify({
  ...first,
  id: 'again',
  channel: 'email',
  receivedAt: '2026-03-01T11:24:00+01:00',
});

const mixed: readonly (string | Buffer)[] = [
  examples[0] as string,
  again,
  ...examples.slice(1, 400),
  ...scenarios,
  ...bad,
  ...examples.slice(400, 600),
];

/** Examples with a stated preference, each of them in turn: the replay makes only the preferred set. */
const preferring = () =>
  examples.slice(0, 300).map((line, i) => {
    const complaint = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify({ ...complaint, preference: PREFERENCES[i % PREFERENCES.length] });
  });

function input(lines: readonly (string | Buffer)[] = mixed): Buffer {
  return Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l), Buffer.from('\n')])));
}

async function* chunks(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
}

/** What the summary reads of a full recommendation: what the replay must yield for it. */
const asTallied = (result: LineResult) => (isLineError(result) ? result : tallied(result));

type Result = Tallied | LineError;
interface Items {
  readonly results: readonly Result[];
}

const marked = (item: Items) =>
  item.results.length === 2 && item.results.every((r) => !isLineError(r) && r.remedies === SAME_FOR_CUSTOMER);
const readBack = (r: Result): Result =>
  isLineError(r) || r.remedies === SAME_FOR_CUSTOMER ? r : { ...r, remedies: remediesOf(r) };

/**
 * Items as a simulation reads them: each decision's remedies read back (`remediesOf`: a list, its text
 * from a worker, the same either way), and a pair the replay kept without its remedies as the same for
 * the customer (`SAME_FOR_CUSTOMER`) marked so in the full recommendations too, only when they are the
 * same for the customer: a pair marked wrongly shows as a difference.
 */
function asRead<T extends Items>(replayed: readonly T[], full: readonly T[]): [T[], T[]] {
  const fullRead = full.map((item, k) => {
    const [a, b] = item.results;
    const same =
      marked(replayed[k] ?? item) && a && b && !isLineError(a) && !isLineError(b) && sameForCustomer(a, b);
    const results = item.results.map((r) => (same ? { ...r, remedies: SAME_FOR_CUSTOMER } : readBack(r)));
    return { ...item, results };
  });
  return [replayed.map((item) => ({ ...item, results: item.results.map(readBack) })), fullRead];
}

/** What a test pool counts: chunks and records sent to it, and records the calling thread decided ahead itself. */
interface PoolCounts {
  chunks: number;
  records: number;
  here?: number;
}

/**
 * A pool that decides each chunk in this thread, as a worker does, answering after a delay chosen per
 * chunk; busy (as a worker with its queue full) while `busyAt` chunks or more wait for their answer.
 */
function scrambledPool(counts: PoolCounts, delay: (chunk: number) => number, busyAt = 4) {
  return (setup: AheadSetup): AheadPool => {
    const ahead = new ReplayAhead(setup);
    let pending = 0;
    return {
      size: 2,
      get busy() {
        return pending >= busyAt;
      },
      run: (records) => {
        const chunk = counts.chunks++;
        counts.records += records.length;
        pending += 1;
        // Packed and cloned as a worker's answer is, and left packed as the pool gives it: nothing
        // shared with this thread's objects, read back only in its turn.
        const crossed = (r: AheadRecord[]) => structuredClone(packAhead(r));
        return new Promise((resolve) =>
          setTimeout(async () => {
            pending -= 1;
            resolve(crossed(await ahead.chunk(records)));
          }, delay(chunk)),
        );
      },
      here: async (records) => {
        counts.here = (counts.here ?? 0) + records.length;
        return ahead.chunk(records);
      },
      close: async () => {},
    };
  };
}

async function both(
  link: boolean,
  pooled?: Pick<ReplayOptions, 'pool' | 'chunkSize' | 'workers' | 'keepAllRemedies'>,
  text: readonly (string | Buffer)[] = mixed,
  sides = rules.map((ruleSet) => ({ ruleSet, exchangeRates: rates })),
) {
  const lines = () => readLines(chunks(input(text)), { maxLineBytes: MAX_LINE_BYTES });
  const batches = () => readLineBatches(chunks(input(text)), { maxLineBytes: MAX_LINE_BYTES });
  const full = [];
  for await (const item of recommendLines(lines(), sides.map(createRecommender), MAX_LINE_BYTES, {
    concurrency: 1,
    ...(link ? {} : { link: false }),
  })) {
    full.push({ line: item.line, bytes: item.bytes, results: item.results.map(asTallied) });
  }
  const replayed = [];
  for await (const item of replayLines(batches(), { sides, maxLineBytes: MAX_LINE_BYTES, link, ...pooled })) {
    replayed.push({ line: item.line, bytes: item.bytes, results: item.results });
  }
  return { full, replayed, read: asRead(replayed, full) };
}

describe('the replay against recommending in full', () => {
  for (const link of [true, false]) {
    it(`yields the same decisions and errors line by line${link ? ', linked' : ' without linking'}`, async () => {
      const { full, read } = await both(link);
      expectEqual(...read);
      const errors = full.flatMap((item) => item.results.filter((r) => 'error' in r && 'line' in r));
      // Every kind of failing line is there, for both rule sets.
      expect(errors.length).toBeGreaterThanOrEqual(2 * 8);
      if (link) expect(full.some((item) => item.results.some((r) => 'saved' in r))).toBe(true);
    });
  }

  for (const link of [true, false]) {
    it(`yields the same in input order from a pool that answers chunks out of order${link ? ', linked' : ''}`, async () => {
      const counts = { chunks: 0, records: 0 };
      // Chunks of 1 to 7 records, answered in a scrambled order: read back in input order all the same.
      for (const chunkSize of [1, 7]) {
        const pool = scrambledPool(counts, (k) => (k * 7) % 5);
        const { read } = await both(link, { pool, chunkSize, workers: 2 });
        expectEqual(...read);
      }
      expect(counts.chunks).toBeGreaterThan(100);
    });
  }

  it("yields the same for complaints that state a preference: the customer's set as the first choice", async () => {
    const { full, read } = await both(true, undefined, preferring());
    expectEqual(...read);
    // The preference made the first choice for some of them (else this would test nothing new).
    const { full: unstated } = await both(true, undefined, examples.slice(0, 300));
    const remedies = (items: typeof full) =>
      items.map((item) => remediesText((item.results[0] as Tallied).remedies));
    const moved = remedies(full).filter((r, i) => r !== remedies(unstated)[i]).length;
    expect(moved).toBeGreaterThan(20);
  });

  it('decides a chunk ahead at once with the compiled rules: no promise per record and rule set', () => {
    const sides = rules.map((ruleSet) => ({ ruleSet, exchangeRates: rates }));
    const ahead = new ReplayAhead({ sides, maxLineBytes: MAX_LINE_BYTES, link: true, groupBy: 'cause' });
    const answers = ahead.chunk(examples.slice(0, 20).map((text, i) => ({ line: i + 1, index: i, text })));
    expect(Array.isArray(answers)).toBe(true);
    expect(answers).toHaveLength(20);
  });

  it('yields the same items a chunk at a time, each chunk in input order and at most a chunk long', async () => {
    const sides = rules.map((ruleSet) => ({ ruleSet, exchangeRates: rates }));
    const lines = () => readLineBatches(chunks(input()), { maxLineBytes: MAX_LINE_BYTES });
    for (const pooled of [
      { workers: 0 },
      { pool: scrambledPool({ chunks: 0, records: 0 }, () => 0), workers: 1 },
    ]) {
      const options = { sides, maxLineBytes: MAX_LINE_BYTES, link: true, chunkSize: 7, ...pooled };
      const one = [];
      for await (const item of replayLines(lines(), options)) one.push(item);
      const sizes: number[] = [];
      const chunked = [];
      for await (const items of replayChunks(lines(), options)) {
        sizes.push(items.length);
        chunked.push(...items);
      }
      // Decided on the pool or here as the timing falls: their remedies as a list or as text.
      expectEqual(...asRead(chunked, one));
      expect(Math.max(...sizes)).toBe(7);
      expect(sizes.length).toBeGreaterThan(50);
    }
  });

  it('decides chunks ahead itself while the oldest chunk out is unanswered, a bounded number', async () => {
    // A pool busy with one chunk, which it answers late: the calling thread would wait on it.
    const counts: PoolCounts = { chunks: 0, records: 0 };
    const sides = rules.map((ruleSet) => ({ ruleSet, exchangeRates: rates }));
    const lines = () => readLineBatches(chunks(input()), { maxLineBytes: MAX_LINE_BYTES });
    const options = { sides, maxLineBytes: MAX_LINE_BYTES, link: true, chunkSize: 7, workers: 1 };
    const pool = scrambledPool(counts, () => 20, 1);
    const replayed = [];
    let ahead = 0; // records decided ahead and not yet yielded, at most
    for await (const items of replayChunks(lines(), { ...options, pool })) {
      ahead = Math.max(ahead, counts.records + (counts.here ?? 0) - replayed.length);
      replayed.push(...items);
    }
    const { full } = await both(true);
    expectEqual(
      ...asRead(
        replayed.map(({ line, bytes, results }) => ({ line, bytes, results })),
        full,
      ),
    );
    expect(counts.here).toBeGreaterThan(0);
    // The window: 8 chunks per thread of the pool (2), of 7 records.
    expect(ahead).toBeLessThanOrEqual(2 * 8 * 7);
  });

  it('decides again, linked, a complaint whose case an earlier one in flight opened', async () => {
    // The first complaint and its repeat are in one chunk, decided ahead as the first of their case
    // each: the repeat's decision must not stand.
    const counts = { chunks: 0, records: 0 };
    const { replayed, read } = await both(true, {
      pool: scrambledPool(counts, () => 0),
      chunkSize: 64,
      workers: 1,
    });
    expectEqual(...read);
    const again = replayed[1]?.results[0] as Tallied;
    expect([again.complaintId, again.mode]).toEqual(['again', 'linked']);
  });
});

describe('the remedies of a pair decided ahead the same for the customer', () => {
  const pooled = (keepAllRemedies: boolean) => ({
    pool: scrambledPool({ chunks: 0, records: 0 }, () => 0),
    chunkSize: 16,
    workers: 1,
    keepAllRemedies,
  });

  it('are not kept (nothing reads them) unless asked for: the same decisions all the same', async () => {
    const { full, replayed, read } = await both(true, pooled(false));
    expectEqual(...read);
    // Most complaints change little between the two rule sets.
    expect(replayed.filter(marked).length).toBeGreaterThan(full.length / 4);
    const kept = await both(true, pooled(true));
    expectEqual(...kept.read);
    expect(kept.replayed.filter(marked)).toHaveLength(0);
  });

  it("are made again when the other rule set's decision is made again, linked to a case, and this one's not", async () => {
    // One rule set twice, the second linking nothing: every pair is the same ahead, and the repeat of
    // the first complaint is linked to its case under the first only, decided again in its turn.
    const proposed = JSON.parse(read('examples/rules/proposed.json'));
    const unlinked = loadRuleSet({ ...proposed, policy: { ...proposed.policy, caseWindowDays: 0 } });
    const sides = [loadRuleSet(proposed), unlinked].map((ruleSet) => ({ ruleSet, exchangeRates: rates }));
    const replay = await both(true, pooled(false), mixed.slice(0, 60), sides);
    expectEqual(...replay.read);
    const [linked, alone] = (replay.replayed[1] as Items).results as Tallied[];
    expect([linked?.complaintId, linked?.mode, alone?.mode]).toEqual(['again', 'linked', 'automatic']);
    expect(alone?.remedies).not.toBe(SAME_FOR_CUSTOMER);
    expect(replay.replayed.filter(marked).length).toBeGreaterThan(40);
  });
});

describe('a fault in a decision made again as it was ahead', () => {
  it("becomes that complaint's line error under its rule set: the replay goes on, no record lost", async () => {
    // As above: the repeat of the first complaint is decided again, linked, under the first rule set,
    // and its pair's decision made again as it was ahead, under the second; that one fails here.
    const proposed = JSON.parse(read('examples/rules/proposed.json'));
    const unlinked = loadRuleSet({ ...proposed, policy: { ...proposed.policy, caseWindowDays: 0 } });
    const sides = [loadRuleSet(proposed), unlinked].map((ruleSet) => ({ ruleSet, exchangeRates: rates }));
    const text = mixed.slice(0, 60);
    const pooled = { pool: scrambledPool({ chunks: 0, records: 0 }, () => 0), chunkSize: 16, workers: 1 };
    const clean = await both(true, pooled, text, sides);
    const fault = new Error('a fault in the decision made again');
    const decide = ReplaySide.prototype.decide;
    const faulty = vi.spyOn(ReplaySide.prototype, 'decide').mockImplementation(function (
      this: ReplaySide,
      ...args: Parameters<ReplaySide['decide']>
    ) {
      if (new Error().stack?.includes('remadeAhead')) throw fault;
      return decide.apply(this, args);
    });
    let faulted: Awaited<ReturnType<typeof both>>;
    try {
      faulted = await both(true, pooled, text, sides);
    } finally {
      faulty.mockRestore();
    }
    const repeat = { line: 2, index: 1, text: text[1] as string };
    const expected = clean.replayed.map((item, k) =>
      k === 1 ? { ...item, results: [item.results[0], failedLine(repeat, fault)] } : item,
    );
    expectEqual(faulted.replayed, expected);
    const linked = faulted.replayed[1]?.results[0] as Tallied | undefined;
    expect(linked?.mode).toBe('linked');
  });
});

describe('incident detection in a replay', () => {
  it('reads each validated complaint without checking its fields or its time again', async () => {
    const text = examples.slice(0, 200);
    const sides = rules.map((ruleSet) => ({ ruleSet, exchangeRates: rates }));
    const options = { window: '2h', baseline: '14d', minCount: 5, ratio: 3 } as const;
    const checked = vi.spyOn(EntryReader.prototype, 'read');
    const valid = vi.spyOn(EntryReader.prototype, 'readValid');
    const seen = [];
    try {
      const lines = readLineBatches(chunks(input(text)), { maxLineBytes: MAX_LINE_BYTES });
      const incidents = new IncidentCollector(options);
      for await (const item of replayLines(lines, {
        sides,
        maxLineBytes: MAX_LINE_BYTES,
        link: true,
        incidents,
      }))
        seen.push(item.seen);
      // Once per complaint, whatever the number of rule sets, and never the checking reader.
      expect([checked.mock.calls.length, valid.mock.calls.length]).toEqual([0, text.length]);
    } finally {
      checked.mockRestore();
      valid.mockRestore();
    }
    // The same entries as the checking reader makes of the same complaints.
    const reader = new IncidentCollector(options);
    expect(seen).toEqual(text.map((line, i) => reader.read(parseComplaint(line), i + 1)));
  });
});

describe('judging in a replay', () => {
  it("gives the scores and facts of a full recommendation, without the factors' reasons", async () => {
    const ruleSet = rules[0] as (typeof rules)[number];
    const side = new ReplaySide({ ruleSet, exchangeRates: rates });
    const unworded = <S extends { factors: readonly Factor<FactorCode>[] }>(score: S) => ({
      ...score,
      factors: score.factors.map((f) => ({ ...f, reason: '' })),
    });
    for (const line of examples.slice(0, 100)) {
      const complaint = parseComplaint(line);
      const judged: (Judged | undefined)[] = [];
      await side.decide({ complaint, key: complaint.id, at: 0 }, judged, 0, undefined);
      const { scored } = judged[0] as Judged;
      const full = toFacts(complaint, ruleSet.scoring, { currency: ruleSet.currency, exchangeRates: rates });
      expect(full.severity.factors.length).toBeGreaterThan(0);
      expect([scored.facts, scored.severity, scored.value]).toEqual([
        full.facts,
        unworded(full.severity),
        unworded(full.value),
      ]);
    }
  });
});
