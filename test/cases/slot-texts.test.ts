import { describe, expect, it } from 'vitest';
import { hashBytes, keyBytes, SlotTexts, utf8 } from '../../src/cases/slot-texts';

const encoded = (text: string) => [...new TextEncoder().encode(text)];

describe('keyBytes', () => {
  it("gives each key its own bytes and hash, asked for in turn, again, and after other texts' encoding", () => {
    const keys = [
      '["u-1","order","o-1"]',
      'ünïcödé',
      'x'.repeat(1000),
      '["u-1","order","o-1"]',
      'a',
      'a',
      '',
    ];
    for (const key of keys) {
      utf8('something else in the shared buffer');
      const { bytes, hash } = keyBytes(key);
      expect([...bytes]).toEqual(encoded(key));
      expect(hash).toBe(hashBytes(new TextEncoder().encode(key)));
    }
  });
});

describe('SlotTexts', () => {
  it('keeps every live text through compactions, whatever order the slots were written in', () => {
    const texts = new SlotTexts();
    texts.resize(300);
    const held = new Map<number, string>();
    // Slots written in a scrambled order, rewritten and freed, past several compactions of the buffer.
    for (let round = 0; round < 40; round++) {
      for (let k = 0; k < 300; k++) {
        const slot = (k * 7 + round * 13) % 300;
        if ((k + round) % 5 === 0) {
          texts.free(slot);
          held.delete(slot);
        } else {
          const text = `case-${round}-${slot}-${'y'.repeat((k * round) % 40)}`;
          texts.set(slot, utf8(text));
          held.set(slot, text);
        }
      }
    }
    for (const [slot, text] of held) expect(texts.text(slot)).toBe(text);
  });

  it('refuses more slots than a text start and a slot can be sorted by as one exact number', () => {
    const texts = new SlotTexts();
    expect(() => texts.resize(2 ** 22 + 1)).toThrow(RangeError);
    texts.resize(2 ** 22);
    texts.set(2 ** 22 - 1, utf8('the last slot'));
    expect(texts.text(2 ** 22 - 1)).toBe('the last slot');
  });
});
