import { describe, expect, it } from 'vitest';
import type { RawLine } from '../../../src/cli/line-reader';
import { RecordSource } from '../../../src/cli/simulate/record-source';

/** A text line of `text`, numbered `line`, of its UTF-8 size plus a line break. */
function raw(line: number, text: string): RawLine {
  return { line, bytes: Buffer.byteLength(text) + 1, text };
}

/** `batches` as an async iterator, as `readLineBatches` hands them over. */
async function* fromBatches(batches: readonly (readonly RawLine[])[]): AsyncGenerator<readonly RawLine[]> {
  for (const batch of batches) yield batch;
}

function source(batches: readonly (readonly RawLine[])[]): RecordSource {
  return new RecordSource(fromBatches(batches), 1000);
}

/** The texts of every record left, each awaited in turn. */
async function drain(records: RecordSource): Promise<string[]> {
  const texts: string[] = [];
  for (let line = await records.next(); line !== undefined; line = await records.next())
    texts.push(line.failure === undefined ? line.text : `!${line.failure.error.code}`);
  return texts;
}

describe('RecordSource', () => {
  it('loses no record when two next() calls overlap at a batch boundary', async () => {
    const records = source([[raw(1, 'a'), raw(2, 'b'), raw(3, 'c')], [raw(4, 'd')]]);
    const [first, second] = await Promise.all([records.next(), records.next()]);
    expect([first?.line, second?.line]).toEqual([1, 2]);
    expect(await drain(records)).toEqual(['c', 'd']);
  });

  it('queues overlapping calls over several batches, in order, then answers undefined to each', async () => {
    const records = source([[raw(1, 'a')], [], [raw(2, 'b')], [raw(3, 'c'), raw(4, 'd')]]);
    const lines = await Promise.all([1, 2, 3, 4, 5, 6].map(() => records.next()));
    expect(lines.map((line) => line?.line)).toEqual([1, 2, 3, 4, undefined, undefined]);
  });

  it('takes a record given back first, even when it was the last of its batch', async () => {
    const records = source([[raw(1, 'a'), raw(2, 'b')], [raw(3, 'c')]]);
    expect((await records.next())?.line).toBe(1);
    const last = await records.next();
    expect(last?.line).toBe(2);
    expect(records.take()).toBeUndefined();
    records.giveBack(last as NonNullable<typeof last>);
    expect(records.take()).toBe(last);
    expect(await drain(records)).toEqual(['c']);
  });

  it('gives a record back across a batch boundary: the next batch is read after it', async () => {
    const records = source([[raw(1, 'a')], [raw(2, 'b')]]);
    const first = await records.next();
    records.giveBack(first as NonNullable<typeof first>);
    expect(await drain(records)).toEqual(['a', 'b']);
  });

  it('carries blank lines’ bytes into the next batch’s first record', async () => {
    const records = source([
      [raw(1, 'a'), raw(2, ''), raw(3, '  ')],
      [raw(4, '\t'), raw(5, 'bb')],
    ]);
    const lines = [await records.next(), await records.next(), await records.next()];
    expect(lines.map((line) => [line?.line, line?.bytes])).toEqual([
      [1, 2],
      [5, 1 + 3 + 2 + 3],
      [undefined, undefined],
    ]);
  });

  it('numbers only decided lines and carries blank bytes into a failed one', async () => {
    const records = source([
      [raw(1, 'a'), raw(2, '')],
      [{ line: 3, bytes: 5000, problem: 'too_long' }, raw(4, 'b')],
    ]);
    const [a, failed, b] = [await records.next(), await records.next(), await records.next()];
    expect(a).toMatchObject({ line: 1, index: 0 });
    expect(failed).toMatchObject({ line: 3, bytes: 5001 });
    expect(failed?.failure?.error.code).toBe('LIMIT_EXCEEDED');
    expect(b).toMatchObject({ line: 4, index: 1, bytes: 2 });
  });
});
