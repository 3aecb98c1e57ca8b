import { describe, expect, it } from 'vitest';
import { Doubles } from '../../../src/cli/simulate/doubles';

describe('numbers written into a typed array that grows', () => {
  it('keeps every number written, in order, past the size guessed (growing more than once)', () => {
    const doubles = new Doubles(3);
    const values = Array.from({ length: 100 }, (_, i) => (i % 7 === 0 ? -1 : i * 1.25));
    for (const value of values) doubles.push(value);
    const written = doubles.written();
    expect([...written]).toEqual(values);
    expect(written.buffer.byteLength).toBeGreaterThanOrEqual(100 * 8);
  });

  it('answers the numbers over their buffer, which can be transferred whole', () => {
    const doubles = new Doubles(64);
    doubles.push(1.5);
    doubles.push(-0);
    const written = doubles.written();
    expect(written).toHaveLength(2);
    const { buffer } = structuredClone({ buffer: written.buffer }, { transfer: [written.buffer] });
    expect([...new Float64Array(buffer, 0, 2)]).toEqual([1.5, -0]);
    expect(new Doubles(0).written()).toHaveLength(0);
  });
});
