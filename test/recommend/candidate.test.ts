import { describe, expect, it } from 'vitest';
import { complaintCurrency } from '../../src/complaint/measures';
import { parseComplaint } from '../../src/complaint/parse';
import { conversionFor } from '../../src/exchange/conversion';
import { toFacts } from '../../src/facts/to-facts';
import { candidateOf, remedyContext } from '../../src/recommend/price';
import { materialise, type RemedySpec } from '../../src/remedies/catalogue';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { defaultScoring } from '../../src/scoring/config';
import { complaint } from '../complaint-builder';

const c = parseComplaint(complaint());
const ctx = remedyContext(
  c,
  toFacts(c, defaultScoring).facts,
  defaultRuleSet.policy,
  conversionFor(c, complaintCurrency(c), undefined, undefined),
);
const spec: RemedySpec = { type: 'coupon', percent: 10, validDays: 30 };

function made() {
  const m = materialise(spec, ctx);
  if ('notApplicable' in m) throw new Error('a coupon applies to this complaint');
  return m;
}

describe('candidateOf', () => {
  it("adds the proposal's origin and spec to the remedy just made, after its own fields, without a copy", () => {
    const m = made();
    const fields = Object.keys(m);
    const candidate = candidateOf(m, { rule: 'late', priority: 7, spec });
    expect(candidate).toBe(m);
    expect(Object.keys(candidate)).toEqual([...fields, 'rule', 'priority', 'spec']);
    expect(candidate).toMatchObject({ type: 'coupon', kind: 'goodwill', rule: 'late', priority: 7, spec });
  });

  it("adds an incident's id last, and only for an incident's proposal", () => {
    const of = candidateOf(made(), { rule: 'policy', priority: 0, spec, incident: 'inc-1' });
    expect(Object.keys(of).slice(-4)).toEqual(['rule', 'priority', 'spec', 'incident']);
    expect('incident' in candidateOf(made(), { rule: 'policy', priority: 0, spec })).toBe(false);
  });
});
