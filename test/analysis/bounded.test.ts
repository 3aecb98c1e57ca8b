import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript, without types.
import { nestedRuleSet } from '../../bench/nested-rules.mjs';
import { analyzeRuleSet, type RuleSetAnalysis } from '../../src/analysis/index';
import { searchComplaints } from '../../src/analysis/model/search';
import { Work } from '../../src/analysis/model/work';
import { FACT_NAMES, FACTS, loadRuleSet, RedressError, type RuleSetInput } from '../../src/index';
import { limits } from '../../src/input/limits';
import { fcParams } from '../seed';

// Issue 13, finding 5: the analysis was exponential on small nested rule files (8-level nested rules:
// 10 took 9 s, 100 took two minutes, 2,000 more than ten minutes). It is now bounded by work units,
// counted rather than timed: these tests assert what it reports, never how long it takes.

type Rules = RuleSetInput['rules'];
const rule = (name: string, conditions: unknown) =>
  ({ name, priority: 10, conditions, remedies: [{ type: 'apology' }] }) as Rules[number];
const set = (...rules: Rules) => ({ name: 'bounded', version: '1', rules });
const methods = (a: RuleSetAnalysis) => new Set(a.findings.map((f) => f.method));

describe('the analysis of nested rules (bench/nested-rules.mjs)', () => {
  it('analyses ten 8-level nested rules within the default budget, leaving nothing open', () => {
    const a = analyzeRuleSet(nestedRuleSet(10));
    expect(a.notAnalysed).toEqual([]);
    expect(a.work).toBeGreaterThan(0);
    expect(a.work).toBeLessThanOrEqual(5_000_000);
    expect(a.findings.length).toBeGreaterThan(0);
    for (const m of methods(a)) expect(['exact', 'search']).toContain(m);
  });

  it('stops where its budget does and lists the questions it left open, with the fix', () => {
    const a = analyzeRuleSet(nestedRuleSet(100), { hit: 'unique', maxWork: 50_000 });
    expect(a.work).toBeLessThanOrEqual(50_000);
    expect(a.exact).toBe(false);
    expect(a.notAnalysed.length).toBeGreaterThan(0);
    for (const open of a.notAnalysed) {
      expect(open.open).toBeGreaterThan(0);
      expect(open.examples.length).toBeGreaterThan(0);
      expect(open.examples.length).toBeLessThanOrEqual(Math.min(open.open, 5));
      expect(open.message).toContain('not analysed');
      expect(open.message).toContain('50,000 work units');
      expect(open.message).toContain('raise maxWork');
    }
    // The search took its part of the budget too, and stopped short of its 2,000 complaints.
    expect(a.searched).toBeGreaterThan(0);
    expect(a.searched).toBeLessThan(2_000);
  });

  it('leaves a rule that needs more than maxWorkPerRule to the search, and says so in the method', () => {
    const rules = nestedRuleSet(3);
    const exact = analyzeRuleSet(rules);
    const starved = analyzeRuleSet(rules, { maxWorkPerRule: 20 });
    expect(methods(exact)).toContain('exact');
    expect(starved.notAnalysed).toEqual([]);
    expect(starved.exact).toBe(false);
    expect(starved.searched).toBeGreaterThan(0);
    expect([...methods(starved)]).toEqual(['search']);
  });

  it('gives the same analysis, work included, for the same rule set and options', () => {
    const options = { hit: 'first' as const, maxWork: 300_000 };
    const first = analyzeRuleSet(nestedRuleSet(40), options);
    expect(analyzeRuleSet(nestedRuleSet(40), options)).toEqual(first);
  });
});

describe('the search builds only complaints a customer can have', () => {
  // A reviewer's two-rule set: under unique, with maxBoxes 2, both rules go to the search, which drew
  // complaints90d near 1e9 and built a billion prior complaints (2.4 GB after 100 s, then a crash).
  const huge = set(
    rule('a', {
      not: {
        all: [
          { fact: 'publicReach', operator: 'lessThan', value: 1e9 },
          { fact: 'complaints90d', operator: 'lessThan', value: 1e9 },
          { fact: 'daysLate', operator: 'lessThan', value: 3 },
        ],
      },
    }),
    rule('b', {
      not: {
        all: [
          { fact: 'complaints90d', operator: 'greaterThan', value: 1e9 },
          { fact: 'publicReach', operator: 'greaterThan', value: 1e9 },
          { fact: 'daysLate', operator: 'greaterThan', value: 3 },
        ],
      },
    }),
  );

  it('reports on rules comparing counts with 1e9 inside a not (unique, maxBoxes 2)', () => {
    const a = analyzeRuleSet(huge, { hit: 'unique', maxBoxes: 2 });
    expect(a.searched).toBeGreaterThan(0);
    expect(a.work).toBeLessThanOrEqual(5_000_000);
    expect(a.findings.filter((f) => f.kind === 'overlap').map((f) => f.method)).toEqual(['search']);
  });

  it('draws numbers within what a complaint can hold, even near constants far beyond it', () => {
    const samples = searchComplaints(loadRuleSet(huge), 300, 7, new Work(10_000_000));
    expect(samples.length).toBeGreaterThan(0);
    for (const s of samples) {
      expect(s.complaint.customer.priorComplaints?.length ?? 0).toBeLessThanOrEqual(
        limits.maxPriorComplaints,
      );
      expect(s.facts.complaints90d).toBeLessThanOrEqual(limits.maxPriorComplaints + 1);
    }
    // The bound itself is still tried: rules that turn on it are not left unsearched.
    expect(samples.some((s) => s.facts.complaints90d === limits.maxPriorComplaints + 1)).toBe(true);
  });

  it('stops generating when its budget runs out, keeping what it built', () => {
    const samples = searchComplaints(loadRuleSet(huge), 2_000, 7, new Work(50_000));
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.length).toBeLessThan(2_000);
  });

  it('reports on a rule comparing currency with "" instead of throwing a RangeError', () => {
    // maxBoxes 1 sends the rule to the search, which built a complaint in the currency "".
    const a = analyzeRuleSet(
      set(
        rule('no-currency', {
          any: [
            { fact: 'currency', operator: 'equal', value: '' },
            { fact: 'category', operator: 'equal', value: 'other' },
            { fact: 'channel', operator: 'equal', value: 'email' },
          ],
        }),
      ),
      { maxBoxes: 1 },
    );
    expect(a.searched).toBeGreaterThan(0);
    expect(a.findings.length).toBeGreaterThan(0);
    for (const f of a.findings) expect(f.method).toBe('search');
  });
});

describe('hostile constants (property)', () => {
  const numeric = FACT_NAMES.filter((f) => FACTS[f].type === 'number');
  const strings = FACT_NAMES.filter((f) => FACTS[f].type === 'string');
  const extreme = fc.constantFrom(0, -1, 0.5, 1e9, -1e9, 1e15, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e308);
  const leaf = fc.oneof(
    fc.record({
      fact: fc.constantFrom(...numeric),
      operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'greaterThan', 'greaterThanInclusive'),
      value: extreme,
    }),
    fc.record({
      fact: fc.constantFrom(...strings),
      operator: fc.constantFrom('equal', 'notEqual'),
      value: fc.constantFrom('', ' ', 'EUR', 'eur', 'XXX', 'ZZZ', '€', '\u0000', 'x'.repeat(200)),
    }),
  );
  const condition = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ not: tie('node') }),
      fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    ),
  })).node;

  it('analyses any rule set it loads, or refuses it with a RedressError: never another exception', () => {
    fc.assert(
      fc.property(
        fc.array(condition, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('collect', 'first', 'unique') as fc.Arbitrary<'collect' | 'first' | 'unique'>,
        fc.integer({ min: 1, max: 3 }),
        (conditions, hit, maxBoxes) => {
          const input = set(...conditions.map((c, i) => rule(`r${i}`, { all: [c] })));
          try {
            const a = analyzeRuleSet(input, { hit, maxBoxes, searchRuns: 60, maxWork: 400_000 });
            expect(a.work).toBeLessThanOrEqual(400_000);
          } catch (e) {
            expect(e).toBeInstanceOf(RedressError);
          }
        },
      ),
      fcParams(40),
    );
  });
});

describe('analyzeRuleSet options', () => {
  it.each([
    [{ maxWork: 0 }, 'maxWork'],
    [{ maxWork: Number.NaN }, 'maxWork'],
    [{ maxWorkPerRule: 1.5 }, 'maxWorkPerRule'],
    [{ maxBoxes: -1 }, 'maxBoxes'],
    [{ searchRuns: Number.POSITIVE_INFINITY }, 'searchRuns'],
    [{ seed: 'x' }, 'seed'],
    [{ hit: 'any' }, 'hit'],
  ])('refuses %o with INVALID_OPTIONS at its path, saying what to pass', (options, name) => {
    const run = () => analyzeRuleSet(set(rule('a', { all: [] })), options as never);
    expect(run).toThrow(RedressError);
    try {
      run();
    } catch (e) {
      const err = e as RedressError;
      expect(err.code).toBe('INVALID_OPTIONS');
      expect(err.issues[0]?.path).toEqual([name]);
      expect(err.issues[0]?.message).toMatch(/must be|unknown hit policy/);
    }
  });
});
