// Measures `redress outcomes` on 100,000 and 1,000,000 complaints: peak resident memory, CPU and wall
// time of the command, one process on one thread (the command starts no workers), reading two files
// written beforehand. The recommendations are the 1,200 the production rules give the example
// complaints, repeated under new complaint ids (about 3.8 KB a line, as `redress recommend` writes
// them); the outcomes are one short line per complaint from a fixed seed, 1% of complaints without
// one and 0.5% extra ids without a recommendation, so that both sides of the join have work to do.
//
//   npm run bench:outcomes                      # 100,000 and 1,000,000 (about 4.3 GB of files in $TMPDIR)
//   BENCH_OUTCOMES=10000,100000 npm run bench:outcomes
//
// Generating the files is not timed. The figures go to bench/RESULTS.md by hand, with what else was
// running on the machine.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRecommender, loadRuleSet } from '../dist/index.js';
import { prng } from './workload.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.BENCH_OUTCOMES ?? '100000,1000000').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'redress-bench-outcomes-'));

// A seeded generator, so every run measures the same data.
const random = prng(20260401);

/** The example recommendations as [before the id, after the id] pairs of JSON text. */
async function templates() {
  // The example file has lira and rial orders since the markets were added: they need the example rates.
  const { rates, asOf } = JSON.parse(readFileSync(join(root, 'examples/rates.json'), 'utf8'));
  const recommender = createRecommender({
    ruleSet: loadRuleSet(readFileSync(join(root, 'examples/rules/current.json'), 'utf8')),
    exchangeRates: { rates, asOf },
  });
  const out = [];
  for (const line of readFileSync(join(root, 'examples/complaints.jsonl'), 'utf8').trim().split('\n')) {
    const rec = await recommender.recommend(line);
    const text = JSON.stringify(rec);
    const marker = `"complaintId":${JSON.stringify(rec.complaintId)}`;
    const at = text.indexOf(marker);
    out.push([`${text.slice(0, at)}"complaintId":"`, `"${text.slice(at + marker.length)}`]);
  }
  return out;
}

async function writeLines(path, count, line) {
  const stream = createWriteStream(path);
  let batch = '';
  for (let i = 0; i < count; i++) {
    batch += `${line(i)}\n`;
    if (batch.length > 1 << 20) {
      if (!stream.write(batch)) await new Promise((resolve) => stream.once('drain', resolve));
      batch = '';
    }
  }
  stream.end(batch);
  await new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject));
  return statSync(path).size;
}

const id = (i) => `b-${String(i).padStart(8, '0')}`;

function outcome(i) {
  const satisfied = random() < 0.75;
  const record = { complaintId: id(i) };
  if (random() < 0.8) record.csat = satisfied ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3);
  record.reopened = random() < (satisfied ? 0.04 : 0.18);
  record.repeatWithinDays = random() < 0.15 ? Math.floor(random() * 60) : null;
  record.churned = random() < (satisfied ? 0.03 : 0.16);
  record.accepted = random() < 0.8 ? 'first' : random() < 0.5 ? 'alternative' : 'refused';
  return JSON.stringify(record);
}

/** Runs the built command with the peak-RSS reporter preloaded; its wall time, CPU, peak RSS and JSON output. */
function measure(recommendations, outcomes) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      [
        '--require',
        join(root, 'bench/peak-rss.cjs'),
        join(root, 'dist/cli.js'),
        'outcomes',
        '--json',
        '--quiet',
        recommendations,
        outcomes,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const out = [];
    let err = '';
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => {
      err += b;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      const rssKb = Number(/REDRESS_BENCH_MAXRSS_KB=(\d+)/.exec(err)?.[1]);
      const cpuMs = Number(/REDRESS_BENCH_CPU_MS=(\d+)/.exec(err)?.[1]);
      if (code !== 0) reject(new Error(`redress outcomes exited ${code}: ${err}`));
      else
        resolve({
          wallS,
          cpuS: cpuMs / 1000,
          rssMb: rssKb / 1024,
          summary: JSON.parse(Buffer.concat(out).toString()),
        });
    });
  });
}

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

try {
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const pairs = await templates();
  const results = [];
  for (const n of [1, ...SIZES]) {
    const recs = join(work, `recommendations-${n}.jsonl`);
    const outs = join(work, `outcomes-${n}.jsonl`);
    // 1% of complaints have no outcome; 0.5% more outcomes have no recommendation.
    const recBytes = await writeLines(recs, n, (i) => {
      const [before, after] = pairs[i % pairs.length];
      return `${before}${id(i)}${after}`;
    });
    const missing = (i) => i % 100 === 99;
    const extra = Math.floor(n / 200);
    let next = 0;
    const outBytes = await writeLines(outs, n - Math.floor(n / 100) + extra, () => {
      while (next < n && missing(next)) next++;
      return next < n ? outcome(next++) : outcome(n + next++);
    });
    const r = await measure(recs, outs);
    const j = r.summary.join;
    if (j.matched !== n - Math.floor(n / 100) || r.summary.errors.count !== 0)
      throw new Error(`unexpected join at ${n}: ${JSON.stringify(j)}`);
    results.push({ n, ...r, recBytes, outBytes });
    console.log(
      `${n.toLocaleString('en-US').padStart(9)} complaints  recommendations ${mb(recBytes).padStart(9)}  outcomes ${mb(outBytes).padStart(7)}  ` +
        `peak RSS ${r.rssMb.toFixed(0).padStart(5)} MiB  CPU ${r.cpuS.toFixed(1).padStart(6)} s  wall ${r.wallS.toFixed(1).padStart(6)} s  ` +
        `${Math.round(n / r.cpuS).toLocaleString('en-US')} complaints per CPU second; joined ${j.matched.toLocaleString('en-US')}, unmatched ${j.unmatchedRecommendations.count.toLocaleString('en-US')} + ${j.unmatchedOutcomes.count.toLocaleString('en-US')}`,
    );
    rmSync(recs);
    rmSync(outs);
  }
  const [small, large] = results.slice(-2);
  if (small && large && large.n > small.n) {
    const perComplaint = ((large.rssMb - small.rssMb) * 2 ** 20) / (large.n - small.n);
    console.log(
      `peak RSS grows by about ${perComplaint.toFixed(0)} bytes per complaint between ${small.n.toLocaleString('en-US')} and ${large.n.toLocaleString('en-US')}`,
    );
  }
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(`node ${process.version}; ${execFileSync('uname', ['-sr']).toString().trim()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
