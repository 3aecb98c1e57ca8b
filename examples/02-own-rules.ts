// A rule file of your own: load it (every problem in it is reported at once), see its warnings, and
// recommend with it. Run: npm run example examples/02-own-rules.ts
import { readFileSync } from 'node:fs';
import { createRecommender, isRedressError, loadRuleSet, ruleSetWarnings } from 'redress';

const read = (name: string) => readFileSync(new URL(`./rules/${name}`, import.meta.url), 'utf8');

// The loader takes the file's text: limits, duplicate keys and every fact, operator and remedy are checked.
const bookshop = loadRuleSet(read('bookshop.json'));
console.log(
  `loaded "${bookshop.name}" ${bookshop.version}: ${bookshop.rules.length} rules, hit policy ${bookshop.policy.hit}`,
);

// A valid rule set may still have warnings: here a rule's own text has no Persian translation.
for (const warning of ruleSetWarnings(bookshop))
  console.log(`warning ${warning.code} at ${warning.pointer}: ${warning.hint}`);

// A file with mistakes is refused with every problem, each with its rule, its place and a fix.
try {
  loadRuleSet(read('mistakes.json'));
} catch (error) {
  if (!isRedressError(error)) throw error;
  console.log(`mistakes.json: ${error.code}`);
  for (const issue of error.issues)
    console.log(`  ${issue.pointer} ${issue.code}${issue.hint ? ` (${issue.hint})` : ''}`);
}

const recommender = createRecommender({ ruleSet: bookshop });
const complaint = (id: string, category: string) => ({
  id,
  receivedAt: '2026-05-04T16:20:00+02:00',
  channel: 'email',
  category,
  order: {
    id: `o-${id}`,
    total: 24,
    currency: 'EUR',
    placedAt: '2026-04-25',
    promisedAt: '2026-04-29',
    items: [{ sku: 'ISBN-9780141439518', quantity: 1, unitPrice: 24 }],
  },
  customer: { id: 'u-77', since: '2023-11-02', lifetimeSpend: 310, orderCount: 9 },
});

for (const c of [
  complaint('b-1', 'damaged_item'),
  complaint('b-2', 'late_delivery'),
  complaint('b-3', 'billing_error'),
]) {
  const rec = await recommender.recommend(c);
  const remedies = rec.remedies.map((r) => `${r.type} ${r.estimatedCost.toFixed(2)}`).join(' + ');
  console.log(
    `${rec.complaintId} ${c.category}: ${remedies} = ${rec.totalCost.toFixed(2)} ${rec.currency}, ${rec.handling.mode}`,
  );
  const own = rec.rationale.find((s) => s.key.startsWith('rule:'));
  if (own) console.log(`  for the agent: ${own.text}`);
}

// Output:
// loaded "bookshop" 1.0.0: 3 rules, hit policy collect
// warning missing_rationale_locale at /rules/0/rationale: add "fa": "…" next to "en"
// mistakes.json: INVALID_RULESET
//   /rules/0/conditions/all/1/fact unknown_fact (did you mean "daysLate"?)
//   /rules/0/remedies/0/percent too_big
// b-1 damaged_item: resend 31.00 + apology 0.00 = 31.00 EUR, automatic
//   for the agent: A book that arrived wrong, damaged or not at all goes out again by express.
// b-2 late_delivery: coupon 5.00 + apology 0.00 = 5.00 EUR, automatic
//   for the agent: A longer delay earns a discount on the next order.
// b-3 billing_error: escalate 0.00 + apology 0.00 = 0.00 EUR, human
