import { describe, expect, it } from 'vitest';
import { settle, thenOf } from '../src/result';

describe('thenOf', () => {
  it('applies the next step at once to a value, and after it settles to a promise', async () => {
    const seen: string[] = [];
    const now = thenOf(2, (n) => {
      seen.push('now');
      return n * 10;
    });
    expect(now).toBe(20);
    expect(seen).toEqual(['now']);
    const later = thenOf(Promise.resolve(3), (n) => n * 10);
    expect(later).toBeInstanceOf(Promise);
    await expect(later).resolves.toBe(30);
  });
});

describe('settle', () => {
  const wrap = (error: unknown) => new Error(`wrapped: ${(error as Error).message}`);

  it('resolves to the value, whether it is given at once or promised', async () => {
    await expect(settle(() => 1)).resolves.toBe(1);
    await expect(settle(() => Promise.resolve(2))).resolves.toBe(2);
  });

  it('rejects, never throws, when the step throws, with the reason as asError makes it', async () => {
    const thrown = () => {
      throw new Error('boom');
    };
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = settle(thrown);
    }).not.toThrow();
    await expect(promise).rejects.toThrow('boom');
    await expect(settle(thrown, wrap)).rejects.toThrow('wrapped: boom');
  });

  it('maps a rejected promise’s reason with asError, and leaves it as it is without', async () => {
    const rejected = () => Promise.reject(new Error('late'));
    await expect(settle(rejected, wrap)).rejects.toThrow('wrapped: late');
    await expect(settle(rejected)).rejects.toThrow('late');
  });
});
