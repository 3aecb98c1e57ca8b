import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_SLOT, SlotIndex } from '../../src/cases/slot-index';
import { SlotTexts, utf8 } from '../../src/cases/slot-texts';
import { fcParams } from '../seed';

describe('the slot index: an open-addressing table of slots', () => {
  it('finds every key held and none removed, whatever collides (property, 300 runs)', () => {
    // Hashes from a handful of values around the end of the table (512 positions), so that keys pile
    // up in runs that wrap around: every removal has entries after it to shift back, or not.
    const op = fc.record({ key: fc.integer({ min: 0, max: 40 }), add: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const keys = new SlotTexts();
        const index = new SlotIndex(keys);
        keys.resize(64);
        index.resize(64, []);
        const hashOf = (key: number): number => 508 + (key % 7); // 508…514: wraps past 511
        const held = new Map<number, number>(); // key → slot
        const freeSlots = Array.from({ length: 64 }, (_, i) => i);
        for (const { key, add } of ops) {
          const bytes = utf8(`key-${key}`);
          const slot = index.find(bytes, hashOf(key));
          expect(slot).toBe(held.get(key) ?? NO_SLOT);
          if (add && slot === NO_SLOT) {
            const free = freeSlots.pop() as number;
            keys.set(free, bytes);
            index.add(free, hashOf(key));
            held.set(key, free);
          } else if (!add && slot !== NO_SLOT) {
            index.remove(slot);
            keys.free(slot);
            freeSlots.push(slot);
            held.delete(key);
          }
        }
        for (const [key, slot] of held) expect(index.find(utf8(`key-${key}`), hashOf(key))).toBe(slot);
      }),
      fcParams(300),
    );
  });

  it('tells two keys with one hash apart by their bytes', () => {
    const keys = new SlotTexts();
    const index = new SlotIndex(keys);
    keys.resize(2);
    index.resize(2, []);
    keys.set(0, utf8('a'));
    index.add(0, 7);
    expect(index.find(utf8('b'), 7)).toBe(NO_SLOT);
    keys.set(1, utf8('b'));
    index.add(1, 7);
    expect(index.find(utf8('b'), 7)).toBe(1);
    expect(index.find(utf8('a'), 7)).toBe(0);
  });
});

describe('slot texts: short texts per slot in one byte buffer', () => {
  it('keep every text as it was set through many compactions, any script', () => {
    const texts = new SlotTexts();
    texts.resize(100);
    const expected: string[] = [];
    for (let round = 0; round < 2_000; round++) {
      const slot = (round * 37) % 100;
      const text = `${['çay', 'چای', '🍵', 'tea'][round % 4]}-${round}`.repeat(1 + (round % 5));
      texts.set(slot, utf8(text));
      expected[slot] = text;
      if (round % 3 === 0) {
        texts.free((slot + 50) % 100);
        expected[(slot + 50) % 100] = '';
      }
    }
    for (let slot = 0; slot < 100; slot++) {
      const text = expected[slot] ?? '';
      if (text !== '') expect(texts.text(slot)).toBe(text);
      expect(texts.equals(slot, utf8(text))).toBe(text !== '');
    }
    // The buffer holds the live texts and room, not every text ever written (about 60 KB).
    expect(texts.byteLength).toBeLessThan(16_384);
  });

  it('moves texts together within the buffer in the order they lie in it, not in slot order', () => {
    const texts = new SlotTexts();
    texts.resize(10);
    const text = (slot: number): string => String(slot).repeat(400);
    // Written from the last slot to the first: slot 9's text lies first in the buffer, slot 0's last.
    for (let slot = 9; slot >= 0; slot--) texts.set(slot, utf8(text(slot)));
    for (let slot = 1; slot <= 8; slot++) texts.free(slot);
    const before = texts.byteLength;
    texts.set(5, utf8(text(5))); // the buffer is full: the three texts left move down within it
    expect(texts.byteLength).toBe(before);
    for (const slot of [0, 5, 9]) expect(texts.text(slot)).toBe(text(slot));
  });
});
