import { describe, expect, it } from 'vitest';
import { caught, inOrder, pushOnto, setAt } from '../../../src/cli/simulate/in-order';

/**
 * A replay's decisions answer at once with the compiled evaluator and wait with any other: the steps
 * run in order either way, a step that waits holds back the ones after it, and a failure is caught
 * whether it was thrown or rejected.
 */
describe('steps in order, at once or waiting', () => {
  it('runs every step at once, without a promise, while none waits', () => {
    const seen: number[] = [];
    expect(inOrder(4, (i) => void seen.push(i))).toBeUndefined();
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('waits for a step that waits before starting the next, in order', async () => {
    const seen: string[] = [];
    const done = inOrder(4, (i) => {
      seen.push(`start ${i}`);
      if (i % 2 === 1)
        return new Promise<void>((resolve) => setTimeout(() => resolve(void seen.push(`end ${i}`)), 5));
    });
    expect(done).toBeInstanceOf(Promise);
    expect(seen).toEqual(['start 0', 'start 1']);
    await done;
    expect(seen).toEqual(['start 0', 'start 1', 'end 1', 'start 2', 'start 3', 'end 3']);
  });

  it('stops at a step that rejects', async () => {
    const seen: number[] = [];
    const done = inOrder(3, (i) => {
      seen.push(i);
      return i === 1 ? Promise.reject(new Error('no')) : undefined;
    });
    await expect(done).rejects.toThrow('no');
    expect(seen).toEqual([0, 1]);
  });

  it('pushes values at once, and promised ones once they settle', async () => {
    const list: number[] = [];
    expect(pushOnto(list, 1)).toBeUndefined();
    const later = pushOnto(list, Promise.resolve(2));
    expect(list).toEqual([1]);
    await later;
    expect(list).toEqual([1, 2]);
  });

  it('sets values in their place at once, and promised ones once they settle', async () => {
    const list: number[] = new Array(2);
    const later = setAt(list, 0, Promise.resolve(1));
    expect(setAt(list, 1, 2)).toBeUndefined();
    expect(list).toEqual([undefined, 2]);
    await later;
    expect(list).toEqual([1, 2]);
  });

  it('turns a throw or a rejection into the same answer, and passes values on at once', async () => {
    const onError = (error: unknown) => `failed: ${(error as Error).message}`;
    expect(caught(() => 1, onError)).toBe(1);
    expect(
      caught(() => {
        throw new Error('thrown');
      }, onError),
    ).toBe('failed: thrown');
    const waited = caught(() => Promise.resolve(2), onError);
    expect(waited).toBeInstanceOf(Promise);
    await expect(waited).resolves.toBe(2);
    await expect(caught(() => Promise.reject(new Error('rejected')), onError)).resolves.toBe(
      'failed: rejected',
    );
  });
});
