// Shows the same complaint in euros, lira and rials side by side (the default rules are in euros; the
// rates are examples/rates.json), then recommends remedies for every complaint in
// examples/complaints.jsonl (the European shop's, and its Turkish and Iranian storefronts' in lira and
// rials) with the built-in default rules and those rates: a few recommendations in full, then a
// summary of all of them. Run with `npm run demo` (it
// builds first). For more, see the numbered examples next to this file and the `redress` command
// (docs/cli.md).
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRecommender, isRecommendationError } from '../dist/index.js';

// `npm run demo | head` is fine: stop quietly when the reader goes away.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const IN_FULL = ['wrong_item', 'late_delivery', 'service_outage', 'staff_behavior'];

const file = new URL('./complaints.jsonl', import.meta.url);
const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
async function* complaints() {
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line);
}

const money = (amount, currency) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
const percent = (n, of) => `${((100 * n) / of).toFixed(1)}%`.padStart(6);

function printInFull(r) {
  const f = r.trace.facts;
  console.log(
    `■ ${r.complaintId} · ${f.category} via ${f.channel} — severity ${r.severity.score} (${r.severity.band}), customer ${r.value.tier} (${r.value.score})`,
  );
  for (const remedy of r.remedies) {
    console.log(
      `    ${remedy.type.padEnd(10)} ${money(remedy.estimatedCost, r.currency).padStart(10)}  [${remedy.kind}, rule ${remedy.rule}]`,
    );
  }
  const reasons = r.handling.reasons.length ? ` (${r.handling.reasons.join(', ')})` : '';
  console.log(
    `    total ${money(r.totalCost, r.currency)} (restitution ${money(r.restitutionCost, r.currency)}, goodwill ${money(r.goodwillCost, r.currency)}) · ${r.handling.mode}${reasons} · owner ${r.handling.owner}`,
  );
  for (const sentence of r.rationale.filter((s) => s.audience === 'customer'))
    console.log(`    “${sentence.text}”`);
  console.log('');
}

// The same wrong shoe size in three currencies, at the example rates, for a customer who has spent €700.
const rates = JSON.parse(readFileSync(new URL('./rates.json', import.meta.url), 'utf8'));
const recommender = createRecommender({ exchangeRates: rates });

function wrongSize(currency, locale) {
  const rate = currency === 'EUR' ? 1 : rates.rates[currency];
  const digits = currency === 'IRR' ? 0 : 2; // as Intl prints them
  const at = (eur) => Math.round(eur * rate * 10 ** digits) / 10 ** digits;
  return {
    id: `c-shoe-${currency.toLowerCase()}`,
    receivedAt: '2026-03-10T09:30:00+03:00',
    channel: 'email',
    category: 'wrong_item',
    summary: 'Ordered size 42, received size 38.',
    order: {
      id: 'o-4242',
      total: at(59.9),
      currency,
      placedAt: '2026-03-01',
      items: [{ sku: 'SHOE-42', name: 'Running shoes, size 42', quantity: 1, unitPrice: at(59.9) }],
    },
    customer: { id: 'u-42', since: '2024-05-01', lifetimeSpend: at(700), orderCount: 6, locale },
  };
}

async function sideBySide() {
  const sides = [
    ['EUR', 'en', {}],
    ['TRY', 'tr', {}],
    ['IRR', 'fa', { currencyDisplay: { IRR: 'toman' } }],
  ];
  const recs = [];
  for (const [currency, locale, display] of sides) {
    recs.push(await recommender.recommend(wrongSize(currency, locale), { locale: 'auto', ...display }));
  }
  const cell = (text) => String(text).padStart(18);
  const row = (label, f) => console.log(`  ${label.padEnd(14)}${recs.map((r) => cell(f(r))).join('')}`);
  console.log(
    `The same wrong shoe size in three currencies (the default rules are in euros; rates of ${rates.asOf}: ` +
      `€1 = ₺${rates.rates.TRY} = ${rates.rates.IRR.toLocaleString('en-US')} rials)`,
  );
  row('', (r) => r.currency);
  row('order', (r) => money(r.cap.affectedValue, r.currency));
  for (const [i, remedy] of recs[0].remedies.entries())
    row(remedy.type, (r) => money(r.remedies[i]?.estimatedCost ?? 0, r.currency));
  row('tier', (r) => `${r.value.tier} (${r.value.score})`);
  row('handling', (r) => r.handling.mode);
  for (const r of recs) {
    // The customer hears of "a small gift"; the agent reads the money, in the customer's currency.
    const cost = r.rationale.find((s) => s.key === 'why.automatic');
    if (cost) console.log(`  ${r.currency}: “${cost.text}”`);
  }
  console.log('');
}

await sideBySide();
const shown = new Set();
const byCategory = new Map();
const byRemedy = new Map();
const byMode = { automatic: 0, human: 0 };
const totals = new Map();
let count = 0;
let failed = 0;

for await (const result of recommender.recommendMany(complaints())) {
  if (isRecommendationError(result)) {
    failed += 1;
    console.log(`✗ complaint ${result.index + 1}: ${result.error.message}\n`);
    continue;
  }
  count += 1;
  const category = result.trace.facts.category;
  if (IN_FULL.includes(category) && !shown.has(category)) {
    shown.add(category);
    printInFull(result);
  }
  const c = byCategory.get(category) ?? { n: 0, cost: 0 };
  c.n += 1;
  // In the rules' currency (euros), at the rate the recommendation says it used: lira and rials
  // complaints are priced in their own money.
  c.cost += result.totalCost / result.money.rate;
  byCategory.set(category, c);
  for (const type of new Set(result.remedies.map((r) => r.type)))
    byRemedy.set(type, (byRemedy.get(type) ?? 0) + 1);
  byMode[result.handling.mode] += 1;
  totals.set(result.currency, (totals.get(result.currency) ?? 0) + result.totalCost);
}

console.log(`All ${count.toLocaleString('en-US')} complaints${failed ? ` (${failed} failed)` : ''}:`);
console.log('  by category                 complaints    mean cost (EUR)');
for (const [category, c] of [...byCategory].sort((a, b) => b[1].n - a[1].n)) {
  console.log(
    `    ${category.padEnd(24)} ${String(c.n).padStart(6)}   ${money(c.cost / c.n, 'EUR').padStart(10)}`,
  );
}
console.log(
  `  remedies     ${[...byRemedy]
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${type} ${percent(n, count).trim()}`)
    .join(' · ')}`,
);
console.log(
  `  handling     automatic ${percent(byMode.automatic, count).trim()} · a person ${percent(byMode.human, count).trim()}`,
);
console.log(`  total cost   ${[...totals].map(([currency, total]) => money(total, currency)).join(' + ')}`);
console.log(
  '\nNext: npx redress simulate --rates examples/rates.json examples/complaints.jsonl --report report.html (see docs/cli.md)',
);
