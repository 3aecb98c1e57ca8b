// Before a rule set goes live: what can it not do? analyzeRuleSet finds rules that never fire or never
// decide, overlaps under the unique hit policy, complaints no rule answers and goodwill always over the
// caps, each with an example complaint. Run: npm run example examples/06-analyse-rules.ts
import { readFileSync } from 'node:fs';
import { createRecommender, loadRuleSet } from 'redress';
import { analyzeRuleSet } from 'redress/analysis';

const bookshop = loadRuleSet(readFileSync(new URL('./rules/bookshop.json', import.meta.url), 'utf8'));

const analysis = analyzeRuleSet(bookshop);
console.log(
  `"${analysis.ruleSet.name}" under ${analysis.hit}: ${analysis.findings.length} findings (${analysis.exact ? 'exact' : `search over ${analysis.searched} complaints`})`,
);
// The bookshop's late-parcel rule starts at 3 days late: a parcel 1 or 2 days late matches no rule, and
// such a complaint goes to a person (no_rule_matched). Intended, or a gap to close?
for (const finding of analysis.findings) console.log(`  ${finding.kind}: ${finding.message}`);

// Would the rules work under the unique hit policy, where at most one rule may fire?
const unique = analyzeRuleSet(bookshop, { hit: 'unique' });
console.log(`under unique: ${unique.findings.filter((f) => f.kind === 'overlap').length} overlaps`);

// A proposal that adds a gift for new customers who already spend like platinum ones: 100 is more than
// the bookshop's caps on goodwill ever allow.
const proposal = loadRuleSet({
  ...JSON.parse(JSON.stringify(bookshop)),
  version: '1.1.0-draft',
  rules: [
    ...bookshop.rules,
    {
      name: 'loyal-late',
      priority: 70,
      conditions: {
        all: [
          { fact: 'category', operator: 'equal', value: 'late_delivery' },
          { fact: 'valueTier', operator: 'equal', value: 'platinum' },
          { fact: 'tenureMonths', operator: 'lessThan', value: 1 },
        ],
      },
      remedies: [{ type: 'gift', value: 100 }],
    },
  ],
});
console.log(`"${proposal.name}" ${proposal.version}:`);
for (const finding of analyzeRuleSet(proposal).findings) {
  console.log(`  ${finding.kind}: ${finding.message}`);
  // Every example is a valid complaint: recommend for it to watch the finding happen.
  if (finding.kind === 'over_cap' && finding.example) {
    const rec = await createRecommender({ ruleSet: proposal }).recommend(finding.example.complaint);
    console.log(
      `    e.g. ${rec.remedies.map((r) => `${r.type} ${r.estimatedCost}`).join(' + ')}; dropped: ${rec.trace.dropped.map((d) => d.detail).join('; ')}`,
    );
  }
}

// Output:
// "bookshop" under collect: 4 findings (exact)
//   gap: no rule fires for some late_delivery complaints of low severity
//   gap: no rule fires for some late_delivery complaints of medium severity
//   gap: no rule fires for some late_delivery complaints of high severity
//   gap: no rule fires for some late_delivery complaints of critical severity
// under unique: 0 overlaps
// "bookshop" 1.1.0-draft:
//   gap: no rule fires for some late_delivery complaints of low severity
//   gap: no rule fires for some late_delivery complaints of medium severity
//   gap: no rule fires for some late_delivery complaints of high severity
//   gap: no rule fires for some late_delivery complaints of critical severity
//   over_cap: the gift of rule "loyal-late" always exceeds the tier limit on its own (a lower limit may bind first), so it is always reduced or left out
//     e.g. gift 30 + apology 0; dropped: reduced to 30 EUR: goodwill is limited to 30 EUR (severity limit)
