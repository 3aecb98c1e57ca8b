import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, root, runCli, tempDir } from './run';
import { runInProcess } from './run-in-process';

// The built command as a real process (dist/cli.js, spawned): bin.ts's wiring of the io seam to
// process.argv, the standard streams, terminals and the exit code. Every command's behaviour is tested
// in-process (cli.test.ts and the others); these runs show that the real process does the same. The
// faults only a process has (killed mid-run, EPIPE, a redirect to a full disk) are in faults.test.ts,
// bounded memory in memory.test.ts.

const tmp = tempDir();
afterAll(() => tmp.remove());

const scenariosPath = 'test/fixtures/scenarios.jsonl';
const scenarios = readFileSync(join(root, scenariosPath), 'utf8').trim().split('\n');

describe.concurrent('redress as a process', () => {
  it("is the package's bin, a file that starts with a shebang", () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { redress: string } };
    expect(pkg.bin.redress).toBe('./dist/cli.js');
    expect(readFileSync(join(root, pkg.bin.redress), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('exits 2 on a usage error, with the suggestion on stderr', async () => {
    const run = await runCli(['recomend']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('recommend');
  });

  it('writes exactly what the in-process run writes, exits 0, and shows no progress on a pipe', async () => {
    const [spawned, inProcess] = await Promise.all([
      runCli(['recommend', scenariosPath, '--rates', 'examples/rates.json']),
      runInProcess(['recommend', scenariosPath, '--rates', 'examples/rates.json']),
    ]);
    expect(spawned.code).toBe(0);
    expect(spawned.stderr).toBe('');
    expect(spawned.stdout).not.toBe('');
    expect(spawned.stdout).toBe(inProcess.stdout);
  });

  it('reads piped standard input with "-" and with no file named', async () => {
    const input = `${scenarios.slice(0, 3).join('\n')}\n`;
    const [dash, nothing, inProcess] = await Promise.all([
      runCli(['recommend', '-'], { input }),
      runCli(['recommend'], { input }),
      runInProcess(['recommend', '-'], { input }),
    ]);
    expect(dash.code).toBe(0);
    expect(dash.stdout.split('\n')).toHaveLength(4);
    expect(dash.stdout).toBe(inProcess.stdout);
    expect(nothing.stdout).toBe(inProcess.stdout);
  });

  it('exits 1 when some lines failed, with every line accounted for', async () => {
    const file = tmp.write('mixed.jsonl', `${scenarios[0]}\n{cut\n${scenarios[1]}\n`);
    const [spawned, inProcess] = await Promise.all([
      runCli(['recommend', file]),
      runInProcess(['recommend', file]),
    ]);
    expect(spawned.code).toBe(1);
    expect(spawned.stdout.trim().split('\n')).toHaveLength(3);
    expect(spawned.stdout).toBe(inProcess.stdout);
  });

  it('refuses a shell redirect that would write over the input (>> x, < x -o x), leaving it whole', async () => {
    const text = `${scenarios.slice(0, 3).join('\n')}\n`;
    const file = tmp.write('redirected.jsonl', text);
    const inShell = (command: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn('bash', ['-c', command], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (b: Buffer) => {
          stderr += b.toString();
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const node = `"${process.execPath}" "${cli}"`;
    const appended = await inShell(`${node} recommend "${file}" >> "${file}"`);
    expect(appended.code).toBe(2);
    expect(appended.stderr).toMatch(/^redress: standard output is the same file as the input /);
    const fromStdin = await inShell(`${node} recommend -o "${file}" < "${file}"`);
    expect(fromStdin.code).toBe(2);
    expect(fromStdin.stderr).toContain('is the same file as standard input:');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  // util-linux `script` runs the command on a pseudo-terminal, as a person at a terminal would.
  it.skipIf(!existsSync('/usr/bin/script'))(
    'shows the progress bar on a real terminal (--quiet and the bar itself are tested in-process)',
    async () => {
      const onTerminal = (args: string) =>
        new Promise<string>((resolve, reject) => {
          const command = `"${process.execPath}" "${cli}" ${args}`;
          const child = spawn('/usr/bin/script', ['-qec', command, '/dev/null'], {
            cwd: root,
            env: { ...process.env, COLUMNS: '120' },
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let out = '';
          child.stdout.on('data', (b: Buffer) => {
            out += b.toString();
          });
          child.on('error', reject);
          child.on('close', () => resolve(out));
        });
      // The European shop's complaints: the storefronts' lira and rial orders would need --rates.
      const examples = readFileSync(join(root, 'examples/complaints.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => !/"currency":"(TRY|IRR)"/.test(line));
      const input = tmp.write('tty-input.jsonl', `${examples.slice(0, 150).join('\n')}\n`);
      const shown = await onTerminal(`recommend ${input} -o ${join(tmp.dir, 'tty.jsonl')}`);
      expect(shown).toMatch(/recommend [█░]+ +\d+% · [\d,]+ lines · [\d,]+\/s · ETA \d+:\d\d/);
      expect(shown).toMatch(/recommend: 150 lines · [\d,]+\/s in \d+:\d\d/);
    },
  );
});
