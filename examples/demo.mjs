// Recommends remedies for every complaint in examples/complaints.jsonl with the built-in default rules
// and prints them for a person to read. Run with `npm run demo` (it builds first).
import { readFileSync } from 'node:fs';
import { createRecommender, isRecommendationError } from '../dist/index.js';

const file = new URL('./complaints.jsonl', import.meta.url);
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');
const recommender = createRecommender();

const money = (amount, currency) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);

for await (const result of recommender.recommendMany(lines.map((line) => JSON.parse(line)))) {
  if (isRecommendationError(result)) {
    console.log(`✗ line ${result.index + 1}: ${result.error.message}\n`);
    continue;
  }
  const r = result;
  console.log(
    `■ ${r.complaintId} — severity ${r.severity.score} (${r.severity.band}), customer ${r.value.tier} (${r.value.score})`,
  );
  for (const remedy of r.remedies) {
    console.log(
      `    ${remedy.type.padEnd(10)} ${money(remedy.estimatedCost, r.currency).padStart(12)}  [${remedy.kind}, rule ${remedy.rule}]`,
    );
  }
  console.log(
    `    total ${money(r.totalCost, r.currency)} · ${r.handling.mode}${r.handling.reasons.length ? ` (${r.handling.reasons.join(', ')})` : ''} · owner ${r.handling.owner}`,
  );
  for (const sentence of r.rationale.filter((s) => s.audience === 'customer'))
    console.log(`    “${sentence.text}”`);
  console.log('');
}
