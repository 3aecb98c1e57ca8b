// Measures a linked batch's memory over a 1,000,000-complaint stream (`npm run bench:linking`; it builds
// first): complaints over 90 days in time order, generated as they are read (the input is never held),
// a fifth of them a repeat of an earlier problem on another channel within hours, through
// `recommendManyAsJson` with linking on, the default. The heap is sampled after a collection every
// 50,000 complaints: with only the window's open cases held, it must stay flat as the stream grows.
// BENCH_WORKERS=false keeps the batch in the calling thread (by default, 'auto': worker threads past
// the first 1,000 complaints, on two cores or more).
import { performance } from 'node:perf_hooks';
import { createRecommender } from '../dist/index.js';
import { prng } from './workload.mjs';

const N = Number(process.env.BENCH_COMPLAINTS ?? 1_000_000);
const WORKERS = process.env.BENCH_WORKERS === 'false' ? false : 'auto';
const DAYS = 90;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const STEP = (DAYS * 86_400_000) / N;
const CHANNELS = ['email', 'chat', 'phone', 'social'];
const CATEGORIES = ['wrong_item', 'damaged_item', 'missing_item', 'late_delivery'];

// A seeded generator, so every run measures the same data.
const random = prng(20261125);

function complaint(i, n, at, channel, category) {
  return {
    id: `c-${i}`,
    receivedAt: new Date(at).toISOString(),
    channel,
    category,
    order: {
      id: `o-${n}`,
      total: 60,
      currency: 'EUR',
      placedAt: '2025-12-01',
      items: [{ sku: `SKU-${n % 400}`, quantity: 1, unitPrice: 60 }],
    },
    customer: { id: `u-${n}`, since: '2024-05-01' },
  };
}

function* complaints() {
  const recent = []; // the last problems, to repeat some of them on another channel
  for (let i = 0; i < N; i++) {
    const at = T0 + i * STEP;
    const repeat = recent.length > 0 && random() < 0.2;
    const problem = repeat
      ? recent[Math.floor(random() * recent.length)]
      : { n: i, category: CATEGORIES[Math.floor(random() * CATEGORIES.length)] };
    if (!repeat) {
      recent.push(problem);
      if (recent.length > 500) recent.shift();
    }
    yield complaint(i, problem.n, at, CHANNELS[Math.floor(random() * CHANNELS.length)], problem.category);
  }
}

const mib = (bytes) => Math.round((bytes / 1_048_576) * 10) / 10;
const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

const recommender = createRecommender();
const samples = [];
let linked = 0;
let count = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const start = heap();
const elu0 = performance.eventLoopUtilization();
for await (const text of recommender.recommendManyAsJson(complaints(), { workers: WORKERS })) {
  count++;
  if (text.includes('"mode":"linked"')) linked++;
  if (count % 50_000 === 0) samples.push({ at: count, heapMiB: mib(heap() - start) });
}
const cpu = process.cpuUsage(cpu0);
const result = {
  workers: WORKERS,
  complaints: count,
  linked,
  wallS: Math.round((performance.now() - t0) / 100) / 10,
  // Every thread of the process, and the calling thread's share of the wall time.
  cpuS: Math.round((cpu.user + cpu.system) / 100_000) / 10,
  callingThreadBusy: Math.round(performance.eventLoopUtilization(elu0).utilization * 100) / 100,
  heapAboveStartMiB: {
    first: samples[0]?.heapMiB,
    max: Math.max(...samples.map((s) => s.heapMiB)),
    last: samples.at(-1)?.heapMiB,
  },
  peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
  samples,
};
console.log(JSON.stringify(result, null, 2));
