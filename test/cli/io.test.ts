import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { jsonLines, root, tempDir } from './run';
import { memoryIo, runInProcess } from './run-in-process';

// The io seam: the command touches the world only through the io it is given, so a test can run it
// in its own process and see everything it did.

const tmp = tempDir();
afterAll(() => tmp.remove());

const scenarios = readFileSync(join(root, 'test/fixtures/scenarios.jsonl'), 'utf8').trim().split('\n');

describe('the io seam', () => {
  it('writes to the io, never to the process: output, errors and the exit code come back in memory', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const io = memoryIo(['--version']);
    expect(await run(io)).toBe(0);
    expect(io.stdout.text()).toBe(`${version}\n`);
    expect(io.exitCode).toBe(0);
    expect(io.stderr.text()).toBe('');
  });

  it('reads relative file names from the io working directory, and names them as given', async () => {
    tmp.writeLines('in.jsonl', scenarios.slice(0, 2));
    const run = await runInProcess(['recommend', 'in.jsonl', '-o', 'out.jsonl'], { cwd: tmp.dir });
    expect(run.code).toBe(0);
    expect(jsonLines(readFileSync(join(tmp.dir, 'out.jsonl'), 'utf8'))).toHaveLength(2);
    const missing = await runInProcess(['recommend', 'nope.jsonl'], { cwd: tmp.dir });
    expect(missing.stderr).toBe('redress: cannot read nope.jsonl: no such file or directory\n');
  });

  it('refuses to wait for a terminal on standard input when no file is named', async () => {
    const run = await runInProcess(['recommend'], { tty: { stdin: true } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no input: name a JSON Lines file, or pipe one in');
  });

  it('draws the progress bar on a terminal stderr with the io clock, and not with --quiet', async () => {
    const input = tmp.writeLines('bar.jsonl', scenarios);
    let t = 0;
    const options = { tty: { stderr: true }, columns: 120, now: () => (t += 250) };
    const rates = join(root, 'examples/rates.json');
    const shown = await runInProcess(
      ['recommend', input, '--rates', rates, '-o', join(tmp.dir, 'bar-out.jsonl')],
      options,
    );
    expect(shown.stderr).toMatch(/recommend [█░]+ +\d+% · [\d,]+ lines · [\d,]+\/s · ETA \d+:\d\d/);
    expect(shown.stderr).toMatch(
      new RegExp(`recommend: ${scenarios.length} lines · [\\d,]+/s in \\d+:\\d\\d\\n$`),
    );
    const quiet = await runInProcess(
      ['recommend', input, '--rates', rates, '-q', '-o', join(tmp.dir, 'bar-q.jsonl')],
      options,
    );
    expect(quiet.stderr).toBe('');
  });

  it('colours explain output when stdout is a terminal and NO_COLOR is not set', async () => {
    const tty = await runInProcess(['explain', 'examples/complaint.json'], {
      tty: { stdout: true },
      env: { NO_COLOR: undefined },
    });
    expect(tty.stdout).toContain('\u001b[32m✓');
    const pipe = await runInProcess(['explain', 'examples/complaint.json'], { env: { NO_COLOR: undefined } });
    expect(pipe.stdout).not.toContain('\u001b[');
  });

  it('reports resource usage through the io when asked', async () => {
    const run = await runInProcess(['recommend', '-'], {
      input: `${scenarios[0]}\n`,
      env: { REDRESS_REPORT_RESOURCES: '1' },
    });
    expect(run.stderr).toBe('redress: resources {"maxRssBytes":0,"cpuSeconds":0}\n');
  });
});
