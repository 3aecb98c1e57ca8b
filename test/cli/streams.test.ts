import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isBlank, type RawLine, readLineBatches, readLines } from '../../src/cli/line-reader';
import { prepareResume, RecordFile } from '../../src/cli/resume';
import { tee } from '../../src/cli/tee';
import { collect } from '../helpers';
import { fcParams } from '../seed';
import { tempDir } from './run';

// The streaming parts of the command, on their own: how bytes become lines, how one sequence feeds two
// consumers, and how an interrupted output file is found and repaired.

async function* chunked(bytes: Buffer, cuts: readonly number[]): AsyncGenerator<Buffer> {
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

describe('readLines', () => {
  it('yields the same numbered lines however the bytes are split into chunks', async () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[\r\n]/.test(s));
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 30 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (lines, crlf, rawCuts) => {
          const text = lines.map((l) => `${l}${crlf ? '\r\n' : '\n'}`).join('');
          const bytes = Buffer.from(text);
          const cuts = rawCuts.map((c) => c % (bytes.length + 1)); // may split a character's bytes
          const got = await collect(readLines(chunked(bytes, cuts), { maxLineBytes: 1000 }));
          // A byte order mark at the start of a line is not part of it.
          const unmarked = (l: string) => (l.startsWith('\ufeff') ? l.slice(1) : l);
          expect(got).toEqual(
            lines.map((l, i) => ({
              line: i + 1,
              text: unmarked(l),
              bytes: Buffer.byteLength(l) + (crlf ? 2 : 1),
            })),
          );
        },
      ),
      fcParams(300),
    );
  });

  it('reports a line over the limit by size without keeping it, and goes on', async () => {
    const bytes = Buffer.from(`short\n${'x'.repeat(5000)}\nafter`);
    const got = await collect(readLines(chunked(bytes, [10, 100, 3000]), { maxLineBytes: 100 }));
    expect(got).toEqual<RawLine[]>([
      { line: 1, bytes: 6, text: 'short' },
      { line: 2, bytes: 5001, problem: 'too_long' },
      { line: 3, bytes: 5, text: 'after' },
    ]);
  });

  it('drops a byte order mark at the start of a line only, and flags bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('\ufeffa\n\ufeffb\nc\ufeff\n'),
      Buffer.from([0xc3, 0x28, 0x0a]),
    ]);
    const got = await collect(readLines(chunked(bytes, [1, 6]), { maxLineBytes: 100 }));
    expect(got).toEqual<RawLine[]>([
      { line: 1, bytes: 5, text: 'a' },
      { line: 2, bytes: 5, text: 'b' },
      { line: 3, bytes: 5, text: 'c\ufeff' },
      { line: 4, bytes: 3, problem: 'invalid_utf8' },
    ]);
  });

  it('stops after lastLine, or as soon as lastLine is known to be too long', async () => {
    const bytes = Buffer.from('a\nb\nc\n');
    const two = await collect(readLines(chunked(bytes, [3]), { maxLineBytes: 100, lastLine: 2 }));
    expect(two.map((l) => l.line)).toEqual([1, 2]);
    let pulled = 0;
    async function* endless() {
      yield Buffer.from('a\n');
      for (;;) {
        pulled += 1;
        yield Buffer.alloc(64, 0x20);
      }
    }
    const long = await collect(readLines(endless(), { maxLineBytes: 100, lastLine: 2 }));
    expect(long).toEqual<RawLine[]>([
      { line: 1, bytes: 2, text: 'a' },
      { line: 2, bytes: 128, problem: 'too_long' },
    ]);
    expect(pulled).toBe(2);
  });

  it('counts as blank only lines of JSON whitespace', () => {
    for (const blank of ['', ' ', '\t \r']) expect(isBlank(blank)).toBe(true);
    for (const other of ['\u00a0', '\u2028', '\u3000', '\ufeff', ' x ']) expect(isBlank(other)).toBe(false);
  });

  it('gives every line its size, so that the sizes add up to the input', async () => {
    const input = Buffer.from('a\r\n\nbb\nccc');
    const got = await collect(readLines(chunked(input, [2, 4]), { maxLineBytes: 9 }));
    expect(got.map((l) => l.bytes)).toEqual([3, 1, 3, 3]);
    expect(got.reduce((n, l) => n + l.bytes, 0)).toBe(input.length);
  });
});

describe('readLineBatches', () => {
  /** The lines of `bytes` read one by one, each decoded on its own: what the batches must hold. */
  function expected(bytes: Buffer, maxLineBytes: number): RawLine[] {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const parts: Buffer[] = [];
    for (let start = 0; start < bytes.length; ) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline + 1;
      parts.push(bytes.subarray(start, end));
      start = end;
    }
    return parts.map((part, i): RawLine => {
      const line = i + 1;
      const content = part.at(-1) === 0x0a ? part.subarray(0, -1) : part;
      if (content.length > maxLineBytes) return { line, bytes: part.length, problem: 'too_long' };
      const unbroken = content.at(-1) === 0x0d ? content.subarray(0, -1) : content;
      try {
        const text = decoder.decode(unbroken);
        return { line, bytes: part.length, text: text.startsWith('\ufeff') ? text.slice(1) : text };
      } catch {
        return { line, bytes: part.length, problem: 'invalid_utf8' };
      }
    });
  }

  it('yields the lines each chunk ends together, as reading them one by one would, good bytes or bad', async () => {
    // Lines of text in several scripts, bytes that are not UTF-8 (alone, or a character cut short),
    // byte order marks and carriage returns, some over the limit; chunks cut anywhere, inside a
    // character too: the lines checked a chunk at a time must be the lines decoded one at a time.
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => Buffer.from(s.replace(/\n/g, ' '))),
      fc.constantFrom(...['\ufeff', '\r', 'ğüş', 'گزارش', '\u{1f600}'].map((s) => Buffer.from(s))),
      fc.constantFrom(
        Buffer.from([0xff]),
        Buffer.from([0xc3]),
        Buffer.from([0xe2, 0x82]),
        Buffer.from([0x80]),
      ),
    );
    const line = fc.array(piece, { maxLength: 6 }).map((pieces) => Buffer.concat(pieces));
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 30 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (lines, ended, rawCuts) => {
          const joined = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
          const bytes = ended ? joined : joined.subarray(0, Math.max(0, joined.length - 1));
          const cuts = rawCuts.map((c) => c % (bytes.length + 1));
          const batches = await collect(readLineBatches(chunked(bytes, cuts), { maxLineBytes: 40 }));
          expect(batches.flat()).toEqual(expected(bytes, 40));
          // One batch a chunk at most (and one more for a last line without a newline).
          expect(batches.length).toBeLessThanOrEqual(cuts.length + 2);
          expect(batches.every((b) => b.length > 0)).toBe(true);
        },
      ),
      fcParams(300),
    );
  });

  it('gives a chunk of many lines as one batch', async () => {
    const bytes = Buffer.from('a\nb\r\nc\nd');
    const batches = await collect(readLineBatches(chunked(bytes, [6]), { maxLineBytes: 10 }));
    expect(batches.map((b) => b.map((l) => ('text' in l ? l.text : l.problem)))).toEqual([
      ['a', 'b'],
      ['c'],
      ['d'],
    ]);
  });
});

describe('tee', () => {
  it('gives every branch every item in order, whichever branch pulls first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer(), { maxLength: 50 }),
        fc.array(fc.boolean()),
        async (items, turns) => {
          async function* source() {
            yield* items;
          }
          const [a, b] = tee(source()[Symbol.asyncIterator](), 2).map((x) => x[Symbol.asyncIterator]());
          const got: [number[], number[]] = [[], []];
          let done = [false, false];
          for (let i = 0; !done.every(Boolean); i++) {
            const which = turns.length > 0 && turns[i % turns.length] ? 1 : 0;
            const side = done[which] ? 1 - which : which;
            const next = await (side === 0 ? a : b)?.next();
            if (next?.done) done = done.map((d, j) => d || j === side);
            else got[side as 0 | 1].push(next?.value as number);
          }
          expect(got).toEqual([items, items]);
        },
      ),
      fcParams(200),
    );
  });

  it('passes an error of the source to the branches', async () => {
    async function* failing() {
      yield 1;
      throw new Error('source failed');
    }
    const [a] = tee(failing()[Symbol.asyncIterator](), 2);
    await expect(collect(a as AsyncIterable<number>)).rejects.toThrow('source failed');
  });
});

describe('prepareResume', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('counts complete lines and cuts off an incomplete tail', () => {
    const file = join(tmp.dir, 'out.jsonl');
    const long = `{"n":${'9'.repeat(70_000)}}`; // the last complete line spans read chunks
    writeFileSync(file, `{"n":1}\n${long}\n{"n":3, "cut`);
    const point = prepareResume({ cwd: tmp.dir }, file);
    expect(point.records).toBe(2);
    expect(point.droppedBytes).toBe('{"n":3, "cut'.length);
    expect(readFileSync(file, 'utf8') === `{"n":1}\n${long}\n`).toBe(true);
    // Then its records are read back one by one, a line spanning read chunks whole.
    const records = new RecordFile({ cwd: tmp.dir }, file);
    expect(records.peek()).toBe('{"n":1}');
    expect(records.next()).toBe('{"n":1}');
    expect(records.next() === long).toBe(true); // (not toBe: a failure would print 70 kB)
    expect(records.line).toBe(2);
    expect(records.next()).toBeUndefined();
    records.close();
  });

  it('treats a missing or empty file as nothing done', () => {
    const file = join(tmp.dir, 'new.jsonl');
    expect(prepareResume({ cwd: tmp.dir }, file)).toEqual({
      records: 0,
      droppedBytes: 0,
    });
    writeFileSync(file, 'no newline yet');
    expect(prepareResume({ cwd: tmp.dir }, file)).toEqual({
      records: 0,
      droppedBytes: 14,
    });
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
