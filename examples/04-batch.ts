// A stream of complaints: a month of them from a JSON Lines file, and two broken lines. recommendMany
// yields one result per input, in input order, and a bad input becomes an error record instead of
// stopping the batch. Complaints about one problem are linked into one case ("linked" below;
// docs/cases.md). The file has lira and rial orders too: the example rates price them, and the total
// adds every cost in euros at the rate each recommendation reports. Run: npm run example examples/04-batch.ts
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRecommender, isRecommendationError } from 'redress';

async function* lines(): AsyncGenerator<string> {
  const file = new URL('./complaints.jsonl', import.meta.url);
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (line.trim() !== '') yield line; // JSON text: parsed where it is recommended
  }
  yield '{"id": "c-broken", "receivedAt": "yesterday"'; // cut off
  yield '{"id": "c-bad-date", "receivedAt": "2026-03-31T10:00:00", "channel": "email"}';
}

// Dated 2026-11-01, after these March complaints: redress prices with the rates it is given and never
// looks up a complaint's own day, so a real batch passes rates of the complaints' time.
const exchangeRates = JSON.parse(readFileSync(new URL('./rates.json', import.meta.url), 'utf8'));
const recommender = createRecommender({ exchangeRates });
const byMode = { automatic: 0, human: 0, linked: 0 };
const byRemedy = new Map<string, number>();
let total = 0;
let count = 0;

for await (const result of recommender.recommendMany(lines())) {
  if (isRecommendationError(result)) {
    console.log(
      `input ${result.index + 1} (${result.complaintId ?? 'no id'}): ${result.error.code} at "${result.error.pointer}"`,
    );
    continue;
  }
  count += 1;
  total += result.totalCost / result.money.rate; // in euros, the rules' currency
  byMode[result.handling.mode] += 1;
  for (const remedy of result.remedies) byRemedy.set(remedy.type, (byRemedy.get(remedy.type) ?? 0) + 1);
}

console.log(`${count} recommendations, ${total.toFixed(2)} EUR in all`);
console.log(`automatic ${byMode.automatic}, for a person ${byMode.human}, linked ${byMode.linked}`);
console.log([...byRemedy].map(([type, n]) => `${type} ${n}`).join(', '));

// Output:
// input 1213 (no id): INVALID_JSON at ""
// input 1214 (no id): INVALID_COMPLAINT at "/receivedAt"
// 1212 recommendations, 85741.60 EUR in all
// automatic 731, for a person 479, linked 2
// refund 188, apology 1212, escalate 221, resend 500, coupon 212, return 145, free_month 117, gift 111
