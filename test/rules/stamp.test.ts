import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecommender, defaultRuleSet, loadRuleSet, ruleSetHash } from '../../src/index';
import { canonicalJson } from '../../src/rules/canonical-json';
import { scenario } from '../helpers';
import { fcParams } from '../seed';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const rulesText = readFileSync(new URL('../../src/rules/default/rules.json', import.meta.url), 'utf8');
const raw = JSON.parse(rulesText) as Json;
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const hash = ruleSetHash(defaultRuleSet);

/** `value` with the keys of every object in the order `order` gives (a permutation per object). */
function reorder(value: Json, order: (keys: string[]) => string[]): Json {
  if (Array.isArray(value)) return value.map((v) => reorder(v, order));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(order(Object.keys(value)).map((k) => [k, reorder(value[k] as Json, order)]));
}

/** Every path to a string, number or boolean in `value`. */
function leaves(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return value === null ? [] : [path];
}

function changedAt(value: Json, path: readonly (string | number)[]): Json {
  const copy = structuredClone(value);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const key = path[path.length - 1] as string | number;
  const old = parent[key];
  parent[key] = typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : `${String(old)}x`;
  return copy;
}

describe('canonicalJson', () => {
  it('writes the RFC 8785 example: numbers as ECMAScript prints them, strings escaped as JSON.stringify does', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units as RFC 8785 does (an emoji before U+FB33)', () => {
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\ud83d\ude00', '\u0080', '\u00f6'];
    const text = canonicalJson(Object.fromEntries(keys.map((k) => [k, 0])));
    expect(text.indexOf('\ud83d\ude00')).toBeLessThan(text.indexOf('\ufb33'));
    expect(
      text.startsWith('{"\\r":0,"1":0,"\u0080":0,"\u00f6":0,"\u20ac":0,"\ud83d\ude00":0,"\ufb33":0}'),
    ).toBe(true);
  });
});

describe('ruleSetHash', () => {
  it('is sha256: and 64 hex digits', () => {
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('is the same whatever the key order and whitespace of the file', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 1, 2, '\t', ' \n '), (shuffleSeed, indent) => {
        let s = shuffleSeed >>> 0;
        const order = (keys: string[]) =>
          keys
            .map((k) => {
              s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
              return { k, r: s };
            })
            .sort((a, b) => a.r - b.r)
            .map((x) => x.k);
        const text = JSON.stringify(reorder(raw, order), null, indent);
        expect(ruleSetHash(loadRuleSet(text))).toBe(hash);
      }),
      fcParams(30),
    );
  });

  it('is the same with the defaults written out, and without $schema', () => {
    const written = JSON.parse(JSON.stringify(defaultRuleSet)) as { rules: Json[]; $schema?: string };
    expect(written.rules[0]).toHaveProperty('enabled', true);
    expect(ruleSetHash(loadRuleSet(written))).toBe(hash);
    const { $schema: _, ...bare } = written;
    expect(ruleSetHash(loadRuleSet(bare))).toBe(hash);
  });

  it('changes with any change to a value that still loads: a rule, the policy, the scoring, a name', () => {
    const paths = leaves(raw).filter((p) => p[0] !== '$schema');
    let loaded = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), (i) => {
        const changed = changedAt(raw, paths[i] as (string | number)[]);
        let ruleSet: ReturnType<typeof loadRuleSet>;
        try {
          ruleSet = loadRuleSet(changed);
        } catch {
          return; // not a rule set any more: nothing to stamp
        }
        loaded += 1;
        expect(ruleSetHash(ruleSet), JSON.stringify(paths[i])).not.toBe(hash);
      }),
      fcParams(300),
    );
    expect(loaded).toBeGreaterThan(100);
  });

  it('changes when two rules swap places or a rule is disabled', () => {
    const rules = (raw as { rules: Json[] }).rules;
    const swapped = { ...(raw as object), rules: [rules[1], rules[0], ...rules.slice(2)] };
    expect(ruleSetHash(loadRuleSet(swapped))).not.toBe(hash);
    const disabled = {
      ...(raw as object),
      rules: [{ ...(rules[0] as object), enabled: false }, ...rules.slice(1)],
    };
    expect(ruleSetHash(loadRuleSet(disabled))).not.toBe(hash);
  });
});

describe('the stamp on every recommendation', () => {
  it("names the rule set, its hash and redress's version (package.json's)", async () => {
    const rec = await createRecommender().recommend(scenario('c-wrong-item'));
    expect(rec.ruleSet).toEqual({ name: 'default', version: defaultRuleSet.version, hash });
    expect(rec.redressVersion).toBe(pkg.version);
  });

  it('follows the rule set the recommender runs', async () => {
    const other = loadRuleSet({ ...(raw as object), version: '9.9.9' });
    const rec = await createRecommender({ ruleSet: other }).recommend(scenario('c-wrong-item'));
    expect(rec.ruleSet).toEqual({ name: 'default', version: '9.9.9', hash: ruleSetHash(other) });
    expect(rec.ruleSet.hash).not.toBe(ruleSetHash(defaultRuleSet));
  });
});
