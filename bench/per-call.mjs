// The per-call case alone, for comparing builds side by side while working on it (issue 20):
// `createRecommender` with the bench's 20 generated rules, the bench's 2,000 complaints as JSON text,
// 20,000 calls of warm-up, then 5 rounds of 6,000 calls; prints the CPU time of the process per call
// of each round and their median. The CPU time, not the wall time: a busy machine does not inflate it.
//   node bench/per-call.mjs [dist directory, default ../dist] [rounds] [calls per round]
// With PER_CALL_AGAINST=<another dist directory>, both builds are loaded into this one process and
// their rounds interleaved (the order swapped each round), so that whatever else the machine is doing
// weighs on both alike; it prints each build's median and fastest round, and their ratio.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { complaints, ruleSet } from './workload.mjs';

const dist = resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname);
const ROUNDS = Number(process.argv[3] ?? 5);
const CALLS = Number(process.argv[4] ?? 6_000);
const WARM = Number(process.env.PER_CALL_WARM ?? 20_000);
const AGAINST = process.env.PER_CALL_AGAINST;

async function recommenderOf(dir) {
  const redress = await import(pathToFileURL(`${dir}/index.js`).href);
  return redress.createRecommender({ ruleSet: redress.loadRuleSet(ruleSet(20)) });
}

const corpus = complaints(2_000).map((c) => JSON.stringify(c));
const builds = [{ dir: dist, recommender: await recommenderOf(dist), rounds: [] }];
if (AGAINST)
  builds.unshift({ dir: resolve(AGAINST), recommender: await recommenderOf(resolve(AGAINST)), rounds: [] });
let i = 0;
for (const build of builds)
  for (let k = 0; k < WARM; k++) await build.recommender.recommend(corpus[i++ % corpus.length]);
for (let r = 0; r < ROUNDS; r++) {
  for (const build of r % 2 === 0 ? builds : [...builds].reverse()) {
    const c0 = process.cpuUsage();
    for (let k = 0; k < CALLS; k++) await build.recommender.recommend(corpus[i++ % corpus.length]);
    const cpu = process.cpuUsage(c0);
    build.rounds.push((cpu.user + cpu.system) / CALLS);
  }
}
const summary = ({ rounds }) => {
  const sorted = [...rounds].sort((a, b) => a - b);
  return { median: sorted[rounds.length >> 1], fastest: sorted[0] };
};
// The fastest round too: on a busy machine the other processes only ever add to a round's CPU time.
for (const build of builds) {
  const { median, fastest } = summary(build);
  console.log(
    `${AGAINST ? `${build.dir}: ` : ''}${median.toFixed(1)} µs, fastest ${fastest.toFixed(1)} (${build.rounds.map((r) => r.toFixed(1)).join(', ')})`,
  );
}
if (AGAINST) {
  const [before, after] = builds.map(summary);
  console.log(
    `after / before: ${(after.median / before.median).toFixed(3)} by the medians, ${(after.fastest / before.fastest).toFixed(3)} by the fastest rounds`,
  );
}
