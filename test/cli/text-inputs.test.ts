import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { limits } from '../../src/input/limits';
import { root, tempDir } from './run';
import { memoryIo, runInProcess } from './run-in-process';

// Whole-text inputs — rule files and single complaints — are read the way the library would read
// them: bounded by its byte limits whatever the source, UTF-8 or refused, every key once. `validate`
// says what `recommend --rules` would refuse, about every file it is given.

const tmp = tempDir();
afterAll(() => tmp.remove());

const rules = readFileSync(join(root, 'examples/rules/current.json'), 'utf8');
const complaint = readFileSync(join(root, 'examples/complaint.json'), 'utf8');
const valid = tmp.write('valid.json', rules);

/** The rule file with its first `"value": 20` written twice, the second time as 2000. */
const repeatedValue = rules.replace('"value": 20\n', '"value": 20, "value": 2000\n');
/** The rule file with a second `policy` object after the first. */
const twoPolicies = rules.replace('"policy": {', '"policy": { "hit": "first" },\n  "policy": {');
/** The line of the rule file's `policy`, 1-based. */
const policyLine = rules.split('\n').findIndex((line) => line.includes('"policy": {')) + 1;
/** A 10 KB file nested 5,000 deep. */
const deep = `{"name":"deep","version":"1","rules":[${'['.repeat(5000)}${']'.repeat(5000)}]}`;

/** `text` with «für» written in Latin-1 (one byte, 0xFC, for ü) in place of `marker`. */
function latin1(text: string, marker: string): Buffer {
  const at = text.indexOf(marker);
  return Buffer.concat([
    Buffer.from(text.slice(0, at)),
    Buffer.from([0x66, 0xfc, 0x72]),
    Buffer.from(text.slice(at + marker.length)),
  ]);
}

/** The line and column, 1-based, of the byte `latin1` writes for ü (after the f of «für»). */
function lineColumn(text: string, marker: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(marker) + 1).split('\n');
  return { line: before.length, column: (before.at(-1) as string).length + 1 };
}

interface ValidateJson {
  valid: boolean;
  files: { file: string; valid: boolean; findings: { code: string; pointer: string; line?: number }[] }[];
}

describe.concurrent('validate reads the text recommend reads (duplicate keys)', () => {
  it('reports a repeated key in a condition, where it is, as recommend --rules refuses it', async () => {
    expect(JSON.parse(repeatedValue)).toBeTruthy(); // valid JSON, to JSON.parse
    const file = tmp.write('repeated-value.json', repeatedValue);
    const recommend = await runInProcess([
      'recommend',
      '--rules',
      file,
      '--rates',
      'examples/rates.json',
      'examples/complaints.jsonl',
    ]);
    expect(recommend.code).toBe(2);
    expect(recommend.stderr).toContain('the key "value" appears twice in one object');
    const validate = await runInProcess(['validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('✗');
    expect(validate.stdout).toMatch(/repeated-value\.json:\d+:\d+ error duplicate_key/);
    expect(validate.stdout).toContain('the key "value" appears twice in one object');
    expect(validate.stdout).toMatch(/pointer \/rules\/\d+\/conditions\/all\/1\/value/);
  });

  it('reports two policy objects', async () => {
    const file = tmp.write('two-policies.json', twoPolicies);
    const run = await runInProcess(['validate', '--json', file]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    expect(report.valid).toBe(false);
    expect(report.files[0]?.findings).toEqual([
      // At the second "policy", on the line after the first.
      expect.objectContaining({ code: 'duplicate_key', pointer: '/policy', line: policyLine + 1 }),
    ]);
  });
});

describe.concurrent('validate on a file nested 5,000 deep', () => {
  it('refuses it with nesting_too_deep, without a stack trace, and reports the other files', async () => {
    const file = tmp.write('deep.json', deep);
    const run = await runInProcess(['validate', file, valid]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ \S*deep\.json: 1 error/);
    expect(run.stdout).toMatch(/deep\.json error nesting_too_deep/);
    expect(run.stdout).toContain(`nesting deeper than ${limits.maxDepth} levels`);
    expect(run.stdout).toMatch(/✓ \S*valid\.json: valid rule set "current"/);
  });

  it('reports a deep file that is not JSON either, and the next file', async () => {
    const file = tmp.write('deep-broken.json', `{"rules":[${'['.repeat(5000)}`);
    const run = await runInProcess(['validate', '--json', file, valid]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    expect(report.files.map((f) => [f.valid, f.findings[0]?.code])).toEqual([
      [false, 'invalid_json'],
      [true, undefined],
    ]);
  });
});

describe.concurrent('rule files and complaints that are not UTF-8', () => {
  const marker = 'in a small order';
  const bytes = latin1(rules, marker);
  const file = tmp.write('latin1.json', bytes);
  const at = lineColumn(rules, marker);

  it('recommend --rules refuses the file, saying where, instead of replacing the byte', async () => {
    const run = await runInProcess([
      'recommend',
      '--rules',
      file,
      '--rates',
      'examples/rates.json',
      'examples/complaints.jsonl',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('(INVALID_JSON)');
    expect(run.stderr).toContain(
      `byte 0xfc at line ${at.line}, column ${at.column} (byte offset ${rules.indexOf(marker) + 1}) is not UTF-8`,
    );
  });

  it('validate reports it at its line and column, and the other files', async () => {
    const run = await runInProcess(['validate', file, valid]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`latin1.json:${at.line}:${at.column} error invalid_utf8`);
    expect(run.stdout).toMatch(/✓ \S*valid\.json/);
  });

  it('explain refuses a complaint file or standard input that is not UTF-8 (exit 1)', async () => {
    const latin = latin1(complaint, 'Two weeks');
    const fromFile = await runInProcess(['explain', tmp.write('latin1-complaint.json', latin)]);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain('the complaint is not valid (INVALID_JSON)');
    expect(fromFile.stderr).toContain('byte 0xfc at line 6');
    const fromStdin = await runInProcess(['explain', '-'], { input: latin });
    expect(fromStdin.code).toBe(1);
    expect(fromStdin.stderr).toContain('standard input is not UTF-8 text: byte 0xfc at line 6');
  });

  it('accepts a byte order mark at the start of a rule file, as on line 1 of JSON Lines', async () => {
    const bom = tmp.write('bom.json', `\ufeff${rules}`);
    const run = await runInProcess(['validate', bom]);
    expect(run.code).toBe(0);
    const recommend = await runInProcess([
      'recommend',
      '--rules',
      bom,
      '--rates',
      'examples/rates.json',
      'examples/complaints.jsonl',
    ]);
    expect(recommend.code).toBe(0);
  });
});

describe.concurrent('byte limits on every source', () => {
  it('stops reading --rules /dev/zero at the rule set limit', async () => {
    const run = await runInProcess([
      'recommend',
      '--rules',
      '/dev/zero',
      '--rates',
      'examples/rates.json',
      'examples/complaints.jsonl',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(LIMIT_EXCEEDED)');
    expect(run.stderr).toContain(`exceeds the limit of ${limits.maxRuleSetBytes} (limits.maxRuleSetBytes)`);
  });

  it('stops reading a named pipe that never ends at the limit, for --rules and explain', async () => {
    // The writer is another process: opening a pipe blocks this one until a writer opens it.
    const endless = (name: string): { path: string; writer: ChildProcess } => {
      const path = join(tmp.dir, name);
      execFileSync('mkfifo', [path]);
      return { path, writer: spawn('sh', ['-c', `exec cat /dev/zero > '${path}'`], { stdio: 'ignore' }) };
    };
    const rules = endless('rules.fifo');
    const complaint = endless('complaint.fifo');
    try {
      const recommend = await runInProcess([
        'recommend',
        '--rules',
        rules.path,
        '--rates',
        'examples/rates.json',
        'examples/complaints.jsonl',
      ]);
      expect(recommend.code).toBe(2);
      expect(recommend.stderr).toContain('(limits.maxRuleSetBytes)');
      const explain = await runInProcess(['explain', complaint.path]);
      expect(explain.code).toBe(1);
      expect(explain.stderr).toContain('(limits.maxComplaintBytes)');
    } finally {
      rules.writer.kill();
      complaint.writer.kill();
    }
  });

  it('validate reports /dev/zero as too large, and the other files', async () => {
    const run = await runInProcess(['validate', '--json', '/dev/zero', valid]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    expect(report.files.map((f) => [f.file, f.findings[0]?.code])).toEqual([
      ['/dev/zero', 'ruleset_too_large'],
      [valid, undefined],
    ]);
  });

  it('stops reading explain /dev/zero at the complaint limit (exit 1, as for a large complaint)', async () => {
    const run = await runInProcess(['explain', '/dev/zero']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the complaint is not valid (LIMIT_EXCEEDED)');
    expect(run.stderr).toContain(`(limits.maxComplaintBytes)`);
  });

  it('stops reading endless standard input at the complaint limit', async () => {
    let pulled = 0;
    const io = memoryIo(['explain', '-']);
    const chunk = Buffer.alloc(1 << 16, 0x20);
    const endless = Object.assign(io, {
      stdin: {
        async *[Symbol.asyncIterator]() {
          for (;;) {
            pulled += chunk.length;
            yield chunk;
          }
        },
      },
    });
    expect(await run(endless)).toBe(1);
    expect(io.stderr.text()).toContain('(limits.maxComplaintBytes)');
    expect(pulled).toBeLessThanOrEqual(limits.maxComplaintBytes + chunk.length);
  });

  it('stops explain --line at a line past the complaint limit, even one that never ends', async () => {
    const run = await runInProcess(['explain', '--line', '1', '/dev/zero']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the complaint is not valid (LIMIT_EXCEEDED)');
    expect(run.stderr).toContain('line 1 of /dev/zero');
  });

  it('gives a complaint file over the limit the same error as one read from standard input', async () => {
    const big = `{"id": "${'x'.repeat(limits.maxComplaintBytes)}"}`;
    const fromFile = await runInProcess(['explain', tmp.write('big.json', big)]);
    const fromStdin = await runInProcess(['explain', '-'], { input: big });
    expect(fromFile.code).toBe(1);
    expect(fromStdin.code).toBe(1);
    for (const r of [fromFile, fromStdin]) {
      expect(r.stderr).toContain('the complaint is not valid (LIMIT_EXCEEDED)');
      expect(r.stderr).toContain(
        `exceeds the limit of ${limits.maxComplaintBytes} (limits.maxComplaintBytes)`,
      );
    }
  });
});
