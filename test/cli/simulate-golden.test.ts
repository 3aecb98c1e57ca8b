import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, type ExpectStatic, it } from 'vitest';
import { root, runCli, tempDir } from './run';
import { runInProcess } from './run-in-process';

/**
 * `redress simulate`'s output, byte for byte, pinned by goldens written from the replay as it was
 * before it was made fast (issue 20): the text summary, `--json` and the HTML report must not move
 * when the replay's inside does. The input mixes the example complaints, the scenarios (several
 * currencies, linked complaints) and lines that fail, read from standard input so that no path varies.
 * After a deliberate change to what simulate prints, rewrite the goldens with `npx vitest run -u`.
 */
const read = (path: string) => readFileSync(join(root, path), 'utf8');
// The European shop's complaints of the examples, as when the goldens were written (the storefronts'
// lira and rial lines came later; the scenarios bring other currencies).
const european = read('examples/complaints.jsonl')
  .trimEnd()
  .split('\n')
  .filter((line) => !/"currency":"(TRY|IRR)"/.test(line))
  .join('\n');
const input = [
  european,
  read('test/fixtures/scenarios.jsonl').trimEnd(),
  'not json',
  '{"id":"bad-1"}',
  '',
  '{"id":"bad-2","channel":"email"}',
  '',
].join('\n');

const compare = [
  '-r',
  'examples/rules/proposed.json',
  '-b',
  'examples/rules/current.json',
  '--rates',
  'examples/rates.json',
];

const tmp = tempDir();
afterAll(() => tmp.remove());

const golden = (name: string) => `./golden/simulate/${name}`;

async function simulate(expect: ExpectStatic, args: readonly string[]) {
  const run = await runInProcess(['simulate', '-', ...args], { input });
  expect(run.code, run.stderr).toBe(1); // the failing lines
  return run;
}

// The JSON summary and the HTML report come from one run (`--json --report`): the report is written from
// the same summary whatever prints on standard output, and a replay is most of this file's time.
let jsonAndReport: Promise<{ stdout: string; report: string }> | undefined;
function compareWithReport(expect: ExpectStatic) {
  jsonAndReport ??= (async () => {
    const report = join(tmp.dir, 'report.html');
    const run = await simulate(expect, [
      ...compare,
      '--outcomes',
      'examples/outcomes.jsonl',
      '--json',
      '--report',
      report,
    ]);
    return { stdout: run.stdout, report: readFileSync(report, 'utf8') };
  })();
  return jsonAndReport;
}

describe.concurrent('redress simulate, byte for byte', () => {
  it('prints the same text summary against a baseline, with outcomes', async ({ expect }) => {
    const run = await simulate(expect, [...compare, '--outcomes', 'examples/outcomes.jsonl']);
    await expect(run.stdout).toMatchFileSnapshot(golden('compare.txt'));
  });

  it('prints the same JSON summary against a baseline, with outcomes', async ({ expect }) => {
    const { stdout } = await compareWithReport(expect);
    await expect(stdout).toMatchFileSnapshot(golden('compare.json'));
  });

  it('writes the same HTML report', async ({ expect }) => {
    const { report } = await compareWithReport(expect);
    await expect(report).toMatchFileSnapshot(golden('report.html'));
  });

  it('prints the same summary without linking', async ({ expect }) => {
    const run = await simulate(expect, [...compare, '--no-link', '--json', '--examples', '3']);
    await expect(run.stdout).toMatchFileSnapshot(golden('no-link.json'));
  });

  it('prints the same summary for the built-in rules alone', async ({ expect }) => {
    const run = await simulate(expect, ['--rates', 'examples/rates.json']);
    await expect(run.stdout).toMatchFileSnapshot(golden('default.txt'));
  });

  it('prints the same summary in crisis mode', async ({ expect }) => {
    const run = await simulate(expect, [...compare, '--apply-incidents', '--json', '--examples', '3']);
    await expect(run.stdout).toMatchFileSnapshot(golden('crisis.json'));
  });
});

// The built command decides chunks of lines on worker threads (from source it cannot start them): its
// output must be the goldens, byte for byte, with one worker and with two, however the chunks come back.
describe('redress simulate on worker threads (the built command), byte for byte', () => {
  const goldenText = (name: string) => readFileSync(join(root, 'test/cli', golden(name)), 'utf8');
  for (const workers of ['1', '2']) {
    it(`prints the goldens with --workers ${workers}`, async ({ expect }) => {
      const report = join(tmp.dir, `report-${workers}.html`);
      const outcomes = ['--outcomes', 'examples/outcomes.jsonl'];
      // The JSON summary and the report from one run, as in-process above: two processes, not three.
      const runs = await Promise.all([
        runCli(
          ['simulate', '-', ...compare, ...outcomes, '--workers', workers, '--json', '--report', report],
          {
            input,
          },
        ),
        runCli(
          ['simulate', '-', ...compare, '--no-link', '--json', '--examples', '3', '--workers', workers],
          {
            input,
          },
        ),
      ]);
      for (const run of runs) expect(run.code, run.stderr).toBe(1);
      expect(runs[0]?.stdout).toBe(goldenText('compare.json'));
      expect(readFileSync(report, 'utf8')).toBe(goldenText('report.html'));
      expect(runs[1]?.stdout).toBe(goldenText('no-link.json'));
    }, 120_000);
  }
});

describe('redress simulate, rule sets with their own scoring', () => {
  it('judges a complaint once per scoring: each side as when it is simulated alone', async ({ expect }) => {
    const current = JSON.parse(read('examples/rules/current.json')) as Record<string, unknown>;
    // Severe from 10 points on: many complaints change band, and with it the rules that fire.
    const severe = tmp.write(
      'severe.json',
      JSON.stringify({
        ...current,
        name: 'severe',
        scoring: { severity: { bands: { medium: 5, high: 10, critical: 20 } } },
      }),
    );
    const compared = JSON.parse(
      (await simulate(expect, ['-r', 'examples/rules/current.json', '-b', severe, '--json'])).stdout,
    ) as { proposed: unknown; baseline: { ruleSet: unknown }; changes: { changed: number } };
    const alone = JSON.parse((await simulate(expect, ['-r', severe, '--json'])).stdout) as {
      proposed: unknown;
    };
    const current0 = JSON.parse(
      (await simulate(expect, ['-r', 'examples/rules/current.json', '--json'])).stdout,
    ) as { proposed: unknown };
    expect(compared.baseline).toEqual(alone.proposed);
    expect(compared.proposed).toEqual(current0.proposed);
    expect(compared.changes.changed).toBeGreaterThan(100);
  });
});
