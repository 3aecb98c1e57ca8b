import { describe, expect, it } from 'vitest';
// @ts-expect-error: the same, for the analysis benchmark's nested rules.
import { nestedRuleSet } from '../../bench/nested-rules.mjs';
// @ts-expect-error: the benchmark's workload is plain JavaScript, without types.
import { complaints, handWrittenSource, ruleSet } from '../../bench/workload.mjs';
import { loadRuleSet, parseComplaint } from '../../src/index';
import { limits } from '../../src/input/limits';

// The benchmark runs only on demand (npm run bench); this keeps its workload valid as the schemas move.
describe('the benchmark workload', () => {
  it('generates complaints the schema accepts', () => {
    for (const c of complaints(200)) expect(() => parseComplaint(c)).not.toThrow();
  });

  it('generates rule sets the loader accepts, and their hand-written form', () => {
    for (const size of [20, 100, 500]) {
      const doc = ruleSet(size);
      expect(loadRuleSet(doc).rules).toHaveLength(size);
      expect(handWrittenSource(doc)).toContain('export function decide(f)');
    }
  });

  it('generates nested rule sets the loader accepts, up to 2,000 rules within the size limit', () => {
    const doc = nestedRuleSet(60);
    expect(loadRuleSet(doc).rules).toHaveLength(60);
    expect(JSON.stringify(nestedRuleSet(60))).toBe(JSON.stringify(doc));
    expect(Buffer.byteLength(JSON.stringify(nestedRuleSet(2_000)))).toBeLessThan(limits.maxRuleSetBytes);
  });
});
