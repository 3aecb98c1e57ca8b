import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortStable } from '../../src/incidents/stable-sort';
import { fcParams } from '../seed';

describe('sortStable', () => {
  it('orders as the stable Array#sort does, equal keys kept in their order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 400 }), (keys) => {
        // Items are indexes into keys: many equal keys, whose indexes must stay in order.
        const items = Uint32Array.from(keys, (_, i) => i);
        const compare = (a: number, b: number) => (keys[a] as number) - (keys[b] as number);
        const expected = [...items].sort(compare);
        sortStable(items, compare);
        expect([...items]).toEqual(expected);
      }),
      fcParams(300),
    );
  });

  it('sorts a long array across many merge widths', () => {
    const n = 100_003;
    const keys = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1009);
    const items = Uint32Array.from({ length: n }, (_, i) => i);
    sortStable(items, (a, b) => (keys[a] as number) - (keys[b] as number));
    for (let i = 1; i < n; i++) {
      const [a, b] = [items[i - 1] as number, items[i] as number];
      const ordered = (keys[a] as number) < (keys[b] as number) || (keys[a] === keys[b] && a < b);
      if (!ordered) expect({ i, a, b }).toBe('in order');
    }
  });
});
