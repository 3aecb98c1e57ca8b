import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createRecommender,
  defaultLimits,
  isRedressError,
  LIMIT_CODES,
  type Limits,
  limits,
  lineTooLong,
  loadRuleSet,
  RedressError,
  safeParseComplaint,
} from '../../src/index';
import { countStrings, findDuplicateKey } from '../../src/input/json-text';
import { LIMIT_NAMES, resolveLimits } from '../../src/input/limits';
import { cleanStrings, readUntrusted, toPlainJson } from '../../src/input/plain-json';
import { expectEqual, expectIs } from '../cheap-expect';
import { type Json, objectPaths, validComplaint, validRuleSet, withValue } from '../corpus/base';
import { textWithDuplicate } from '../corpus/cases';
import { thrown } from '../helpers';
import { fcParams } from '../seed';

const utf8 = (text: string) => new TextEncoder().encode(text).length;

afterEach(() => {
  vi.restoreAllMocks();
});

function complaintError(input: unknown, overrides: Partial<Limits>): RedressError | undefined {
  const result = safeParseComplaint(input, { limits: overrides });
  return result.ok ? undefined : result.error;
}

function ruleSetError(input: unknown, overrides: Partial<Limits>): RedressError | undefined {
  try {
    loadRuleSet(input, { limits: overrides });
    return undefined;
  } catch (error) {
    if (isRedressError(error)) return error;
    throw error;
  }
}

function longestString(value: Json): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return Math.max(0, ...value.map(longestString));
  if (value === null || typeof value !== 'object') return 0;
  return Math.max(0, ...Object.entries(value).map(([k, v]) => Math.max(k.length, longestString(v))));
}

const complaintWithItems = (n: number) =>
  withValue(
    validComplaint(),
    ['order', 'items'],
    // Free lines, so that the order's total still covers them (order.total ≥ the sum of the lines).
    Array.from({ length: n }, (_, i) => ({ sku: `S${i}`, quantity: 1, unitPrice: 0 })),
  );

/**
 * Each limit, probed at its boundary with a lowered value: `at` uses exactly `max` of the resource and
 * passes; `over` uses one more and fails with the limit's own code at `path`.
 */
const probes: {
  readonly limit: keyof Limits;
  readonly max: number;
  readonly check: (input: unknown, overrides: Partial<Limits>) => RedressError | undefined;
  readonly at: unknown;
  readonly over: unknown;
  readonly path: readonly (string | number)[];
}[] = [
  {
    limit: 'maxComplaintBytes',
    max: utf8(JSON.stringify(validComplaint())),
    check: complaintError,
    at: JSON.stringify(validComplaint()),
    over: `${JSON.stringify(validComplaint())} `,
    path: [],
  },
  {
    limit: 'maxRuleSetBytes',
    max: utf8(JSON.stringify(validRuleSet())),
    check: ruleSetError,
    at: JSON.stringify(validRuleSet()),
    over: ` ${JSON.stringify(validRuleSet())}`,
    path: [],
  },
  {
    // A complaint is 4 levels deep at most (complaint → order → items → item); without the line items
    // and prior complaints it is 3.
    limit: 'maxDepth',
    max: 3,
    check: complaintError,
    at: withValue(withValue(validComplaint(), ['order', 'items'], []), ['customer', 'priorComplaints'], []),
    over: validComplaint(),
    path: ['order', 'items', 0],
  },
  {
    limit: 'maxStringLength',
    max: longestString(validComplaint()),
    check: complaintError,
    at: validComplaint(),
    over: withValue(validComplaint(), ['summary'], 'x'.repeat(longestString(validComplaint()) + 1)),
    path: ['summary'],
  },
  {
    limit: 'maxArrayLength',
    max: 3,
    check: complaintError,
    at: complaintWithItems(3),
    over: complaintWithItems(4),
    path: ['order', 'items'],
  },
  {
    limit: 'maxRules',
    max: 2,
    check: ruleSetError,
    at: validRuleSet(),
    over: withValue(validRuleSet(), ['rules', 2], {
      ...((validRuleSet().rules as Json[])[1] as object),
      name: 'x',
    }),
    path: ['rules'],
  },
  {
    // The first rule has three leaves: category, channel, orderTotal.
    limit: 'maxConditionsPerRule',
    max: 3,
    check: ruleSetError,
    at: validRuleSet(),
    over: withValue(validRuleSet(), ['rules', 0, 'conditions', 'all', 2], {
      fact: 'tone',
      operator: 'equal',
      value: 'calm',
    }),
    path: ['rules', 0, 'conditions'],
  },
  {
    // all → any → not: three levels.
    limit: 'maxConditionDepth',
    max: 3,
    check: ruleSetError,
    at: validRuleSet(),
    over: withValue(validRuleSet(), ['rules', 0, 'conditions', 'all', 1, 'any', 1, 'not'], {
      not: { fact: 'orderTotal', operator: 'between', value: [0, 10] },
    }),
    path: ['rules', 0, 'conditions', 'all', 1, 'any', 1, 'not'],
  },
  {
    limit: 'maxListValues',
    max: 2,
    check: ruleSetError,
    at: validRuleSet(),
    over: withValue(validRuleSet(), ['rules', 0, 'conditions', 'all', 1, 'any', 0, 'value', 2], 'chat'),
    path: ['rules', 0, 'conditions', 'all', 1, 'any', 0, 'value'],
  },
];

describe('limits', () => {
  it('each configurable limit has its own issue code, and defaultLimits are the documented defaults', () => {
    const codes = Object.values(LIMIT_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(defaultLimits).sort()).toEqual([...LIMIT_NAMES].sort());
    for (const name of LIMIT_NAMES) expect(defaultLimits[name]).toBe(limits[name]);
  });

  it.each(probes.map((p) => [p.limit, p] as const))(
    '%s: at the limit passes, one over fails with its own code and path',
    (_name, probe) => {
      const overrides = { [probe.limit]: probe.max };
      expect(probe.check(probe.at, overrides)).toBeUndefined();
      const error = probe.check(probe.over, overrides);
      expect(error?.code).toBe('LIMIT_EXCEEDED');
      expect(error?.issues[0]?.code).toBe(LIMIT_CODES[probe.limit]);
      expect(error?.path).toEqual(probe.path);
      expect(error?.issues[0]?.hint).toContain(`limits.${probe.limit}`);
      // Under the defaults the same input is fine: the limit, not the input, made the difference.
      expect(probe.check(probe.over, {})).toBeUndefined();
    },
  );

  it('maxLineBytes: lineTooLong says nothing up to the limit and LIMIT_EXCEEDED / line_too_long past it', () => {
    expect(lineTooLong(defaultLimits.maxLineBytes)).toBeUndefined();
    const error = lineTooLong(defaultLimits.maxLineBytes + 1);
    expect(error?.code).toBe('LIMIT_EXCEEDED');
    expect(error?.issues[0]?.code).toBe('line_too_long');
    expect(lineTooLong(100, { limits: { maxLineBytes: 100 } })).toBeUndefined();
    expect(lineTooLong(101, { limits: { maxLineBytes: 100 } })?.issues[0]?.code).toBe('line_too_long');
  });

  it('raising a limit lets a legitimately large input through', () => {
    const big = complaintWithItems(400);
    expect(complaintError(big, { maxArrayLength: 300 })?.issues[0]?.code).toBe('array_too_long');
    expect(complaintError(big, { maxArrayLength: 400 })).toBeUndefined();
  });

  it('createRecommender applies its limits to every complaint and to a rule set it loads', async () => {
    const recommender = createRecommender({ limits: { maxStringLength: 20 } });
    const rejected = await recommender.recommend(validComplaint()).catch((e: unknown) => e);
    expect((rejected as RedressError).issues[0]?.code).toBe('string_too_long');
    expect(() => createRecommender({ ruleSet: validRuleSet() as never, limits: { maxRules: 1 } })).toThrow(
      /too_many_rules|maxRules/,
    );
  });

  it.each([
    [{ maxRules: 0 }, 'limits.maxRules: must be a whole number ≥ 1, got 0'],
    [{ maxRules: -1 }, 'limits.maxRules: must be a whole number ≥ 1, got -1'],
    [{ maxRules: 1.5 }, 'limits.maxRules: must be a whole number ≥ 1, got 1.5'],
    [{ maxRules: Number.NaN }, 'limits.maxRules: must be a whole number ≥ 1, got NaN'],
    [{ maxRules: Number.POSITIVE_INFINITY }, 'limits.maxRules: must be a whole number ≥ 1, got Infinity'],
    [{ maxRules: '10' }, 'limits.maxRules: must be a whole number ≥ 1, got 10'],
    [{ maxRulez: 10 }, /^limits\.maxRulez: unknown limit "maxRulez"; the limits are maxComplaintBytes, /],
  ])('refuses a limits option of %o with INVALID_OPTIONS at its path', (overrides, message) => {
    const name = Object.keys(overrides)[0] as string;
    for (const call of [
      () => resolveLimits(overrides as Partial<Limits>),
      () => safeParseComplaint(validComplaint(), { limits: overrides as Partial<Limits> }),
      () => createRecommender({ limits: overrides as Partial<Limits> }),
    ]) {
      const error = thrown(call);
      expect(error).toBeInstanceOf(RedressError);
      expect(error).toMatchObject({ code: 'INVALID_OPTIONS', path: ['limits', name] });
      expect((error as RedressError).issues[0]?.message).toMatch(message);
    }
    expect(thrown(() => resolveLimits(7 as never))).toMatchObject({
      code: 'INVALID_OPTIONS',
      path: ['limits'],
      message: 'INVALID_OPTIONS: limits: must be an object of limits, got 7',
    });
  });
});

describe('limits are checked before the expensive work', () => {
  it('JSON text over the size limit is refused without JSON.parse seeing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const text = JSON.stringify(withValue(validComplaint(), ['summary'], 'x'.repeat(2_000_000)));
    expect(complaintError(text, {})?.issues[0]?.code).toBe('complaint_too_large');
    expect(
      ruleSetError(`${JSON.stringify(validRuleSet())}${' '.repeat(9_000_000)}`, {})?.issues[0]?.code,
    ).toBe('ruleset_too_large');
    expect(parse).not.toHaveBeenCalled();
  });

  it('an array over the limit is refused without reading one element', () => {
    let reads = 0;
    const huge = new Proxy(new Array(100_000).fill({ at: '2026-01-10', category: 'other' }), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const input = withValue(validComplaint(), ['customer', 'priorComplaints'], huge);
    expect(complaintError(input, {})?.issues[0]?.code).toBe('array_too_long');
    expect(reads).toBe(0);
  });

  it('a million levels of nesting are refused without recursion (a recursive check would overflow)', () => {
    let deep: Json = {};
    for (let i = 0; i < 1_000_000; i++) deep = { a: deep };
    expect(
      complaintError(withValue(validComplaint(), ['customer', 'attributes'], deep), {})?.issues[0]?.code,
    ).toBe('nesting_too_deep');
  });

  it('a JSON text of unbalanced opening brackets is refused by the parser, not by a stack overflow', () => {
    const error = complaintError('['.repeat(500_000), {});
    expect(error?.code).toBe('INVALID_JSON');
  });
});

const NOT_LIMITING: Limits = {
  ...defaultLimits,
  maxDepth: 1_000,
  maxStringLength: 1_000_000,
  maxArrayLength: 1_000_000,
};

function hasNegativeZero(value: unknown): boolean {
  if (Object.is(value, -0)) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(hasNegativeZero);
}

describe('sizes and duplicate keys are measured exactly', () => {
  it('an object is measured as the UTF-8 bytes of its compact JSON, to the byte', () => {
    // Graphemes for UTF-8 of every width, binary ASCII for control characters and their escapes.
    const json = fc.oneof(
      fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 6 }),
      fc.jsonValue({ stringUnit: 'binary-ascii', maxDepth: 6 }),
    );
    fc.assert(
      fc.property(json, (value) => {
        fc.pre(!hasNegativeZero(value));
        const size = utf8(JSON.stringify(value));
        const kind = {
          noun: 'complaint',
          invalid: 'INVALID_COMPLAINT',
          sizeLimit: 'maxComplaintBytes',
        } as const;
        const fits = toPlainJson(value, kind, { ...NOT_LIMITING, maxComplaintBytes: size }, true);
        expectIs(fits.ok, true);
        if (fits.ok) expectEqual(fits.value, value);
        if (size > 1) {
          const over = toPlainJson(value, kind, { ...NOT_LIMITING, maxComplaintBytes: size - 1 }, true);
          expectIs(over.ok ? undefined : over.error.issues[0]?.code, 'complaint_too_large');
        }
      }),
      fcParams(300),
    );
  });

  it('a limit anywhere from nothing to seven times the size gives the answer of the exact count', () => {
    // The walk first bounds each string at six bytes a UTF-16 unit and each number at 25 bytes, and
    // counts exactly only once that bound passes the limit: wherever the limit falls, it answers as the
    // exact count does.
    const json = fc.oneof(
      fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 4 }),
      fc.jsonValue({ stringUnit: 'binary-ascii', maxDepth: 4 }),
    );
    const kind = { noun: 'complaint', invalid: 'INVALID_COMPLAINT', sizeLimit: 'maxComplaintBytes' } as const;
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 7_000 }), (value, permille) => {
        fc.pre(!hasNegativeZero(value));
        const size = utf8(JSON.stringify(value));
        const limit = Math.floor((size * permille) / 1000);
        const result = toPlainJson(value, kind, { ...NOT_LIMITING, maxComplaintBytes: limit }, true);
        if (size <= limit) {
          expectIs(result.ok, true);
          if (result.ok) expectEqual(result.value, value);
        } else expectIs(result.ok ? undefined : result.error.issues[0]?.code, 'complaint_too_large');
      }),
      fcParams(300),
    );
  });

  it('counts the longest number JSON writes, and a string of escapes, in full', () => {
    const kind = { noun: 'complaint', invalid: 'INVALID_COMPLAINT', sizeLimit: 'maxComplaintBytes' } as const;
    for (const value of [[-0.0000012345678901234567], ['\u0001\u0002\u0003'], { '\u0001': '\u001f' }]) {
      const size = utf8(JSON.stringify(value));
      const at = (maxComplaintBytes: number) =>
        toPlainJson(value, kind, { ...NOT_LIMITING, maxComplaintBytes }, true).ok;
      expect([at(size - 1), at(size)], JSON.stringify(value)).toEqual([false, true]);
    }
  });

  it('JSON without repeated keys has none; a key written twice is found at its exact path', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 5 }),
        fc.nat(),
        fc.constantFrom(0, 2, '\t'),
        (value, pick, indent) => {
          expectIs(findDuplicateKey(JSON.stringify(value, null, indent)), undefined);
          const candidates = objectPaths(value as Json).filter((p) => Object.keys(at(value, p)).length > 0);
          fc.pre(candidates.length > 0);
          const path = candidates[pick % candidates.length] as (string | number)[];
          const key = Object.keys(at(value, path))[0] as string;
          const text = textWithDuplicate(value as Json, [...path, key], 'null');
          expectEqual(findDuplicateKey(text), [...path, key]);
        },
      ),
      fcParams(300),
    );
  });
});

describe('the duplicate-key check by counting strings', () => {
  const kind = { noun: 'complaint', invalid: 'INVALID_COMPLAINT', sizeLimit: 'maxComplaintBytes' } as const;
  const limits = { ...resolveLimits(), maxComplaintBytes: 10_000_000, maxStringLength: 10_000_000 };
  const keysAndStrings = (v: unknown): number =>
    typeof v === 'string'
      ? 1
      : Array.isArray(v)
        ? v.reduce((n: number, x) => n + keysAndStrings(x), 0)
        : v !== null && typeof v === 'object'
          ? Object.entries(v).reduce((n, [, x]) => n + 1 + keysAndStrings(x), 0)
          : 0;
  const json = fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 5 }).filter((v) => !hasNegativeZero(v));

  it('counts every key and string of valid JSON text, escaped quotes and backslashes included', () => {
    const escaped = String.raw`{"a\\":"\"","b":["\\\"x",1]}`;
    expect(JSON.parse(escaped)).toEqual({ 'a\\': '"', b: ['\\"x', 1] });
    expect(countStrings(escaped)).toBe(4);
    fc.assert(
      fc.property(json, fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(countStrings(text)).toBe(keysAndStrings(value));
        // Told the text has no backslash (when it has none), it counts the same without looking behind quotes.
        if (!text.includes('\\')) expect(countStrings(text, true)).toBe(keysAndStrings(value));
      }),
      fcParams(300),
    );
  });

  it('lets through every text without a repeated key and refuses every text with one, at its path', () => {
    fc.assert(
      fc.property(
        json,
        fc.nat(),
        fc.constantFrom('null', '"x"', '{"deep":["a"]}'),
        (value, pick, repeated) => {
          const plain = readUntrusted(JSON.stringify(value), kind, limits);
          expect(plain.ok).toBe(!hasForbiddenKey(value));
          const candidates = objectPaths(value as Json).filter((p) => Object.keys(at(value, p)).length > 0);
          fc.pre(candidates.length > 0 && !hasForbiddenKey(value));
          const path = candidates[pick % candidates.length] as (string | number)[];
          const key = Object.keys(at(value, path))[0] as string;
          const result = readUntrusted(
            textWithDuplicate(value as Json, [...path, key], repeated),
            kind,
            limits,
          );
          expect(result.ok ? undefined : result.error.issues[0]).toMatchObject({
            code: 'duplicate_key',
            path: [...path, key],
          });
        },
      ),
      fcParams(300),
    );
  });
});

describe('the light pass over what JSON.parse made', () => {
  const kind = { noun: 'complaint', invalid: 'INVALID_COMPLAINT', sizeLimit: 'maxComplaintBytes' } as const;
  /** JSON text with what the walk refuses or stops at mixed in: hostile keys, lone surrogates, -0. */
  const key = fc.oneof(
    fc.string({ maxLength: 6 }).map((k) => JSON.stringify(k)),
    fc.constantFrom('"__proto__"', '"constructor"', '"prototype"', '"\\ud800"', '"a\udc00b"', '"id"'),
  );
  const leaf = fc.oneof(
    fc.jsonValue({ maxDepth: 0 }).map((v) => JSON.stringify(v)),
    fc.constantFrom('-0', '-0.0', '-0e3', '0', '"\ud83d"', '"\ud83d\ude00"', '"x"', '1e2', 'true', 'null'),
    fc.string({ maxLength: 12 }).map((t) => JSON.stringify(t)),
  );
  const text: fc.Arbitrary<string> = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }).map((xs) => `[${xs.join(',')}]`),
    object: fc
      .uniqueArray(fc.tuple(key, tie('value')), { maxLength: 5, selector: ([k]) => k })
      .map((es) => `{${es.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  })).value as fc.Arbitrary<string>;
  const limits = fc.record({
    maxDepth: fc.integer({ min: 1, max: 6 }),
    maxStringLength: fc.integer({ min: 0, max: 10 }),
    maxArrayLength: fc.integer({ min: 0, max: 5 }),
  });

  it("clears only what the walk accepts, with the walk's count of keys and strings; the rest is walked", () => {
    let cleared = 0;
    let walked = 0;
    let plain = 0;
    fc.assert(
      fc.property(text, limits, (t, lowered) => {
        const within = { ...resolveLimits(), ...lowered };
        const value = JSON.parse(t) as unknown;
        const walk = toPlainJson(value, kind, within, false, false);
        const strings = cleanStrings(value, within);
        if (strings < 0) walked++;
        else cleared++;
        // Cleared: the walk accepts it and counts the same. Not cleared: the walk decides, either way.
        if (strings >= 0) expect(walk).toEqual({ ok: true, value, strings });
        // Text with no escape that is well formed as a whole (as readUntrusted vouches) is cleared alike
        // without asking each string.
        if (!t.includes('\\') && t.isWellFormed()) {
          plain++;
          expect(cleanStrings(value, within, true)).toBe(strings);
        }
      }),
      fcParams(2000),
    );
    // Both sides were exercised.
    expect(cleared).toBeGreaterThan(200);
    expect(walked).toBeGreaterThan(200);
    expect(plain).toBeGreaterThan(200);
  });

  it('refuses a lone surrogate in JSON text without an escape, as in one with an escape', () => {
    const limits = resolveLimits();
    for (const text of ['{"note":"a\udc00b"}', '{"a\ud800":1}', '{"note":"\\ud800"}', '["\ud83d"]']) {
      const read = readUntrusted(text, kind, limits);
      expect(read.ok, text).toBe(false);
      expect(read.ok ? undefined : read.error.issues[0]?.code, text).toBe('lone_surrogate');
    }
  });

  it('clears a valid complaint, and stops at nesting past the limit without recursing into it', () => {
    const complaint = validComplaint();
    expect(cleanStrings(complaint, resolveLimits())).toBe(
      (toPlainJson(complaint, kind, resolveLimits(), false, false) as { strings: number }).strings,
    );
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(cleanStrings(deep, { ...resolveLimits(), maxDepth: 1_000_000 })).toBe(-1);
  });
});

function hasForbiddenKey(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasForbiddenKey);
  if (v === null || typeof v !== 'object') return false;
  return Object.entries(v).some(
    ([k, x]) => ['__proto__', 'constructor', 'prototype'].includes(k) || hasForbiddenKey(x),
  );
}

function at(root: unknown, path: readonly (string | number)[]): Record<string, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const segment of path) node = node[segment] as Record<string | number, unknown>;
  return node as Record<string, unknown>;
}
