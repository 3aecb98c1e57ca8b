// The per-call case alone, for comparing builds side by side while working on it (issue 20):
// `createRecommender` with the bench's 20 generated rules, the bench's 2,000 complaints as JSON text,
// 20,000 calls of warm-up, then 5 rounds of 6,000 calls; prints the CPU time of the process per call
// of each round and their median. The CPU time, not the wall time: a busy machine does not inflate it.
//   node bench/per-call.mjs [dist directory, default ../dist] [rounds] [calls per round]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { complaints, ruleSet } from './workload.mjs';

const dist = resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname);
const ROUNDS = Number(process.argv[3] ?? 5);
const CALLS = Number(process.argv[4] ?? 6_000);
const WARM = Number(process.env.PER_CALL_WARM ?? 20_000);

const redress = await import(pathToFileURL(`${dist}/index.js`).href);
const recommender = redress.createRecommender({ ruleSet: redress.loadRuleSet(ruleSet(20)) });
const corpus = complaints(2_000).map((c) => JSON.stringify(c));
let i = 0;
for (let k = 0; k < WARM; k++) await recommender.recommend(corpus[i++ % corpus.length]);
const rounds = [];
for (let r = 0; r < ROUNDS; r++) {
  const c0 = process.cpuUsage();
  for (let k = 0; k < CALLS; k++) await recommender.recommend(corpus[i++ % corpus.length]);
  const cpu = process.cpuUsage(c0);
  rounds.push((cpu.user + cpu.system) / CALLS);
}
const sorted = [...rounds].sort((a, b) => a - b);
const median = sorted[rounds.length >> 1];
// The fastest round too: on a busy machine the other processes only ever add to a round's CPU time.
console.log(
  `${median.toFixed(1)} µs, fastest ${sorted[0].toFixed(1)} (${rounds.map((r) => r.toFixed(1)).join(', ')})`,
);
