// One complaint, recommended with the built-in default rules: the remedies with their cost, who handles
// the case, and what to tell the customer. Run: npm run example examples/01-recommend.ts
import { readFileSync } from 'node:fs';
import { createRecommender, type Remedy } from 'redress';

// A complaint as a helpdesk would hand it over: JSON text (or the parsed value), untrusted.
const complaint = readFileSync(new URL('./complaint.json', import.meta.url), 'utf8');

const recommender = createRecommender(); // the default rules, in English
const rec = await recommender.recommend(complaint);

const money = (amount: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: rec.currency }).format(amount);

function params(remedy: Remedy): string {
  switch (remedy.type) {
    case 'escalate':
      return `to ${remedy.queue}, ${remedy.urgency}, due ${remedy.dueAt}`;
    case 'apology':
      return remedy.form;
    case 'coupon':
      return remedy.percent === null
        ? money(remedy.amount ?? 0)
        : `${remedy.percent}%, valid until ${remedy.expiresAt.slice(0, 10)}`;
    case 'gift':
      return money(remedy.value);
    case 'store_credit':
      return `${money(remedy.amount)}, valid until ${remedy.expiresAt.slice(0, 10)}`;
    case 'free_month':
      return `${remedy.months} × ${remedy.plan}`;
    case 'return':
      return `${remedy.method}: ${remedy.items.map((i) => `${i.quantity} × ${i.sku}`).join(', ')}`;
    case 'resend':
      return remedy.items.map((i) => `${i.quantity} × ${i.sku}`).join(', ');
    case 'refund':
      return money(remedy.amount);
  }
}

console.log(
  `${rec.complaintId}: severity ${rec.severity.score} (${rec.severity.band}), customer ${rec.value.tier}`,
);
for (const remedy of rec.remedies) {
  console.log(
    `  ${remedy.type.padEnd(9)} ${money(remedy.estimatedCost).padStart(7)}  ${remedy.kind.padEnd(11)} ${params(remedy)} [rule ${remedy.rule}]`,
  );
}
console.log(
  `  total ${money(rec.totalCost)}: restitution ${money(rec.restitutionCost)}, goodwill ${money(rec.goodwillCost)}`,
);
console.log(
  `handled by: ${rec.handling.mode} (${rec.handling.reasons.join(', ')}), queue ${rec.handling.queue}, answer by ${rec.handling.respondBy}`,
);
console.log('to the customer:');
for (const sentence of rec.rationale) if (sentence.audience === 'customer') console.log(`  ${sentence.text}`);

// Output:
// c-late-review: severity 51 (high), customer platinum
//   escalate    €0.00  care        to social-media, urgent, due 2026-03-20T14:00:00.000Z [rule public-critical]
//   apology     €0.00  care        personal [rule public-critical]
//   coupon     €44.70  goodwill    30%, valid until 2026-06-18 [rule late-severe]
//   total €44.70: restitution €0.00, goodwill €44.70
// handled by: human (value_tier, escalate_remedy), queue social-media, answer by 2026-03-20T14:00:00.000Z
// to the customer:
//   We are truly sorry.
//   We understand that order o-1008 arrived 14 days later than we promised.
//   We will personally follow up on your complaint until it is resolved.
//   A member of our social media team will contact you by March 20, 2026.
//   We will send you a 30% discount coupon for your next order, worth up to €75.00 and valid until June 18, 2026.
//   If you would prefer store credit instead of the coupon, just let us know.
//   We will review your case once more before anything is final.
//   We will also reply to your review on Trustpilot, so that everyone can see it is being resolved.
//   We will check with you on March 23, 2026 that everything has been put right.
