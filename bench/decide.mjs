// An A/B of deciding a complaint (`npm run bench:decide`): src/ of two builds (by default `main`
// against the working tree) bundled with esbuild into a temporary directory and loaded into this one
// process, so that both run under the same load, heap and JIT. The examples' generator writes `--count`
// complaints, which each build parses once; then, in rounds whose order is swapped each round, each
// build judges and decides every complaint under examples/rules/proposed.json and current.json as
// `redress simulate` replays them (one judgement for rule sets that judge alike, no words, no case
// linking), or with `--words` recommends under each as one call does (runNow, rationale and message).
// It prints the CPU time (user + system) a complaint costs each build, median and fastest of the
// rounds, and their ratio: changes of 1–5% that whole replays in separate processes cannot resolve.
// Its options and how to read its figures: CONTRIBUTING.md, the paragraph on `npm run bench:decide`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForNode } from './bundle.mjs';
import { decideArgs, USAGE } from './decide-args.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** What each build exports to the benchmark: the stages a replay runs, from its own src/. */
const ENTRY = (src) => `
export { parseComplaint } from ${JSON.stringify(join(src, 'complaint/parse'))};
export { createPipeline } from ${JSON.stringify(join(src, 'recommend/pipeline'))};
export { pipelineSetup } from ${JSON.stringify(join(src, 'recommender/create-recommender'))};
`;

/** The src/ of `commit`, extracted under `dir`; the working tree's own src/ without a commit. */
function sourceOf(commit, dir) {
  if (commit === undefined) return join(repo, 'src');
  mkdirSync(dir, { recursive: true });
  // With package.json, which src/ reads its version from.
  const tar = execFileSync('git', ['archive', '--format=tar', commit, 'src', 'package.json'], {
    cwd: repo,
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return join(dir, 'src');
}

/** One build bundled as the library's is (tsup: esbuild, node20, packages left to node_modules). */
async function bundle(name, commit, tmp) {
  const src = sourceOf(commit, join(tmp, name));
  const entry = join(tmp, `${name}-entry.ts`);
  writeFileSync(entry, ENTRY(src));
  const outfile = join(tmp, `${name}.mjs`);
  await bundleForNode(entry, outfile, {
    __REDRESS_WORKER_FILE__: JSON.stringify('worker.js'),
    __REDRESS_REPLAY_WORKER_FILE__: JSON.stringify('replay-worker.js'),
  });
  return outfile;
}

/** The generated complaints' lines, written by examples/generate.mjs into `tmp`. */
function generated(count, tmp) {
  const file = join(tmp, 'complaints.jsonl');
  const generator = join(repo, 'examples/generate.mjs');
  execFileSync(process.execPath, [generator, '--count', String(count), '--out', file], { stdio: 'ignore' });
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** A replay's decision of one complaint under every side: one judgement for sides that judge alike. */
function replayOf(sides, tally) {
  const shared = sides.every((side) => side.judging === sides[0]?.judging);
  return (complaint) => {
    let judged;
    for (const side of sides) {
      try {
        const call = side.callFor(complaint);
        judged = (shared && judged) || side.judge(complaint, call, undefined, false);
        tally(side.decideOnly(complaint, call, undefined, judged).recommendation);
      } catch {
        tally(undefined);
      }
    }
  };
}

/** One call's recommendation (with its words) of one complaint under every side. */
function wordsOf(sides, tally) {
  return (complaint) => {
    for (const side of sides) {
      try {
        tally(side.runNow(complaint, side.callFor(complaint)).recommendation);
      } catch {
        tally(undefined);
      }
    }
  };
}

/** The lines `parse` accepts, each with its complaint (the generated ones are all valid). */
function parsedLines(parse, lines) {
  const parsed = [];
  for (const text of lines) {
    try {
      parsed.push({ text, complaint: parse(text) });
    } catch {
      // A line this build refuses is left out of its rounds.
    }
  }
  return parsed;
}

/**
 * A build loaded: its sides, the complaints it parsed, and one round of its work. With `--parse`, a
 * round parses each line again just before deciding it, as a replay reads and decides in turn: what
 * parsing leaves in memos (the timestamps') is then as warm as in a replay, and parsing is measured too.
 */
async function loaded(label, file, lines, options) {
  const m = await import(pathToFileURL(file).href);
  const rates = options.rates ? { exchangeRates: readJson(options.rates) } : {};
  const sides = ['proposed', 'current'].map((name) => {
    const ruleSet = readJson(join(repo, `examples/rules/${name}.json`));
    return m.createPipeline(m.pipelineSetup({ ruleSet, ...rates }));
  });
  const parsed = parsedLines(m.parseComplaint, lines);
  const outcome = { remedies: 0, errors: 0 };
  const tally = (r) => {
    if (r) outcome.remedies += r.remedies.length;
    else outcome.errors += 1;
  };
  const decideOne = options.words ? wordsOf(sides, tally) : replayOf(sides, tally);
  const run = options.parse
    ? () => {
        for (const { text } of parsed) decideOne(m.parseComplaint(text));
      }
    : () => {
        for (const { complaint } of parsed) decideOne(complaint);
      };
  return { label, count: parsed.length, outcome, rounds: [], run };
}

/** CPU µs a complaint of one round of `build` (user + system). */
function measure(b) {
  const before = process.cpuUsage();
  b.run();
  const used = process.cpuUsage(before);
  b.rounds.push((used.user + used.system) / b.count);
}

const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
const fastest = (xs) => Math.min(...xs);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Prints each build's figures and the ratio head/base. */
function report([base, head], loadBefore) {
  for (const b of [base, head]) {
    const all = b.rounds.map((v) => v.toFixed(2)).join(' ');
    console.log(
      `${b.label}: median ${median(b.rounds).toFixed(2)} µs, fastest ${fastest(b.rounds).toFixed(2)} µs (${all})`,
    );
  }
  const ratio = (f) => (f(head.rounds) / f(base.rounds)).toFixed(3);
  // The two builds of a round run one right after the other: their ratio round by round leaves out
  // most of what the machine's load does between rounds, which moves both alike.
  const pairs = head.rounds.map((h, i) => h / (base.rounds[i] ?? h)).sort((p, q) => p - q);
  const quartile = (q) => (pairs[Math.floor(q * (pairs.length - 1))] ?? 1).toFixed(3);
  console.log(`head/base: median ${ratio(median)}, fastest ${ratio(fastest)}`);
  console.log(
    `head/base round by round: median ${quartile(0.5)}, quartiles ${quartile(0.25)}–${quartile(0.75)}`,
  );
  console.log(`load average before ${loadBefore}, after ${load()}`);
  const [a, b] = [base.outcome, head.outcome];
  const same = a.remedies === b.remedies && a.errors === b.errors;
  // Every round of both builds is tallied: the same decisions give the same remedies and errors.
  console.log(
    `${same ? 'the same' : 'different'} remedies and errors: base ${JSON.stringify(a)}, head ${JSON.stringify(b)}`,
  );
}

async function main(options) {
  const tmp = mkdtempSync(join(tmpdir(), 'redress-decide-'));
  try {
    // The bundles leave the packages to node_modules: the repository's, found from the temporary directory.
    symlinkSync(join(repo, 'node_modules'), join(tmp, 'node_modules'), 'dir');
    const lines = generated(options.count, tmp);
    const files = [
      await bundle('base', options.base.commit, tmp),
      await bundle('head', options.head?.commit, tmp),
    ];
    const heads = options.head
      ? `${options.head.ref} (${options.head.commit.slice(0, 7)})`
      : 'the working tree';
    const builds = [
      await loaded(`base ${options.base.ref} (${options.base.commit.slice(0, 7)})`, files[0], lines, options),
      await loaded(`head ${heads}`, files[1], lines, options),
    ];
    const loadBefore = load();
    const work = `${options.parse ? 'parsed and ' : ''}${options.words ? 'recommended with words' : 'decided as a replay'}`;
    console.log(
      `${builds[0].count} complaints, ${work} under proposed and current, ${options.rounds} rounds`,
    );
    for (const b of builds) for (let i = 0; i < 2; i++) b.run();
    for (let r = 0; r < options.rounds; r++)
      for (const b of r % 2 ? [...builds].reverse() : builds) measure(b);
    report(builds, loadBefore);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

let options;
try {
  options = decideArgs(process.argv.slice(2), repo);
} catch (error) {
  console.error(`bench/decide: ${error.message}\n${USAGE}`);
  process.exit(2);
}
await main(options);
