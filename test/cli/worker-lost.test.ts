import { describe, expect, it } from 'vitest';
import { recommendLines } from '../../src/cli/batch';
import { readLines } from '../../src/cli/line-reader';
import { workerLostNotice } from '../../src/cli/worker-lost';
import type { Recommender } from '../../src/index';
import { memoryInput, memoryOutput } from './run-in-process';

// A worker thread that stops under `redress recommend` or `simulate` loses nothing (test/batch/
// worker-pool.test.ts), but the run is slower for it: stderr says so, once a thread, with the reason.

describe('the notice of a stopped worker thread', () => {
  it('names the command, the reason and that the output is unchanged', () => {
    const stderr = memoryOutput();
    workerLostNotice(
      { stderr } as never,
      'recommend',
      'recommended',
    )('Worker terminated due to reaching memory limit');
    expect(stderr.text()).toBe(
      'redress recommend: a worker thread stopped (Worker terminated due to reaching memory limit); its lines are recommended in this thread instead, so the output is the same, only slower\n',
    );
  });

  it("reaches each recommender's batch from the line batch's options", async () => {
    const heard: unknown[] = [];
    const recommender = {
      async *recommendMany(inputs: AsyncIterable<unknown>, options: { onWorkerLost?: unknown }) {
        heard.push(options.onWorkerLost);
        for await (const _ of inputs)
          yield { index: 0, complaintId: null, error: { code: 'X', message: '', path: [], pointer: '' } };
      },
    } as unknown as Recommender;
    const onWorkerLost = (_why: string) => undefined;
    const lines = readLines(memoryInput('{"id":"a"}\n{"id":"b"}\n'), { maxLineBytes: 1024 });
    let items = 0;
    for await (const _ of recommendLines(lines, [recommender, recommender], 1024, { onWorkerLost })) items++;
    expect(items).toBe(2);
    expect(heard).toEqual([onWorkerLost, onWorkerLost]);
  });
});
