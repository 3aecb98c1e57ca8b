// `npm run bench`: redress's compiled evaluator against json-rules-engine and a hand-written baseline,
// the whole recommend pipeline, batches on worker threads, and memory over a long stream.
//
//   npm run bench                 full run (several minutes: it streams 1,000,000 complaints at the end)
//   npm run bench -- --quick      smaller sizes, for a quick look
//   npm run bench -- --write      also write the results into bench/RESULTS.md
//   npm run bench -- --json       print the raw results as JSON instead of tables
//   BENCH_STREAM_COUNT=200000     complaints in the streaming memory case (default 1,000,000)
//   BENCH_REPLAY_COUNT=200000     complaints in the replay case (default 1,000,000; a 620 MB file)
//   BENCH_REPLAY_THREADS_COUNT=n  complaints in its side-by-side runs on 0, 1 and 2 workers (default 200,000)
//   BENCH_ONLY=replay             only the replay case, printed alone (to check it with a small count)
//   BENCH_ONLY=per-call           only the per-call case, json-rules-engine at 20 rules beside it and the
//                                 stage profile, printed alone (with --quick: a few thousand calls, to check it)
//
// Every case runs in a child process of its own, so that its peak memory is its own and no other
// case's code shapes the JIT's view of it.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from './bundle.mjs';
import { measureReplay } from './replay.mjs';
import { profileStages, STAGES } from './stages.mjs';
import { complaint, handWrittenSource, ruleSet } from './workload.mjs';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const SIZES = [20, 100, 500];
const BATCH = quick ? 8_000 : 40_000;
const WARM_BATCH = quick ? 4_000 : 20_000;
const STREAM = Number(process.env.BENCH_STREAM_COUNT ?? (quick ? 50_000 : 1_000_000));
const REPLAY = Number(process.env.BENCH_REPLAY_COUNT ?? (quick ? 50_000 : 1_000_000));
const REPLAY_THREADS = Number(process.env.BENCH_REPLAY_THREADS_COUNT ?? Math.min(REPLAY, 200_000));
const ONLY_REPLAY = process.env.BENCH_ONLY === 'replay';
const ONLY_PER_CALL = process.env.BENCH_ONLY === 'per-call';
/** With --quick and BENCH_ONLY=per-call: small enough to check the case, not to measure it. */
const PER_CALL_SIZE = quick ? { rounds: 2, roundMs: 200, warmCalls: 2_000, latencySamples: 2_000 } : {};
const CORES = os.availableParallelism();
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const log = (text) => process.stderr.write(`${text}\n`);

if (!existsSync(here('../dist/index.js'))) throw new Error('build first: npm run build');
mkdirSync(here('.build'), { recursive: true });
await bundleForNode(here('internals.ts'), here('.build/internals.mjs'));
for (const size of SIZES)
  writeFileSync(here(`.build/handwritten-${size}.mjs`), handWrittenSource(ruleSet(size)));

const machine = {
  date: new Date().toISOString(),
  cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  loadBefore: os.loadavg()[0],
};

function runCase(spec) {
  log(`  ${JSON.stringify(spec)}`);
  const out = execFileSync(process.execPath, [here('case.mjs'), JSON.stringify(spec)], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

/** The `redress recommend` command over `count` complaints piped in, output discarded; its peak RSS. */
function runCli(count) {
  const cli = here('../dist/cli.js');
  log(`  CLI: redress recommend, ${count} complaints on stdin`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', here('peak-rss.cjs'), cli, 'recommend', '-'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4096);
    });
    const t0 = process.hrtime.bigint();
    let i = 0;
    const feed = () => {
      while (i < count) {
        const ok = child.stdin.write(`${JSON.stringify(complaint(i++))}\n`);
        if (!ok) return void child.stdin.once('drain', feed);
      }
      child.stdin.end();
    };
    child.stdin.on('error', reject);
    feed();
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const peak = /REDRESS_BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
      if (code !== 0 || !peak) return reject(new Error(`redress recommend exited ${code}: ${stderr}`));
      resolve({ kind: 'cli', count, ops: count / seconds, maxRssMB: Number(peak[1]) / 1024 });
    });
  });
}

// `--from FILE`: the results of an earlier run (each run leaves them in .build/last-run.json), printed
// again without measuring anything.
const fromIndex = process.argv.indexOf('--from');
const saved = fromIndex > 0 ? JSON.parse(readFileSync(process.argv[fromIndex + 1], 'utf8')) : undefined;
const results = saved?.results ?? (await measureAll());
if (saved) Object.assign(machine, saved.machine);
else writeFileSync(here('.build/last-run.json'), JSON.stringify({ machine, results }));

async function measureAll() {
  log(`redress bench${quick ? ' (quick)' : ''}: ${machine.cpu}, Node ${machine.node}`);
  const results = {
    rules: {},
    full: {},
    perCall: undefined,
    stages: undefined,
    batch: {},
    stream: undefined,
    replay: undefined,
  };
  if (ONLY_PER_CALL) {
    log('per call: recommend on JSON text, 20 rules, and json-rules-engine beside it');
    results.rules[20] = { jre: runCase({ kind: 'jre', rules: 20, ...PER_CALL_SIZE }) };
    results.perCall = runCase({ kind: 'full', engine: 'compiled', rules: 20, text: true, ...PER_CALL_SIZE });
    log('where the time goes: the per-call case under the CPU profiler');
    results.stages = profileStages(here('case.mjs'), {
      kind: 'full',
      engine: 'compiled',
      rules: 20,
      text: true,
      ...PER_CALL_SIZE,
    });
    machine.loadAfter = os.loadavg()[0];
    return results;
  }
  if (ONLY_REPLAY) {
    log('replay');
    results.replay = await measureReplay(here('.build'), REPLAY, log, REPLAY_THREADS);
    machine.loadAfter = os.loadavg()[0];
    return results;
  }
  for (const size of SIZES) {
    log(`rules only, ${size} rules`);
    results.rules[size] = {
      jre: runCase({ kind: 'jre', rules: size }),
      reference: runCase({ kind: 'reference-rules', rules: size }),
      compiled: runCase({ kind: 'compiled-rules', rules: size }),
      handwritten: runCase({ kind: 'handwritten', rules: size }),
    };
  }
  log('full pipeline');
  for (const rules of ['default', ...SIZES]) {
    results.full[rules] = {
      compiled: runCase({ kind: 'full', engine: 'compiled', rules }),
      reference: runCase({ kind: 'full', engine: 'reference', rules }),
    };
  }
  log('per call: recommend on JSON text, 20 rules');
  results.perCall = runCase({ kind: 'full', engine: 'compiled', rules: 20, text: true });
  log('where the time goes: the full pipeline under the CPU profiler');
  results.stages = profileStages(here('case.mjs'), { kind: 'full', engine: 'compiled', rules: 'default' });
  log('batches');
  for (const json of [false, true]) {
    const mode = json ? 'json' : 'objects';
    results.batch[mode] = {
      one: runCase({ kind: 'batch', count: BATCH, warm: WARM_BATCH, threads: 1, json }),
      oneWorker: runCase({ kind: 'batch', count: BATCH, warm: WARM_BATCH, threads: 1, workers: true, json }),
      all: runCase({ kind: 'batch', count: BATCH, warm: WARM_BATCH, threads: CORES, json }),
    };
  }
  log('streaming');
  if (existsSync(here('../dist/cli.js'))) {
    try {
      results.stream = await runCli(STREAM);
    } catch (error) {
      log(`  the CLI run failed (${error.message.split('\n')[0]}); measuring recommendMany instead`);
    }
  }
  results.stream ??= runCase({ kind: 'stream', count: STREAM });
  log('replay');
  results.replay = await measureReplay(here('.build'), REPLAY, log, REPLAY_THREADS);
  machine.loadAfter = os.loadavg()[0];
  return results;
}

if (args.has('--json')) {
  console.log(JSON.stringify({ machine, results }, null, 2));
  process.exit(0);
}

const n = (x) => Math.round(x).toLocaleString('en-US');
const load = (x) => `${x.load[0].toFixed(1)} → ${x.load[1].toFixed(1)}`;

/** The replay's tables: against reading the file, and this thread against one and two workers. */
function replaySection(rp) {
  const rows = [
    ['reading the file and `JSON.parse` of every line', rp.read],
    ['`redress simulate`, proposed against current (linking and incidents on)', rp.replay],
  ].map(([what, x]) => [
    what,
    `${x.seconds.toFixed(1)} s`,
    `${x.cpuSeconds.toFixed(1)} s`,
    n(rp.count / x.seconds),
    mb(x.maxRssMB),
    load(x),
    times(x.seconds / rp.read.seconds),
  ]);
  const { count, runs } = rp.threads;
  const byWorkers = (w) => runs.find((r) => r.workers === w);
  const threadRows = runs.map((x) => [
    x.workers === 0 ? 'this thread alone (`--workers 0`)' : `\`--workers ${x.workers}\` (and this thread)`,
    `${x.seconds.toFixed(1)} s`,
    `${x.cpuSeconds.toFixed(1)} s`,
    n(count / x.seconds),
    mb(x.maxRssMB),
    load(x),
    times(byWorkers(1).seconds / x.seconds),
    times(byWorkers(0).seconds / x.seconds),
  ]);
  const two = byWorkers(1).seconds / byWorkers(2).seconds;
  return `**Replay** — ${n(rp.count)} generated complaints (${mb(rp.bytes / 2 ** 20)} of JSON Lines; examples/generate.mjs), each
run a child process of its own, one after the other, with the load average before and after it. By
default (${CORES} cores) the replay decides chunks of lines on ${Math.max(CORES - 1, 0)} worker thread(s) and in this thread.

${table(['run', 'wall time', 'CPU time', 'complaints/s', 'peak RSS', 'load', '× reading'], rows)}

The first ${n(count)} of them, side by side: in this thread alone, on one worker and on two
(\`--workers\`; the calling thread decides chunks too while the oldest chunk out is unanswered). **2 workers
give ${times(two)} the speed of 1** (wall time).

${table(['replay', 'wall time', 'CPU time', 'complaints/s', 'peak RSS', 'load', 'vs 1 worker', 'vs this thread'], threadRows)}
`;
}

const us = (x) =>
  x === undefined ? '' : x < 10 ? `${x.toFixed(2)} µs` : x < 100 ? `${x.toFixed(1)} µs` : `${n(x)} µs`;
const mb = (x) => `${Math.round(x)} MB`;
const times = (x) => (x >= 100 ? `${n(x)}×` : x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`);
function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

if (ONLY_REPLAY) {
  console.log(
    `Run ${machine.date}; load average ${machine.loadBefore.toFixed(2)} before, ${machine.loadAfter.toFixed(2)} after.\n`,
  );
  console.log(replaySection(results.replay));
  process.exit(0);
}

if (ONLY_PER_CALL) {
  const p = results.perCall;
  const jre = results.rules[20].jre;
  console.log(
    `Run ${machine.date}; load average ${machine.loadBefore.toFixed(2)} before, ${machine.loadAfter.toFixed(2)} after.\n`,
  );
  console.log(
    `Per call, JSON text in, 20 rules: ${n(p.ops)}/s (${n(p.cpuOps)} per CPU-second, ${us(1e6 / p.cpuOps)} of CPU a call), p50 ${us(p.p50)}, p99 ${us(p.p99)}; json-rules-engine rules-only ${n(jre.ops)}/s (${n(jre.cpuOps)} per CPU-second): ${times(p.ops / jre.ops)} (CPU time: ${times(p.cpuOps / jre.cpuOps)}).\n`,
  );
  const perCallUs = 1e6 / p.cpuOps;
  const rows = [
    ...STAGES.map(([name, label]) => [label, `\`${name}\``, results.stages[name] ?? 0]),
    ['garbage collection', '', results.stages.gc ?? 0],
    ['the benchmark loop, promises, everything else', '', results.stages.other ?? 0],
  ].map(([label, fn, share]) => [label, fn, `${(share * 100).toFixed(1)}%`, us(share * perCallUs)]);
  console.log(table(['stage', 'function', 'share of CPU', '≈ per call'], rows));
  process.exit(0);
}

const jre20 = results.rules[20].jre.ops;
const rulesRows = [];
for (const size of SIZES) {
  const r = results.rules[size];
  const row = (name, x) => [
    String(size),
    name,
    n(x.ops),
    n(x.cpuOps),
    us(x.p50),
    us(x.p99),
    mb(x.maxRssMB),
    times(x.ops / r.jre.ops),
    times(r.handwritten.ops / x.ops),
  ];
  rulesRows.push(
    row('json-rules-engine (direct)', r.jre),
    row('redress, reference engine', r.reference),
    row('redress, compiled', r.compiled),
    row('hand-written `if`s', r.handwritten),
  );
}
const fullRows = [];
for (const rules of ['default', ...SIZES]) {
  const label = rules === 'default' ? 'default (18)' : String(rules);
  const jreSame = rules === 'default' ? undefined : results.rules[rules].jre.ops;
  for (const engine of ['compiled', 'reference']) {
    const x = results.full[rules][engine];
    fullRows.push([
      label,
      engine,
      n(x.ops),
      n(x.cpuOps),
      us(x.p50),
      us(x.p99),
      mb(x.maxRssMB),
      times(x.ops / jre20),
      jreSame === undefined ? '' : times(x.ops / jreSame),
    ]);
  }
}
const batchRows = [];
for (const mode of ['objects', 'json']) {
  const b = results.batch[mode];
  const label = mode === 'json' ? '`recommendManyAsJson`, JSON text in' : '`recommendMany`, objects in';
  const row = (threads, x) => [
    label,
    threads,
    n(x.ops),
    mb(x.maxRssMB),
    times(x.ops / b.oneWorker.ops),
    times(x.ops / b.one.ops),
  ];
  batchRows.push(
    row('this thread', b.one),
    row('1 worker', b.oneWorker),
    row(`${b.all.threads} workers`, b.all),
  );
}
const perRecommendation = 1e6 / results.full.default.compiled.cpuOps;
const stageRows = [
  ...STAGES.map(([name, label]) => [label, `\`${name}\``, results.stages[name] ?? 0]),
  ['garbage collection', '', results.stages.gc ?? 0],
  ['the benchmark loop, promises, everything else', '', results.stages.other ?? 0],
].map(([label, fn, share]) => [label, fn, `${(share * 100).toFixed(1)}%`, us(share * perRecommendation)]);
const s = results.stream;
const streamLabel =
  s.kind === 'cli'
    ? '`redress recommend -` (the CLI), complaints piped in, output discarded'
    : '`recommendMany` over a generated async iterable (no `dist/cli.js` in this build), default options';

const full = results.full.default.compiled;
const perCall = results.perCall;
const rp = results.replay;
const replayRatio = rp.replay.seconds / rp.read.seconds;
const check = (ok) => (ok ? '✅' : '❌');
const cpu = (x) => ` (CPU time: ${n(x)}/s)`;
const R = results.rules;
const ratio = (a, b) => `${times(a.ops / b.ops)} (CPU time: ${times(a.cpuOps / b.cpuOps)})`;
const targets = [
  [
    'rules only, compiled ≥ 200× json-rules-engine at 20 rules',
    ratio(R[20].compiled, R[20].jre),
    R[20].compiled.ops / R[20].jre.ops >= 200,
  ],
  [
    'rules only, compiled ≥ 2,000× json-rules-engine at 500 rules',
    ratio(R[500].compiled, R[500].jre),
    R[500].compiled.ops / R[500].jre.ops >= 2000,
  ],
  [
    'rules only, compiled within 10× of hand-written at 20 rules: hand-written is',
    ratio(R[20].handwritten, R[20].compiled),
    R[20].handwritten.ops / R[20].compiled.ops <= 10,
  ],
  [
    'full pipeline (default rules) ≥ 20× json-rules-engine rules-only at 20 rules',
    ratio(full, R[20].jre),
    full.ops / jre20 >= 20,
  ],
  [
    'full pipeline ≥ 200,000 recommendations/s on one core',
    `${n(full.ops)}/s${cpu(full.cpuOps)}`,
    full.ops >= 200_000,
  ],
  ['full pipeline p99 ≤ 50 µs', us(full.p99), full.p99 <= 50],
  ...['objects', 'json'].map((mode) => {
    const b = results.batch[mode];
    const api = mode === 'json' ? 'recommendManyAsJson' : 'recommendMany';
    return [
      `batch with all cores (${CORES} workers) ≥ 1.6× one worker: \`${api}\` (and against this thread alone)`,
      `${times(b.all.ops / b.oneWorker.ops)} (${times(b.all.ops / b.one.ops)})`,
      b.all.ops / b.oneWorker.ops >= 1.6,
    ];
  }),
  [
    'per call (issue 20): `recommend` on JSON text ≥ 4× json-rules-engine rules-only at 20 rules',
    ratio(perCall, R[20].jre),
    perCall.ops / jre20 >= 4,
  ],
  ['per call (issue 20): `recommend` on JSON text, p99 ≤ 150 µs', us(perCall.p99), perCall.p99 <= 150],
  [
    `replay (issue 20): \`redress simulate\`, two rule sets, ${n(rp.count)} complaints ≤ 4× reading and parsing the file`,
    `${times(replayRatio)} (CPU time: ${times(rp.replay.cpuSeconds / rp.read.cpuSeconds)})`,
    replayRatio <= 4,
  ],
  ['replay peak RSS ≤ 250 MB', mb(rp.replay.maxRssMB), rp.replay.maxRssMB <= 250],
  [
    `peak RSS for ${n(s.count)} streamed complaints ≤ 200 MB (${s.kind === 'cli' ? 'CLI' : 'recommendMany'})`,
    mb(s.maxRssMB),
    s.maxRssMB <= 200,
  ],
];

const report = `Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}, Node ${machine.node}.
Run ${machine.date}; load average ${machine.loadBefore.toFixed(2)} before, ${machine.loadAfter.toFixed(2)} after${quick ? '; **--quick** sizes' : ''}.

**Rules only** — sequential calls on one core over the precomputed facts of ${n(2000)} generated complaints;
throughput is the median of 5 rounds (per second of wall time, and per second of the process's CPU
time, which a busy machine does not inflate), latency is per call (timer overhead included: below
~0.2 µs it is the timer). Compiled and reference return the fired rules with their condition traces;
the hand-written baseline only their names.

${table(['rules', 'engine', 'per second', 'per CPU-second', 'p50', 'p99', 'peak RSS', '× json-rules-engine', 'hand-written is'], rulesRows)}

**Full \`recommend\`** — parse, score, rules, remedies, rationale; sequential, one core, ${n(2000)} generated
complaints. "× jre 20" compares with json-rules-engine's rules-only figure at 20 rules, as the issue does.

${table(['rule set', 'engine', 'per second', 'per CPU-second', 'p50', 'p99', 'peak RSS', '× jre 20 (rules only)', '× jre same rules'], fullRows)}

**Per call, JSON text in** — the full \`recommend\` on each complaint's JSON text (parsed defensively,
validated, explained) with the 20 generated rules, as a helpdesk backend calls it: ${n(perCall.ops)}/s
(${n(perCall.cpuOps)} per CPU-second), p50 ${us(perCall.p50)}, p99 ${us(perCall.p99)}: ${times(perCall.ops / jre20)} json-rules-engine's rules-only figure at 20 rules.

**Where the time goes** — the same full pipeline (default rules) run again under \`node --cpu-prof\`; each
sample is given to the innermost stage on its stack. µs per recommendation is the share of the CPU
time per recommendation measured above (${us(perRecommendation)}).

${table(['stage', 'function', 'share of CPU', '≈ per recommendation'], stageRows)}

**Batches** — ${n(BATCH)} complaints in memory, default rules, after a first batch of ${n(WARM_BATCH)} has warmed
up the code (in this thread, or in the recommender's worker threads, which it keeps for the next batch).

${table(['API', 'runs on', 'per second', 'peak RSS', 'vs 1 worker', 'vs this thread'], batchRows)}

**Streaming** — ${n(s.count)} complaints: ${streamLabel}: ${n(s.ops)}/s, peak RSS ${mb(s.maxRssMB)}.

${replaySection(rp)}
**Targets**

${table(
  ['target', 'measured', ''],
  targets.map(([t, m, ok]) => [t, m, check(ok)]),
)}
`;

console.log(report);
if (args.has('--write')) {
  const file = here('RESULTS.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const old = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmark results\n\n${start}\n${end}\n`;
  const [before, rest] = old.split(start);
  const after = rest?.split(end)[1] ?? '\n';
  writeFileSync(file, `${before}${start}\n${report}${end}${after}`);
  // The project's formatter aligns the tables, so that the committed file stays as `npm run lint` wants it.
  try {
    execFileSync(here('../node_modules/.bin/biome'), ['format', '--write', file], { stdio: 'ignore' });
  } catch {
    log('could not run biome on it; run `npm run format`');
  }
  log(`wrote ${file}`);
}
