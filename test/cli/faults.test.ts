import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, jsonLines, root, runCli, tempDir } from './run';
import { runInProcess } from './run-in-process';

// Faults from the outside: a process killed in the middle of a batch, and a reader that goes away.
// What needs a real process (killed with SIGKILL, EPIPE, a shell redirect to a full disk) is spawned
// from the built command; the rest of --resume and the full disk runs in-process.

const tmp = tempDir();
afterAll(() => tmp.remove());

// The European shop's complaints: the storefronts' lira and rial orders would need --rates.
const examples = readFileSync(join(root, 'examples/complaints.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .filter((line) => !/"currency":"(TRY|IRR)"/.test(line));
/** 300 complaints with a few bad lines among them, so that both output files are written to. */
const input = join(tmp.dir, 'input.jsonl');
const inputLines = examples
  .slice(0, 300)
  .flatMap((line, i) => (i % 47 === 20 ? [line, '{"cut off'] : [line]));
/** A short input for the tests that need no interruption. */
const short = join(tmp.dir, 'short.jsonl');
const shortLines = examples.slice(0, 30).flatMap((line, i) => (i === 12 ? [line, 'not json'] : [line]));

let clean: { out: string; errors: string };

beforeAll(async () => {
  writeFileSync(input, `${inputLines.join('\n')}\n`);
  writeFileSync(short, `${shortLines.join('\n')}\n`);
  const out = join(tmp.dir, 'clean.jsonl');
  const errors = join(tmp.dir, 'clean-errors.jsonl');
  const run = await runInProcess(['recommend', input, '-o', out, '-e', errors]);
  expect(run.code).toBe(1);
  clean = { out: readFileSync(out, 'utf8'), errors: readFileSync(errors, 'utf8') };
});

function lineCount(path: string): number {
  return existsSync(path) ? (readFileSync(path, 'utf8').match(/\n/g)?.length ?? 0) : 0;
}

/**
 * Starts `redress recommend` on standard input and kills it with SIGKILL once `out` holds at least
 * `lines` lines. Its input is every line but the last ten, and standard input stays open: the run
 * cannot finish before the kill however slow the machine is (a file given whole once raced the kill).
 */
function killAfter(args: string[], out: string, lines: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin.on('error', () => {}); // the kill closes the pipe under a pending write
    child.stdin.write(`${inputLines.slice(0, -10).join('\n')}\n`);
    const poll = setInterval(() => {
      if (lineCount(out) >= lines) {
        clearInterval(poll);
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve(signal);
    });
  });
}

describe('a run killed in the middle of a batch', () => {
  it('leaves only complete lines, and --resume finishes it exactly as an uninterrupted run would', async () => {
    const out = join(tmp.dir, 'killed.jsonl');
    const errors = join(tmp.dir, 'killed-errors.jsonl');
    const signal = await killAfter(['recommend', '-', '-o', out, '-e', errors], out, 60);
    expect(signal).toBe('SIGKILL');

    const partial = readFileSync(out, 'utf8');
    const written = lineCount(out);
    expect(written).toBeGreaterThanOrEqual(60);
    // Complete lines only: every line is a whole JSON record, and they are the clean run's first ones.
    expect(partial.endsWith('\n')).toBe(true);
    expect(clean.out.startsWith(partial)).toBe(true);
    expect(clean.errors.startsWith(readFileSync(errors, 'utf8'))).toBe(true);

    const resumed = await runCli(['recommend', input, '-o', out, '-e', errors, '--resume']);
    expect(resumed.code).toBe(1); // the bad lines still failed
    expect(resumed.stderr).toMatch(/resuming after \d+ records/);
    expect(readFileSync(out, 'utf8')).toBe(clean.out);
    expect(readFileSync(errors, 'utf8')).toBe(clean.errors);
  });

  it('drops an incomplete last line before resuming', async () => {
    const out = join(tmp.dir, 'torn.jsonl');
    // Without --errors, error records are in the output too: one file holds every record.
    const single = await runInProcess(['recommend', short]);
    const singleLines = single.stdout.split('\n');
    writeFileSync(out, `${singleLines.slice(0, 10).join('\n')}\n${(singleLines[10] as string).slice(0, 80)}`);
    const resumed = await runInProcess(['recommend', short, '-o', out, '--resume']);
    expect(resumed.stderr).toContain('resuming after 10 records');
    expect(resumed.stderr).toContain('dropped an incomplete last line of 80 bytes');
    expect(readFileSync(out, 'utf8')).toBe(single.stdout);
    expect(jsonLines(readFileSync(out, 'utf8'))).toHaveLength(shortLines.length);
  });

  it('refuses to resume an output that was written from another input', async () => {
    const out = join(tmp.dir, 'other.jsonl');
    const other = join(tmp.dir, 'other-input.jsonl');
    writeFileSync(other, `${examples.slice(700, 705).join('\n')}\n`);
    await runInProcess(['recommend', other, '-o', out]);
    const resumed = await runInProcess(['recommend', short, '-o', out, '--resume']);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain('cannot resume');
    expect(lineCount(out)).toBe(5); // untouched
  });

  it('refuses --resume without --output', async () => {
    const run = await runInProcess(['recommend', input, '--resume']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--resume needs --output');
  });

  it('starts from the beginning when the output file does not exist yet', async () => {
    const single = await runInProcess(['recommend', short]);
    const out = join(tmp.dir, 'fresh.jsonl');
    const run = await runInProcess(['recommend', short, '-o', out, '--resume', '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(single.stdout);
  });
});

/** The first `records` records of a clean run with -o and -e, as a run stopped there would leave them. */
function cleanPrefix(records: number): { out: string; errors: string } {
  const out = clean.out.split('\n').filter((l) => l !== '');
  const errors = clean.errors.split('\n').filter((l) => l !== '');
  // Records are numbered by input line; bad lines are errors, every other line a recommendation.
  const errorLines = errors.map((l) => (JSON.parse(l) as { line: number }).line);
  let outTaken = 0;
  let errorsTaken = 0;
  for (let line = 1; outTaken + errorsTaken < records; line++) {
    if (errorLines[errorsTaken] === line) errorsTaken += 1;
    else outTaken += 1;
  }
  const text = (rows: string[]) => rows.map((l) => `${l}\n`).join('');
  return { out: text(out.slice(0, outTaken)), errors: text(errors.slice(0, errorsTaken)) };
}

describe('--resume with --output and --errors', () => {
  it('finishes a run stopped after a recommendation or after an error exactly as a clean run', async () => {
    // Record 21 is the first bad line (an error); record 20 a recommendation; 120 well after both.
    for (const records of [20, 21, 22, 120]) {
      const out = join(tmp.dir, `prefix-${records}.jsonl`);
      const errors = join(tmp.dir, `prefix-${records}-errors.jsonl`);
      const prefix = cleanPrefix(records);
      writeFileSync(out, prefix.out);
      writeFileSync(errors, prefix.errors);
      const resumed = await runInProcess(['recommend', input, '-o', out, '-e', errors, '--resume']);
      expect(resumed.stderr).toContain(`resuming after ${records} records`);
      expect(resumed.code).toBe(1);
      expect(readFileSync(out, 'utf8')).toBe(clean.out);
      expect(readFileSync(errors, 'utf8')).toBe(clean.errors);
    }
  });

  it('refuses output and errors files written from another input, and leaves them as they were', async () => {
    const other = join(tmp.dir, 'other-600.jsonl');
    // As many records as the input, a different input: the old check let this through with exit 0.
    const otherLines = examples
      .slice(600, 600 + 150)
      .flatMap((line, i) => (i % 30 === 7 ? [line, '{'] : [line]));
    writeFileSync(other, `${otherLines.join('\n')}\n`);
    const out = join(tmp.dir, 'other-out.jsonl');
    const errors = join(tmp.dir, 'other-errors.jsonl');
    await runInProcess(['recommend', other, '-o', out, '-e', errors]);
    const before = { out: readFileSync(out, 'utf8'), errors: readFileSync(errors, 'utf8') };
    const resumed = await runInProcess(['recommend', input, '-o', out, '-e', errors, '--resume']);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(
      /cannot resume: line 1 of \S+other-out\.jsonl is the recommendation for complaint "c-000601", but record 1 of \S+input\.jsonl \(line 1\) is complaint "c-000001"; were \S+ and \S+ written from \S+input\.jsonl, with --output and --errors in this order\?/,
    );
    expect(readFileSync(out, 'utf8')).toBe(before.out);
    expect(readFileSync(errors, 'utf8')).toBe(before.errors);
  });

  it('refuses -o and -e swapped, and an errors file from another run', async () => {
    const prefix = cleanPrefix(100);
    const out = join(tmp.dir, 'swap-out.jsonl');
    const errors = join(tmp.dir, 'swap-errors.jsonl');
    writeFileSync(out, prefix.out);
    writeFileSync(errors, prefix.errors);
    const swapped = await runInProcess(['recommend', input, '-o', errors, '-e', out, '--resume']);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain('cannot resume');
    // The right output, but the errors of a later stretch of the same input.
    writeFileSync(errors, cleanPrefix(200).errors);
    const mixed = await runInProcess(['recommend', input, '-o', out, '-e', errors, '--resume']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('cannot resume');
    expect(readFileSync(out, 'utf8')).toBe(prefix.out);
  });
});

describe('--resume and complaint ids', () => {
  it('continues after a complaint whose id has spaces around it (the output has it trimmed)', async () => {
    const spaced = examples.slice(0, 10).map((line, i) => {
      const complaint = JSON.parse(line) as { id: string };
      return JSON.stringify({ ...complaint, id: i % 2 === 0 ? `  ${complaint.id}\t` : complaint.id });
    });
    const file = join(tmp.dir, 'spaced.jsonl');
    writeFileSync(file, `${spaced.join('\n')}\n`);
    const whole = await runInProcess(['recommend', file]);
    expect(whole.code).toBe(0);
    const records = whole.stdout.split('\n');
    expect(JSON.parse(records[4] as string)).toMatchObject({ complaintId: 'c-000005' });
    const out = join(tmp.dir, 'spaced-out.jsonl');
    writeFileSync(out, `${records.slice(0, 5).join('\n')}\n`);
    const resumed = await runInProcess(['recommend', file, '-o', out, '--resume']);
    expect(resumed.stderr).toBe(`redress: resuming after 5 records already in ${out}\n`);
    expect(resumed.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
  });
});

describe('a reader that stops reading (EPIPE)', () => {
  it('ends the command quietly with status 141, without a stack trace, in a shell pipeline into head', async () => {
    const run = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(
        'bash',
        [
          '-c',
          `"${process.execPath}" "${cli}" recommend examples/complaints.jsonl | head -1; echo "status \${PIPESTATUS[0]}"`,
        ],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString();
      });
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
      });
      child.on('error', reject);
      child.on('close', () => resolve({ stdout, stderr }));
    });
    const [line, status] = run.stdout.trim().split('\n');
    expect(JSON.parse(line as string)).toMatchObject({ complaintId: 'c-000001' });
    expect(status).toBe('status 141');
    expect(run.stderr).toBe('');
  });
});

describe.skipIf(!existsSync('/dev/full'))('a full disk', () => {
  it('stops with exit 2 and one line saying why, for --output and for standard output', async () => {
    const toFile = await runInProcess(['recommend', short, '-o', '/dev/full']);
    expect(toFile.code).toBe(2);
    expect(toFile.stderr.trim()).toBe('redress: cannot write /dev/full: no space left on the device');
    const redirected = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn('bash', ['-c', `"${process.execPath}" "${cli}" recommend "${short}" > /dev/full`], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(redirected.code).toBe(2);
    expect(redirected.stderr).toMatch(/^redress: cannot write the output: ENOSPC/);
    expect(redirected.stderr).not.toMatch(/\n\s+at /);
  });
});
