// The replay case of `npm run bench` (issue 20): `redress simulate` with a baseline and a proposed rule
// set over a file of generated complaints, against reading the same file and `JSON.parse`-ing every
// line. Both run as child processes of their own, one after the other, so that the ratio is measured
// side by side on the same machine; each reports its wall time, CPU time and peak RSS.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
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
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const peak = /REDRESS_BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
      const cpu = /REDRESS_BENCH_CPU_MS=(\d+)/.exec(stderr);
      // simulate exits 1 when some lines fail; the generated complaints are all valid, so 0 is expected.
      if (code !== 0 || !peak || !cpu)
        return reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ seconds, cpuSeconds: Number(cpu[1]) / 1000, maxRssMB: Number(peak[1]) / 1024 });
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

/**
 * The replay measurement: `count` complaints written to a temporary file, read and parsed, then
 * simulated with examples/rules/proposed.json against examples/rules/current.json (linking and
 * incident detection on, as by default). Returns both runs and the file's size.
 */
export async function measureReplay(dir, count, log) {
  const file = `${dir}/replay-${count}.jsonl`;
  if (!existsSync(file)) {
    log(`  writing ${count} complaints`);
    await writeComplaints(file, count);
  }
  try {
    log('  reading and parsing the file');
    const read = await measured([here('replay.mjs'), 'read', file]);
    log('  redress simulate, proposed against current');
    const replay = await measured([
      here('../dist/cli.js'),
      'simulate',
      '--quiet',
      '-r',
      here('../examples/rules/proposed.json'),
      '-b',
      here('../examples/rules/current.json'),
      file,
    ]);
    return { count, bytes: statSync(file).size, read, replay };
  } finally {
    rmSync(file, { force: true });
  }
}

if (process.argv[2] === 'read') await readAndParse(process.argv[3]);
