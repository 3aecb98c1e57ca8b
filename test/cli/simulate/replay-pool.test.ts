import { describe, expect, it } from 'vitest';
import type { AheadSetup, ReplayAhead } from '../../../src/cli/simulate/replay-ahead';
import { ReplayWorkers } from '../../../src/cli/simulate/replay-pool';

/** Decides a chunk in this thread as a worker would; here each record's answer is its line number. */
const here = () =>
  ({
    chunk: async (records: readonly { line: number }[]) => records.map((r) => r.line),
  }) as unknown as ReplayAhead;

describe('a replay worker that stops', () => {
  it('has its chunk decided in this thread, and the caller hears of it once', async () => {
    const lost: string[] = [];
    const pool = new ReplayWorkers(
      new URL('../../fixtures/crashing-worker.mjs', import.meta.url),
      { sides: [], maxLineBytes: 1024, link: false } as unknown as AheadSetup,
      1,
      here,
      (why) => lost.push(why),
    );
    const records = [1, 2, 3].map((line) => ({ line, text: '{}' }));
    const answers = await pool.run(records as never);
    await pool.close();
    expect(answers).toEqual([1, 2, 3]);
    expect(lost).toEqual(['boom']);
  });
});
