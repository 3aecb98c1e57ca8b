// Measures `redress recommend --incidents` (crisis mode on the command line) on a time-ordered stream
// of 1,000,000 complaints piped in, output counted and discarded: peak RSS (the stream target is
// ≤ 200 MB), CPU and wall time, and how many recommendations were incident members. The complaints are
// the benchmark's own (bench/workload.mjs), fed in order of `receivedAt`; the first day of the stream
// has no history, so its busiest causes are incidents by their count, and their members wait until
// those incidents close. Run with `npm run bench:crisis` (it builds first).
//   BENCH_CRISIS_COUNT=200000   fewer complaints
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { complaint, prng } from './workload.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const COUNT = Number(process.env.BENCH_CRISIS_COUNT ?? 1_000_000);
const DAY = 86_400_000;

/** The order of `receivedAt`: complaint i's time comes from the first two draws of its generator. */
function timeOrder(count) {
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const rand = prng(0x5eed + i * 7919);
    const days = Math.floor(rand() * 181);
    const seconds = Math.floor(rand() * 86_400);
    times[i] = days * DAY + seconds * 1000 + i / count; // ties in input order
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => times[a] - times[b]);
  return order;
}

const order = timeOrder(COUNT);
const t0 = process.hrtime.bigint();
const child = spawn(
  process.execPath,
  ['--require', here('peak-rss.cjs'), here('../dist/cli.js'), 'recommend', '--incidents', '-'],
  { stdio: ['pipe', 'pipe', 'pipe'] },
);
let stderr = '';
child.stderr.on('data', (d) => {
  stderr = (stderr + d).slice(-8192);
});
let lines = 0;
let members = 0;
let tail = '';
child.stdout.on('data', (chunk) => {
  const text = tail + chunk.toString('utf8');
  const parts = text.split('\n');
  tail = parts.pop() ?? '';
  for (const line of parts) {
    lines++;
    if (line.includes('"incident":{"id"')) members++;
  }
});
let i = 0;
const feed = () => {
  while (i < COUNT) {
    const ok = child.stdin.write(`${JSON.stringify(complaint(order[i++]))}\n`);
    if (!ok) return void child.stdin.once('drain', feed);
  }
  child.stdin.end();
};
child.stdin.on('error', (error) => {
  console.error(`redress recommend --incidents stopped reading: ${error.message}\n${stderr}`);
  process.exit(1);
});
feed();
child.on('exit', (code) => {
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = /REDRESS_BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
  const cpu = /REDRESS_BENCH_CPU_MS=(\d+)/.exec(stderr);
  if (code !== 0 || !rss) {
    console.error(`redress recommend --incidents exited ${code}: ${stderr}`);
    process.exit(1);
  }
  const result = {
    complaints: COUNT,
    lines,
    members,
    peakRssMB: Math.round(Number(rss[1]) / 1024),
    cpuSeconds: Number(cpu?.[1] ?? 0) / 1000,
    wallSeconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(COUNT / seconds),
  };
  console.log(JSON.stringify(result));
});
