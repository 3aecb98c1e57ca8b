// The fairness kit (redress/testing, needs fast-check): thousands of generated complaints check that a
// rule set treats customers fairly — worse harm never gets less, who the customer is never matters, caps
// always hold, and so on. Here with few runs per property, so that it takes seconds; use the default
// 1,000 in your test suite. Run: npm run example examples/07-fairness.ts
import { readFileSync } from 'node:fs';
import { loadRuleSet } from 'redress';
import { type AssertFairOptions, assertFair, FairnessError } from 'redress/testing';

const bookshop = loadRuleSet(readFileSync(new URL('./rules/bookshop.json', import.meta.url), 'utf8'));

async function check(
  ruleSet: typeof bookshop,
  label: string,
  options: AssertFairOptions = {},
): Promise<void> {
  console.log(label);
  try {
    const results = await assertFair(ruleSet, { numRuns: 40, seed: 20261125, ...options });
    for (const r of results) console.log(`  ✓ ${r.title} (${r.numRuns} runs)`);
  } catch (error) {
    if (!(error instanceof FairnessError)) throw error;
    // error.message shows each failure with its smallest counterexample and how to replay it.
    for (const failure of error.failures)
      console.log(`  ✗ ${failure.title}: ${failure.reason.split('\n')[0]}`);
  }
}

await check(bookshop, 'bookshop.json');

// A draft that keeps the late-parcel coupon for customers of less than a year, "to win them over":
// a customer of a year or more with the same late parcel now gets less than one who joined today. The
// harm floor finds it with two customers of the standard tier: value 16, offered less than value 10.
const draft = JSON.parse(JSON.stringify(bookshop));
draft.rules[1].conditions.all.push({ fact: 'tenureMonths', operator: 'lessThan', value: 12 });
// Narrowing the generator to late deliveries finds it in a few dozen runs.
await check(loadRuleSet(draft), 'the draft, late deliveries', {
  complaints: { categories: ['late_delivery'] },
});

// Output:
// bookshop.json
//   ✓ severity monotonicity (40 runs)
//   ✓ invariance (40 runs)
//   ✓ harm floor (40 runs)
//   ✓ caps hold (40 runs)
//   ✓ determinism (40 runs)
//   ✓ bounded disparity (40 runs)
//   ✓ compensation history (40 runs)
//   ✓ currency invariance (40 runs)
//   ✓ split invariance (40 runs)
// the draft, late deliveries
//   ✗ harm floor: a customer of value 16 (standard) is offered less than the floor for the same harm (value 10, standard):
