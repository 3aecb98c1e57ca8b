// The replay case of `npm run bench` (issue 20): `redress simulate` with a baseline and a proposed rule
// set over a file of generated complaints, against reading the same file and `JSON.parse`-ing every
// line. Both run as child processes of their own, one after the other, so that the ratio is measured
// side by side on the same machine; each reports its wall time, CPU time and peak RSS.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { generateComplaints } from '../examples/generate.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Writes `count` generated complaints (the examples' generator: linked cases, several currencies) to `file`. */
async function writeComplaints(file, count) {
  const out = createWriteStream(file);
  for (const line of generateComplaints(count)) {
    if (!out.write(`${line}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

/** Runs `node args…` with the peak-RSS probe; its wall time, CPU time and peak RSS. */
function measured(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', here('peak-rss.cjs'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4096);
    });
    const t0 = process.hrtime.bigint();
    const loadBefore = loadavg()[0];
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const peak = /REDRESS_BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
      const cpu = /REDRESS_BENCH_CPU_MS=(\d+)/.exec(stderr);
      // simulate exits 1 when some lines fail; the generated complaints are all valid, so 0 is expected.
      if (code !== 0 || !peak || !cpu)
        return reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({
        seconds,
        cpuSeconds: Number(cpu[1]) / 1000,
        maxRssMB: Number(peak[1]) / 1024,
        load: [loadBefore, loadavg()[0]],
      });
    });
  });
}

/** Reads a JSON Lines file and parses every line: the floor any replay of it stands on. */
export async function readAndParse(file) {
  let lines = 0;
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (line.length > 0) {
      JSON.parse(line);
      lines += 1;
    }
  }
  return lines;
}

/** `redress simulate` of `file`, proposed against current, with `extra` options. */
const simulate = (file, extra = []) =>
  measured([
    here('../dist/cli.js'),
    'simulate',
    '--quiet',
    '-r',
    here('../examples/rules/proposed.json'),
    '-b',
    here('../examples/rules/current.json'),
    ...extra,
    file,
  ]);

/** The worker threads compared side by side: none (this thread alone), one, two. */
export const REPLAY_WORKERS = [0, 1, 2];

/**
 * The replay measurement: `count` complaints written to a temporary file, read and parsed, then
 * simulated with examples/rules/proposed.json against examples/rules/current.json (linking and
 * incident detection on, as by default). Then, over the first `threadsCount` of them, the replay in
 * this thread alone, on one worker and on two (`--workers`), one after the other. Returns every run
 * (each with the load average before and after it) and the file's size.
 */
export async function measureReplay(dir, count, log, threadsCount = Math.min(count, 200_000)) {
  const file = `${dir}/replay-${count}.jsonl`;
  const part = `${dir}/replay-${count}-first-${threadsCount}.jsonl`;
  if (!existsSync(file)) {
    log(`  writing ${count} complaints`);
    await writeComplaints(file, count);
  }
  await writeComplaints(part, threadsCount);
  try {
    log('  reading and parsing the file');
    const read = await measured([here('replay.mjs'), 'read', file]);
    log('  redress simulate, proposed against current');
    const replay = await simulate(file);
    const threads = { count: threadsCount, runs: [] };
    for (const workers of REPLAY_WORKERS) {
      log(`  the first ${threadsCount}, --workers ${workers}`);
      threads.runs.push({ workers, ...(await simulate(part, ['--workers', String(workers)])) });
    }
    return { count, bytes: statSync(file).size, read, replay, threads };
  } finally {
    rmSync(file, { force: true });
    rmSync(part, { force: true });
  }
}

if (process.argv[2] === 'read') await readAndParse(process.argv[3]);
