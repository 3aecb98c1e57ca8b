import { describe, expect, it } from 'vitest';
import { createIncidentDetector, detectIncidents } from '../../src/incidents/index';
import { isRedressError } from '../../src/index';

// Issue 13, finding 12: detectIncidents threw plain Errors on a throwing getter or a Proxy, and
// applied no input limits. It now has recommend's boundary: RedressError, the limits, the walk.
const complaint = (extra: Record<string, unknown> = {}) => ({
  id: 'c-1',
  receivedAt: '2026-03-10T09:00:00Z',
  category: 'wrong_item',
  order: { items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 59.9 }] },
  ...extra,
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(isRedressError(error), String(error)).toBe(true);
    return error as {
      code: string;
      issues: readonly { code: string; path: readonly unknown[]; message: string }[];
    };
  }
  throw new Error('expected a refusal');
};

const withGetter = () => {
  const c = complaint();
  Object.defineProperty(c, 'category', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  return c;
};
const proxy = () =>
  new Proxy(complaint(), {
    get() {
      throw new Error('trap');
    },
    ownKeys() {
      throw new Error('trap');
    },
  });

describe('detectIncidents at its boundary', () => {
  it.each([
    ['a throwing getter', withGetter],
    ['a Proxy whose traps throw', proxy],
  ])('refuses %s with INVALID_COMPLAINT at the complaint’s position, never a plain Error', (_name, make) => {
    for (const run of [
      () => detectIncidents([complaint({ id: 'ok' }), make()]),
      () => createIncidentDetector().push(make()),
    ]) {
      const error = refusal(run);
      expect(error.code).toBe('INVALID_COMPLAINT');
      expect(error.issues[0]?.code).toBe('unreadable');
    }
    expect(refusal(() => detectIncidents([complaint({ id: 'ok' }), make()])).issues[0]?.path).toEqual([1]);
  });

  it('applies the limits: a 50 MB id is refused by its size before anything reads it', () => {
    const error = refusal(() => detectIncidents([complaint({ id: 'x'.repeat(50 * 2 ** 20) })]));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.issues[0]?.code).toBe('string_too_long');
    expect(error.issues[0]?.path).toEqual([0, 'id']);
  });

  it('applies limits passed in its options, as parseComplaint does', () => {
    const error = refusal(() =>
      detectIncidents([complaint({ summary: 'x'.repeat(100) })], { limits: { maxStringLength: 50 } }),
    );
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.issues[0]?.code).toBe('string_too_long');
  });

  it.each([
    [
      'quantity: NaN',
      { order: { items: [{ sku: 'S', quantity: Number.NaN, unitPrice: 1 }] } },
      'non_finite_number',
    ],
    ['a prototype key', JSON.parse('{"order": {"__proto__": {"items": []}}}'), 'forbidden_key'],
    ['a Date for receivedAt', { receivedAt: new Date('2026-03-10T09:00:00Z') }, 'not_json'],
  ])('refuses %s as parseComplaint does', (_name, extra, code) => {
    const error = refusal(() => detectIncidents([complaint(extra)]));
    expect(error.issues[0]?.code).toBe(code);
  });

  it('still reads valid complaints, and the detector after a refusal', () => {
    const detector = createIncidentDetector({ minCount: 2, baseline: 0 });
    refusal(() => detector.push(proxy()));
    expect(detector.push(complaint())).toEqual([]);
    expect(detectIncidents([complaint()])).toEqual([]);
  });

  it('refuses a push after finish with a RedressError naming the fix', () => {
    const detector = createIncidentDetector();
    detector.finish();
    const error = refusal(() => detector.push(complaint()));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues[0]?.message).toMatch(/create a new detector/);
  });
});
