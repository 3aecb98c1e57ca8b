import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { cli, root, tempDir } from './run';

// `redress recommend` on a 200,000-line file must run in memory that does not depend on the file's size.
//
// Sizing: the reference engine takes about a millisecond per valid complaint, so 200,000 valid complaints
// would take minutes. The file therefore has 200,000 lines of which one in VALID_EVERY is a valid
// complaint (recommended in full), one in VALID_EVERY an invalid complaint (validated, error record), and
// the rest truncated complaint lines (INVALID_JSON), plus a few lines far over --max-line-bytes; every
// line goes through the same reader, window and writer. The long lines make the file larger than the
// memory limit asserted, so holding the input (or the output) would fail the test.
const LINES = Number(process.env.REDRESS_MEMORY_TEST_LINES ?? 200_000);
const VALID_EVERY = Number(process.env.REDRESS_MEMORY_TEST_VALID_EVERY ?? 40);
const LONG_LINES = 12;
const LONG_LINE_BYTES = 16 * 1024 * 1024;
// The process holds the main thread and one batch worker per core (each with its own capped heap), so
// the bound is for all of them together; it is still below the input's size.
const MAX_RSS_BYTES = 256 * 1024 * 1024;
const HEAP_LIMIT_MB = 64;

const tmp = tempDir();
afterAll(() => tmp.remove());

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

type Expected = { kind: 'ok'; id: string } | { kind: 'error'; code: string };

/** Writes the big file and returns what each line must produce, as compact codes (1 byte a line). */
async function writeInput(path: string): Promise<{ expected: (line: number) => Expected; bytes: number }> {
  const validCount = Math.ceil(LINES / VALID_EVERY);
  const seed = join(tmp.dir, 'seed.jsonl');
  await run(process.execPath, [
    'examples/generate.mjs',
    '--count',
    String(validCount),
    '--markets',
    '0',
    '--out',
    seed,
  ]);
  const complaints = readFileSync(seed, 'utf8').trim().split('\n');
  const ids = complaints.map((line) => (JSON.parse(line) as { id: string }).id);
  const kinds = new Uint8Array(LINES + 1); // 1 valid, 2 invalid complaint, 3 not JSON, 4 too long
  const idOf = new Map<number, string>();
  const longAt = new Set(
    Array.from({ length: LONG_LINES }, (_, i) => Math.floor(((i + 0.5) * LINES) / LONG_LINES)),
  );
  // One buffer for the 16 MiB lines, written as it is: encoding them from strings was most of this
  // function's time (the test measures the command, not how fast its input is written).
  const longLine = Buffer.from(`{"id":"long","summary":"${'x'.repeat(LONG_LINE_BYTES)}"}\n`);

  const out = createWriteStream(path);
  const write = (chunk: string | Buffer) =>
    out.write(chunk) ? undefined : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  let batch = '';
  for (let line = 1; line <= LINES; line++) {
    const complaint = complaints[Math.floor((line - 1) / VALID_EVERY)] as string;
    if (longAt.has(line)) {
      kinds[line] = 4;
      await write(batch);
      batch = '';
      await write(longLine);
      continue;
    }
    if ((line - 1) % VALID_EVERY === 0) {
      kinds[line] = 1;
      idOf.set(line, ids[Math.floor((line - 1) / VALID_EVERY)] as string);
      batch += `${complaint}\n`;
    } else if ((line - 1) % VALID_EVERY === Math.floor(VALID_EVERY / 2)) {
      kinds[line] = 2;
      batch += `${complaint.replace(/"category":"\w+"/, '"category":"misc"')}\n`;
    } else {
      kinds[line] = 3;
      batch += `${complaint.slice(0, complaint.length - 1 - (line % 50))}\n`;
    }
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
  const codes = { 2: 'INVALID_COMPLAINT', 3: 'INVALID_JSON', 4: 'LIMIT_EXCEEDED' } as const;
  return {
    bytes: statSync(path).size,
    expected: (line) =>
      kinds[line] === 1
        ? { kind: 'ok', id: idOf.get(line) as string }
        : { kind: 'error', code: codes[kinds[line] as 2 | 3 | 4] },
  };
}

it(`recommends for a ${LINES.toLocaleString('en-US')}-line file in bounded memory, every line in order`, async () => {
  const input = join(tmp.dir, 'big.jsonl');
  const { expected, bytes } = await writeInput(input);
  expect(bytes).toBeGreaterThan(MAX_RSS_BYTES);

  // A small heap: anything kept per line would end the run with an out-of-memory error.
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, cli, 'recommend', input], {
    cwd: root,
    env: { ...process.env, REDRESS_REPORT_RESOURCES: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

  // Check each output record against its input line as it streams by, holding none of them.
  let record = 0;
  let mismatches = 0;
  let firstMismatch = '';
  for await (const text of createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY })) {
    record += 1;
    const got = JSON.parse(text) as { complaintId?: string; line?: number; error?: { code: string } };
    const want = expected(record);
    const ok =
      want.kind === 'ok'
        ? got.complaintId === want.id && got.error === undefined
        : got.line === record && got.error?.code === want.code;
    if (!ok) {
      mismatches += 1;
      firstMismatch ||= `record ${record}: expected ${JSON.stringify(want)}, got ${text.slice(0, 200)}`;
    }
  }
  const code = await exited;

  expect(firstMismatch).toBe('');
  expect(mismatches).toBe(0);
  expect(record).toBe(LINES);
  expect(code).toBe(1); // some lines failed, by design
  const report = /redress: resources (\{.*\})/.exec(stderr);
  expect(report, stderr).not.toBeNull();
  const { maxRssBytes, cpuSeconds } = JSON.parse((report as RegExpExecArray)[1] as string) as {
    maxRssBytes: number;
    cpuSeconds: number;
  };
  console.log(
    `memory test: ${LINES} lines, ${(bytes / 2 ** 20).toFixed(0)} MiB in, peak RSS ${(maxRssBytes / 2 ** 20).toFixed(0)} MiB, ${cpuSeconds.toFixed(1)} s CPU`,
  );
  expect(maxRssBytes).toBeLessThan(MAX_RSS_BYTES);
}, 600_000);
