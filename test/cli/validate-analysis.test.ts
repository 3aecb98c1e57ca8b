import { describe, expect, it } from 'vitest';
import { analyzeRuleSet } from '../../src/analysis/index';
import { notAnalysedFinding } from '../../src/cli/validate/analysis';

describe('redress validate: what the analysis left open', () => {
  it('is a not_analysed warning (so --strict fails), with the fix the CLI user can apply', () => {
    // 40 rules of two boxes each under unique, with a budget far too small: some questions stay open.
    const rules = Array.from({ length: 40 }, (_, i) => ({
      name: `r${i}`,
      priority: 1,
      conditions: {
        any: [
          { fact: 'daysLate', operator: 'greaterThan', value: i % 7 },
          { fact: 'orderTotal', operator: 'greaterThan', value: i },
        ],
      },
      remedies: [{ type: 'apology' }],
    }));
    const { notAnalysed } = analyzeRuleSet(
      { name: 'x', version: '1', rules },
      { hit: 'unique', maxWork: 10_000 },
    );
    expect(notAnalysed.length).toBeGreaterThan(0);
    const finding = notAnalysedFinding(notAnalysed[0] as (typeof notAnalysed)[number]);
    expect(finding).toMatchObject({ severity: 'warning', code: 'not_analysed', path: [], pointer: '' });
    expect(finding.message).toMatch(/^not analysed: .*10,000 work units$/);
    expect(finding.hint).toContain('split the rule set');
  });
});
