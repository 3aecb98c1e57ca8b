import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK, BlockColumn } from '../../src/incidents/block-column';
import { BlockTexts, TEXT_BLOCK } from '../../src/incidents/block-texts';
import { EntryColumns } from '../../src/incidents/entry-columns';
import type { IncidentCause } from '../../src/policy/incident-mark';
import { expectIs } from '../cheap-expect';
import { fcParams } from '../seed';

// The incident columns grow a block at a time: a replay of a million complaints kept them in arrays
// that doubled, room for 1,048,576 and the old copy while they grew, and peaked there.

describe('a column that grows a block at a time', () => {
  it('gives back every value set, past its first block and its first size', () => {
    const column = new BlockColumn(Float64Array);
    const n = 2 * BLOCK + 17;
    for (let k = 0; k < n; k++) column.set(k, k * 1.5);
    for (let k = 0; k < n; k++) expectIs(column.get(k), k * 1.5);
    // Three blocks, no more: what it holds and the rest of its last block.
    expect(column.byteLength).toBe(3 * BLOCK * 8);
  });
});

describe('texts in blocks of bytes', () => {
  it('reads back any texts, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 300 }), (texts) => {
        const blocks = new BlockTexts();
        for (const t of texts) blocks.add(t);
        expect(blocks.length).toBe(texts.length);
        expect(texts.map((_, k) => blocks.text(k))).toEqual(texts);
      }),
      fcParams(200),
    );
  });

  it('reads back texts that run from one block into the next, in characters of one to four bytes', () => {
    const letters = ['a', 'é', '日', '😀', 'ş', 'ی'];
    const texts = Array.from({ length: 30_000 }, (_, i) =>
      Array.from({ length: 1 + (i % 128) }, (_, j) => letters[(i + j) % letters.length]).join(''),
    );
    const blocks = new BlockTexts();
    for (const t of texts) blocks.add(t);
    let start = 0;
    let across = 0;
    for (const [k, t] of texts.entries()) {
      const end = start + Buffer.byteLength(t);
      if (Math.floor(start / TEXT_BLOCK) !== Math.floor((end - 1) / TEXT_BLOCK)) across++;
      expectIs(blocks.text(k), t);
      start = end;
    }
    // The texts take several blocks, and some of them start in one and end in the next.
    expect(start).toBeGreaterThan(3 * TEXT_BLOCK);
    expect(across).toBeGreaterThanOrEqual(3);
  });
});

describe('the incident columns of many complaints', () => {
  it('take their bytes and at most a block’s room more, not room for twice as many', () => {
    const cause = { key: 'damaged_item' } as IncidentCause;
    const columns = new EntryColumns();
    const n = 600_000;
    let idBytes = 0;
    for (let k = 0; k < n; k++) {
      const id = `c-${k}`;
      idBytes += id.length;
      columns.add({ id, time: k * 1_000, cause, isPublic: k % 7 === 0 });
    }
    expect(columns.entry(599_999)).toMatchObject({ id: 'c-599999', time: 599_999_000, isPublic: false });
    // Time (8 bytes), cause (4), public (1), the id's end (4) and its bytes; a block of each to spare.
    const spare = BLOCK * (8 + 4 + 1 + 4) + TEXT_BLOCK;
    expect(columns.byteLength).toBeLessThanOrEqual(n * 17 + idBytes + spare);
  });
});
