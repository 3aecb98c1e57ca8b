// Crisis mode: find the bursts of complaints with one cause in a month of complaints, then answer every
// complaint of a burst with one voice: at least the goodwill and care of its most severe complaint (each
// keeps the restitution its own failure needs), and a sentence saying the cause is known. Run: npm run example examples/05-crisis-mode.ts
import { readFileSync } from 'node:fs';
import { type ComplaintInput, createRecommender, isRecommendationError, type Recommendation } from 'redress';
import { detectIncidents } from 'redress/incidents';

const complaints = readFileSync(new URL('./complaints.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as ComplaintInput);

// The incidents alone: window 24h, baseline 28d, at least 10 complaints and 4 times the usual rate.
// The first lasts 17 days, not one: only 12 of the 1,212 complaints name their order's carrier, so late
// deliveries without one are a single cause, `late_delivery` (docs/incidents.md), and from March 15 they
// stay several times the first half's rate. The usual count is rounded as `redress incidents` prints it.
const round = (n: number) => Math.round(n * 100) / 100;
for (const incident of detectIncidents(complaints)) {
  console.log(`${incident.id}: ${incident.count} complaints, ${incident.firstAt} to ${incident.lastAt}`);
  console.log(
    `  cause ${incident.cause.key}, peak ${incident.peakCount} in a day where ${round(incident.expected)} were usual`,
  );
}

// Recommending in crisis mode: the whole batch is read first, since an incident's policy may depend on
// complaints that come later in the file.
// The file has lira and rial orders too: the example rates price them in the rules' euros. They are dated
// 2026-11-01, after these March complaints: redress prices with the rates it is given and never looks
// up a complaint's own day, so a real replay passes rates of the complaints' time.
const exchangeRates = JSON.parse(readFileSync(new URL('./rates.json', import.meta.url), 'utf8'));
const recommender = createRecommender({ exchangeRates });
const byId = new Map(complaints.map((c) => [c.id, c]));
let members = 0;
let changed = 0;
let example: { alone: Recommendation; inIncident: Recommendation } | undefined;
for await (const r of recommender.recommendMany(complaints, { incidents: true })) {
  if (isRecommendationError(r) || !r.incident) continue;
  members += 1;
  const alone = await recommender.recommend(byId.get(r.complaintId)); // the same complaint, on its own
  if (r.totalCost !== alone.totalCost) {
    changed += 1;
    example ??= { alone, inIncident: r };
  }
}
console.log(`${members} complaints answered as part of an incident; ${changed} of them get more than alone`);
if (example) {
  const { alone, inIncident } = example;
  const list = (r: Recommendation) => r.remedies.map((x) => `${x.type} ${x.estimatedCost}`).join(' + ');
  console.log(`${alone.complaintId} alone: ${list(alone)}`);
  console.log(
    `${alone.complaintId} in the incident: ${list(inIncident)} (the policy of ${inIncident.incident?.policyFrom})`,
  );
  console.log(`  ${inIncident.rationale.find((s) => s.key === 'incident.notice')?.text}`);
}

// Output:
// inc-20260314T175400Z-late_delivery: 244 complaints, 2026-03-14T17:54:00.000Z to 2026-03-31T20:56:00.000Z
//   cause late_delivery, peak 21 in a day where 3.55 were usual
// inc-20260321T143700Z-service_outage: 13 complaints, 2026-03-21T14:37:00.000Z to 2026-03-22T19:30:00.000Z
//   cause service_outage, peak 12 in a day where 2.63 were usual
// 257 complaints answered as part of an incident; 134 of them get more than alone
// c-000218 alone: coupon 4.19 + apology 0
// c-000218 in the incident: coupon 8.74 + apology 0 (the policy of c-001113)
//   This is part of a known problem that has affected many of our customers, and we are fixing its cause.
