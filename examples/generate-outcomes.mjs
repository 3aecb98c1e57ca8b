// Writes examples/outcomes.jsonl: what became of the complaints in examples/complaints.jsonl after the
// rules in production (examples/rules/current.json) decided their remedies. Generated from a fixed
// seed by the simple model below, so that the file is the same on every machine and `redress outcomes`
// has something true to find.
//
//   npm run build && node examples/generate-outcomes.mjs [--seed 20260401] [--out file]
//
// The model. Each complaint gets the recommendation the production rules give it. Its customer is
// satisfied (CSAT 4 or 5) with probability 0.78, whatever the rule, category or severity, except under
// two rules whose remedies satisfy less:
//   - `late-minor` (a delivery a day or two late gets an apology and nothing else): 0.35. It answers
//     about sixty complaints, enough for `redress outcomes` to mark it worse than the rest of
//     late_delivery;
//   - `damaged-item-refund` (a refund instead of a replacement): 0.35 too, but it answers only about
//     seventeen complaints, too few to judge: the summary says so instead of marking it.
// Four customers in five answer the survey. A dissatisfied customer is more likely to reopen the
// complaint, complain again within 60 days, leave, keep a public post up, and refuse the offer. Three
// complaints in a hundred have no outcome record at all (the join lists them as unmatched).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRecommender, loadRuleSet } from '../dist/index.js';
import { prng } from './generate.mjs';

/** The rules whose remedies satisfy less, and how likely their customers are to be satisfied. */
export const WEAK_RULES = { 'late-minor': 0.35, 'damaged-item-refund': 0.35 };
const SATISFIED = 0.78;
const ANSWERS_SURVEY = 0.8;
const NO_RECORD = 0.03;
const DAY = 86_400_000;

/** The chance that this recommendation's customer is satisfied: the lowest of its weak rules, if any. */
function satisfaction(recommendation) {
  const rules = recommendation.remedies.map((r) => r.rule);
  return Math.min(SATISFIED, ...rules.map((rule) => WEAK_RULES[rule] ?? SATISFIED));
}

function outcome(complaint, recommendation, random) {
  const chance = (p) => random() < p;
  const satisfied = chance(satisfaction(recommendation));
  const csat = satisfied ? (chance(0.55) ? 5 : 4) : [1, 2, 2, 3, 3, 3][Math.floor(random() * 6)];
  const resolvedAt = new Date(Date.parse(complaint.receivedAt) + (0.1 + random() * 4) * DAY);
  const record = { complaintId: complaint.id };
  if (chance(ANSWERS_SURVEY)) record.csat = csat;
  record.resolvedAt = resolvedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  record.reopened = chance(satisfied ? 0.04 : 0.18);
  record.repeatWithinDays = chance(satisfied ? 0.08 : 0.25) ? 1 + Math.floor(random() * 60) : null;
  record.churned = chance(satisfied ? 0.03 : 0.16);
  if (complaint.exposure?.public) record.publicResolved = chance(satisfied ? 0.7 : 0.2);
  const answer = random();
  record.accepted =
    answer < (satisfied ? 0.86 : 0.5)
      ? 'first'
      : answer < (satisfied ? 0.97 : 0.75)
        ? 'alternative'
        : 'refused';
  return record;
}

/**
 * The outcome lines for the complaints, in their order. The Turkish and Iranian storefronts' complaints
 * (in lira and rials, read at `exchangeRates`) draw from a stream of their own, so that the European
 * complaints' outcomes are the same with or without them.
 */
export async function generateOutcomes(complaintsText, ruleSet, seed, exchangeRates) {
  const recommender = createRecommender({ ruleSet: loadRuleSet(ruleSet), exchangeRates });
  const random = prng(seed);
  const abroad = prng(seed + 1);
  const lines = [];
  for (const line of complaintsText.split('\n')) {
    if (line.trim() === '') continue;
    const complaint = JSON.parse(line);
    const recommendation = await recommender.recommend(complaint);
    const draw = recommendation.currency === 'EUR' ? random : abroad;
    const record = outcome(complaint, recommendation, draw);
    if (draw() >= NO_RECORD) lines.push(JSON.stringify(record));
  }
  return lines;
}

async function main() {
  const here = (name) => fileURLToPath(new URL(name, import.meta.url));
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '20260401' },
      out: { type: 'string', default: here('./outcomes.jsonl') },
    },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not ${values.seed}`);
  const complaints = readFileSync(here('./complaints.jsonl'), 'utf8');
  const rules = readFileSync(here('./rules/current.json'), 'utf8');
  const rates = JSON.parse(readFileSync(here('./rates.json'), 'utf8'));
  const lines = await generateOutcomes(complaints, rules, seed, rates);
  writeFileSync(values.out, `${lines.join('\n')}\n`);
  console.error(`wrote ${lines.length} outcomes to ${values.out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`generate-outcomes: ${error.message}`);
    process.exitCode = 2;
  });
}
