// Measures incident detection on 1,000,000 complaints on one core: a quiet background of 2,000
// causes over 90 days with three bursts in it, in time order, shuffled, and through the streaming
// detector. Run with `npm run bench:incidents` (it builds first). Generating the data is not timed.
import { performance } from 'node:perf_hooks';
import { createIncidentDetector, detectIncidents } from '../dist/incidents.js';
import { prng } from './workload.mjs';

const N = Number(process.env.BENCH_COMPLAINTS ?? 1_000_000);
const DAYS = 90;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const CATEGORIES = ['wrong_item', 'damaged_item', 'missing_item', 'late_delivery', 'poor_quality'];

// A seeded generator, so every run measures the same data.
const random = prng(20261125);

const orders = Array.from({ length: 400 }, (_, k) => ({
  items: [{ sku: `SKU-${String(k).padStart(4, '0')}`, quantity: 1, unitPrice: 10 + (k % 90) }],
}));
const bursts = [
  { at: 20, sku: 17, category: 'wrong_item', count: 400 },
  { at: 45, sku: 230, category: 'damaged_item', count: 1500 },
  { at: 80, sku: 5, category: 'missing_item', count: 250 },
];

function makeComplaints() {
  const times = new Float64Array(N);
  const background = N - bursts.reduce((s, b) => s + b.count, 0);
  for (let i = 0; i < background; i++) times[i] = T0 + random() * DAYS * 86_400_000;
  times.subarray(0, background).sort();
  const list = new Array(N);
  for (let i = 0; i < background; i++) {
    list[i] = {
      id: `c-${i}`,
      receivedAt: new Date(times[i]).toISOString(),
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
      order: orders[Math.floor(random() * orders.length)],
      ...(random() < 0.05 ? { exposure: { public: true } } : {}),
    };
  }
  let i = background;
  for (const b of bursts) {
    for (let k = 0; k < b.count; k++, i++) {
      const t = T0 + b.at * 86_400_000 + random() * 6 * 3_600_000;
      list[i] = {
        id: `b-${i}`,
        receivedAt: new Date(t).toISOString(),
        category: b.category,
        order: orders[b.sku],
      };
    }
  }
  return list;
}

// CPU time is reported beside wall time: on a shared machine the wall clock measures the neighbours.
function time(label, fn) {
  globalThis.gc?.();
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const result = fn();
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - start;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const rate = Math.round(N / (cpuMs / 1000)).toLocaleString('en-US');
  console.log(
    `${label.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms wall ${cpuMs.toFixed(0).padStart(6)} ms cpu ${rate.padStart(11)} complaints per cpu second`,
  );
  return result;
}

const complaints = makeComplaints(); // in time order, but for the bursts appended at the end
const sorted = [...complaints].sort((a, b) =>
  a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0,
);
const options = { window: '24h', baseline: '28d', minCount: 50, ratio: 4 };
console.log(`incident detection, ${N.toLocaleString('en-US')} complaints, ${process.version}`);

const a = time('detectIncidents, time order', () => detectIncidents(sorted, options));
const b = time('detectIncidents, any order (sorts)', () => detectIncidents(complaints, options));
const c = time('createIncidentDetector, streaming', () => {
  const detector = createIncidentDetector(options);
  const found = [];
  for (const complaint of sorted) for (const incident of detector.push(complaint)) found.push(incident);
  return [...found, ...detector.finish()];
});
for (const incident of a) {
  console.log(`  ${incident.id}: ${incident.count} complaints, growth ${incident.growth ?? '∞'}`);
}
if (a.length !== bursts.length || JSON.stringify(a) !== JSON.stringify(b) || c.length !== a.length) {
  console.error('the three runs disagree, or did not find exactly the injected bursts');
  process.exit(1);
}
