import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BURST_ID, burst, burstIds, EXPECTED, trickle } from '../incidents/fixture';
import { tempDir } from './run';
import { runInProcess } from './run-in-process';

const tmp = tempDir();
afterAll(() => tmp.remove());

const writeTemp = tmp.writeLines;

const burstFile = writeTemp('burst.jsonl', [...trickle, ...burst]);
const quietFile = writeTemp('quiet.jsonl', trickle);

describe.concurrent('redress incidents', () => {
  it('is listed in redress --help', async () => {
    const run = await runInProcess(['--help']);
    expect(run.stdout).toMatch(/^\s+incidents\b/m);
  });

  it('finds the burst after three days of trickle and prints it readably', async () => {
    const run = await runInProcess(['incidents', burstFile]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 incident (18 complaints read)');
    expect(run.stdout).toContain(BURST_ID);
    expect(run.stdout).toMatch(/first\s+2026-03-04T16:00:00\.000Z/);
    expect(run.stdout).toMatch(/last\s+2026-03-04T16:44:00\.000Z/);
    expect(run.stdout).toMatch(/count\s+12 \(peak 12 in one window, expected 2\.59\)/);
    expect(run.stdout).toMatch(/growth\s+×4\.64/);
    expect(run.stdout).toMatch(/public\s+3 \(25%\)/);
    expect(run.stdout).toContain('b-00, b-01, b-02, b-03, b-04, … (+7 more)');
    expect(run.stdout).not.toContain('b-05');
  });

  it('prints the incidents as JSON with --json, every complaint id included', async () => {
    const run = await runInProcess(['incidents', '--json', '-'], {
      input: `${[...trickle, ...burst].join('\n')}\n`,
    });
    expect(run.code).toBe(0);
    const incidents = JSON.parse(run.stdout) as {
      id: string;
      count: number;
      expected: number;
      growth: number;
      publicShare: number;
      complaintIds: string[];
    }[];
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      id: BURST_ID,
      count: 12,
      publicShare: 0.25,
    });
    expect(incidents[0]?.expected).toBeCloseTo(EXPECTED, 3);
    expect(incidents[0]?.growth).toBeCloseTo(12 / EXPECTED, 3);
    expect(incidents[0]?.complaintIds).toEqual(burstIds);
  });

  it('says "no incidents" and exits 0 for a steady trickle', async () => {
    const run = await runInProcess(['incidents', quietFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('no incidents (6 complaints read)\n');
    const json = await runInProcess(['incidents', quietFile, '--json']);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('follows the flags: a higher --min-count hides the burst', async () => {
    const run = await runInProcess(['incidents', burstFile, '--min-count', '13']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no incidents');
  });

  it('reports a malformed line with its number and code, keeps the rest, and exits 1', async () => {
    const lines = [...trickle, '{"id": "broken"', ...burst, JSON.stringify({ id: 'no-fields' })];
    const run = await runInProcess(['incidents', writeTemp('bad.jsonl', lines)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line 7: INVALID_JSON: /m);
    expect(run.stderr).toMatch(/^line 20: INVALID_COMPLAINT: /m);
    expect(run.stderr).toContain('2 lines failed and were left out');
    expect(run.stdout).toContain(BURST_ID);
  });

  it('exits 2 on a usage error: bad option values or a missing file', async () => {
    for (const args of [
      ['incidents', burstFile, '--window', '0'],
      ['incidents', burstFile, '--ratio', 'lots'],
      ['incidents', join(tmp.dir, 'missing.jsonl')],
    ]) {
      const run = await runInProcess(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
    }
  });
});
