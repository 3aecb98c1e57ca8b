import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeOutcomes } from '../../src/outcomes/index';
import { jsonLines, root, tempDir } from './run';
import { runInProcess } from './run-in-process';

// `redress outcomes` and `simulate --outcomes`, run in-process through the io seam on the examples: the
// recommendations the rules in production made, and the outcomes examples/generate-outcomes.mjs planted.

const tmp = tempDir();
let recommendations = '';
const outcomes = join(root, 'examples/outcomes.jsonl');
const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n');

beforeAll(async () => {
  recommendations = join(tmp.dir, 'recommendations.jsonl');
  const run = await runInProcess([
    'recommend',
    'examples/complaints.jsonl',
    '--rates',
    'examples/rates.json',
    '--rules',
    'examples/rules/current.json',
    '-o',
    recommendations,
  ]);
  expect(run.code).toBe(0);
}, 60_000);
afterAll(() => tmp.remove());

describe('redress outcomes', () => {
  it('marks the planted weak rule worse, says why the other one is not judged, and exits 0', async () => {
    const run = await runInProcess(['outcomes', recommendations, outcomes]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Outcomes of 1,191 complaints: ${recommendations} joined with ${outcomes}`);
    expect(run.stdout).toContain('21 recommendations have no outcome: c-000027, c-000065');
    expect(run.stdout).toContain('every outcome has a recommendation');
    const worse = run.stdout
      .split('\n')
      .filter((l) => /^ {2}\S+ +\S+ +\d+ +[\d.]+% +[\d.]+% +-[\d.]+% to -[\d.]+%$/.test(l));
    expect(worse.map((l) => l.trim().split(/\s+/).slice(0, 2))).toEqual([['late-minor', 'late_delivery']]);
    expect(run.stdout).toContain('1 worse than the rest of its category');
    expect(run.stdout).toMatch(
      /not judged, too few CSAT answers .*damaged-item-refund in damaged_item \(17\)/,
    );
    expect(run.stderr).toBe('');
  });

  it('--json is what summarizeOutcomes gives for the same files', async () => {
    const run = await runInProcess(['outcomes', '--json', recommendations, outcomes]);
    const expected = await summarizeOutcomes({
      recommendations: lines(recommendations),
      outcomes: lines(outcomes),
    });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('judges on fewer answers with --min-sample, and counts repeats within --repeat-within days', async () => {
    const run = await runInProcess([
      'outcomes',
      '--json',
      '--min-sample',
      '10',
      '--repeat-within',
      '60',
      recommendations,
      outcomes,
    ]);
    const summary = JSON.parse(run.stdout);
    expect(summary.method).toMatchObject({ minSample: 10, repeatWithinDays: 60 });
    const worse = summary.verdicts.filter((v: { verdict: string }) => v.verdict === 'worse');
    expect(worse.map((v: { rule: string }) => v.rule)).toContain('damaged-item-refund');
  });

  it('reports unmatched ids on both sides and every bad line, writes them all to --errors, and exits 1', async () => {
    const recs = lines(recommendations).slice(0, 3);
    const recsFile = tmp.writeLines('few-recs.jsonl', [...recs, '{"complaintId":"x"', '', recs[0] as string]);
    const outFile = tmp.writeLines('few-outcomes.jsonl', [
      '{"complaintId":"c-000001","csat":5}',
      '{"complaintId":"c-000002","csat":7}',
      '{"complaintId":"zz-1","csat":1}',
      '{"complaintId":"c-000001","csat":2}',
    ]);
    const errorsFile = join(tmp.dir, 'errors.jsonl');
    const run = await runInProcess(['outcomes', recsFile, outFile, '--errors', errorsFile]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('2 recommendations have no outcome: c-000002, c-000003');
    expect(run.stdout).toContain('1 outcome has no recommendation: zz-1');
    const errors = jsonLines(readFileSync(errorsFile, 'utf8'));
    expect(errors.map((e) => [e.source, e.line, (e.error as { code: string }).code])).toEqual([
      ['outcomes', 2, 'INVALID_OUTCOME'],
      ['outcomes', 4, 'INVALID_OUTCOME'],
      ['recommendations', 4, 'INVALID_JSON'],
      ['recommendations', 6, 'INVALID_RECOMMENDATION'],
    ]);
    expect(run.stdout).toMatch(/4 error lines: INVALID_OUTCOME 2, INVALID_JSON 1, INVALID_RECOMMENDATION 1/);
    expect(run.stdout).toMatch(/outcomes +2 +INVALID_OUTCOME +\/csat/);
  });

  it('reads lines that are not UTF-8 or too long as error lines, not as the end of the file', async () => {
    const outFile = tmp.write(
      'bytes.jsonl',
      Buffer.concat([
        Buffer.from(`{"complaintId":"c-000001","csat":5}\n`),
        Buffer.from([0xc3, 0x28, 0x0a]),
        Buffer.from(
          `{"complaintId":"c-000002","x":"${'a'.repeat(70_000)}"}\n{"complaintId":"c-000003","csat":4}\n`,
        ),
      ]),
    );
    const run = await runInProcess([
      'outcomes',
      '--json',
      '--max-line-bytes',
      '65536',
      recommendations,
      outFile,
    ]);
    const summary = JSON.parse(run.stdout);
    expect(summary.join.outcomes).toBe(2);
    expect(
      summary.errors.first.map((e: { line: number; error: { code: string } }) => [e.line, e.error.code]),
    ).toEqual([
      [2, 'INVALID_JSON'],
      [3, 'LIMIT_EXCEEDED'],
    ]);
  });

  it('refuses to write over an input, or to read both inputs from standard input, with exit 2', async () => {
    const copy = tmp.write('copy.jsonl', readFileSync(outcomes));
    const before = readFileSync(copy, 'utf8');
    for (const args of [
      ['outcomes', recommendations, copy, '--report', copy],
      ['outcomes', recommendations, copy, '--errors', copy],
      ['outcomes', '-', '-'],
      ['outcomes', recommendations, join(tmp.dir, 'missing.jsonl')],
    ]) {
      const run = await runInProcess(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^redress: /);
    }
    expect(readFileSync(copy, 'utf8')).toBe(before);
  });

  it('writes a self-contained HTML report that escapes what it shows', async () => {
    const outFile = tmp.writeLines('evil.jsonl', ['{"complaintId":"<script>alert(1)</script>","csat":1}']);
    const report = join(tmp.dir, 'outcomes.html');
    const run = await runInProcess(['outcomes', recommendations, outFile, '--report', report, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('report written');
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('redress outcomes</footer>');
  });
});

describe('redress schema outcome', () => {
  it('prints the same JSON Schema as the committed schema file', async () => {
    const run = await runInProcess(['schema', 'outcome']);
    expect(JSON.parse(run.stdout)).toEqual(
      JSON.parse(readFileSync(join(root, 'schema/outcome.schema.json'), 'utf8')),
    );
    expect((await runInProcess(['schema', 'complaint'])).code).toBe(2);
  });
});

describe('redress simulate --outcomes', () => {
  const simulate = [
    'simulate',
    'examples/complaints.jsonl',
    '--rates',
    'examples/rates.json',
    '--rules',
    'examples/rules/proposed.json',
    '--baseline',
    'examples/rules/current.json',
  ];

  it("shows how the baseline's decision fared for the complaints that would get another one", async () => {
    const run = await runInProcess([...simulate, '--outcomes', 'examples/outcomes.jsonl', '--no-incidents']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Outcomes under the baseline's decisions (examples/outcomes.jsonl)");
    // late-minor: an apology alone becomes a coupon; under the apology, customers were less satisfied.
    const row = run.stdout.split('\n').find((l) => /^ {2}apology +→ +apology \+ coupon /.test(l)) ?? '';
    expect(row.trim().split(/\s{2,}/)).toEqual([
      'apology',
      '→',
      'apology + coupon',
      '61',
      '57',
      '3.18',
      '40.9%',
      '27.7–55.6%',
      '8.8%',
    ]);
  });

  it('adds `outcomes` to --json only when asked, and needs --baseline', async () => {
    const withOutcomes = JSON.parse(
      (await runInProcess([...simulate, '--json', '--outcomes', 'examples/outcomes.jsonl'])).stdout,
    );
    const without = JSON.parse((await runInProcess([...simulate, '--json'])).stdout);
    const { outcomes: evidence, ...rest } = withOutcomes;
    expect(rest).toEqual(without);
    expect('outcomes' in without).toBe(false);
    expect(evidence.transitions[0]).toMatchObject({
      changed: expect.any(Number),
      outcomes: { complaints: expect.any(Number) },
    });
    expect(evidence.changed.complaints + evidence.unchanged.complaints).toBe(evidence.matched);
    const alone = await runInProcess([
      'simulate',
      'examples/complaints.jsonl',
      '--rates',
      'examples/rates.json',
      '--outcomes',
      'examples/outcomes.jsonl',
    ]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--outcomes needs --baseline');
  });
});
