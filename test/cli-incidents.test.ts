import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli-run';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** A minimal valid complaint about one product, at a fixed time. */
function complaint(id: string, receivedAt: string, options: { public?: boolean } = {}): string {
  return JSON.stringify({
    id,
    receivedAt,
    channel: options.public ? 'social' : 'email',
    category: 'wrong_item',
    summary: 'Ordered size 42, received size 38.',
    order: {
      id: `o-${id}`,
      total: 59.9,
      currency: 'EUR',
      placedAt: '2026-03-01',
      items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 59.9 }],
    },
    customer: { id: `u-${id}`, since: '2024-05-01', lifetimeSpend: 300, orderCount: 4, priorComplaints: [] },
    ...(options.public ? { exposure: { public: true } } : {}),
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Two complaints a day about SHOE-42 from 1 to 3 March: the cause's usual rate. */
const trickle = [1, 2, 3].flatMap((day) =>
  [9, 15].map((hour) => complaint(`t-${day}-${hour}`, `2026-03-${pad(day)}T${pad(hour)}:00:00Z`)),
);
/**
 * Then twelve in 44 minutes on 4 March, after the last of the trickle has left the 24-hour window,
 * one in four posted publicly. It is detected at the eleventh (16:40, the first window over 4 × the
 * usual count), when the history before the window is 55h40m with 6 complaints: an expected
 * 6 × 24 / 55.67 ≈ 2.59 a day, and a peak of 12 is × 4.64.
 */
const burst = Array.from({ length: 12 }, (_, i) =>
  complaint(`b-${pad(i)}`, `2026-03-04T16:${pad(i * 4)}:00Z`, { public: i % 4 === 0 }),
);

/** The library rounds `expected` and `growth` to four decimals. */
const EXPECTED = (6 * 24) / (55 + 40 / 60);

function writeTemp(name: string, lines: readonly string[]): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const burstFile = writeTemp('burst.jsonl', [...trickle, ...burst]);
const quietFile = writeTemp('quiet.jsonl', trickle);

describe.concurrent('redress incidents', () => {
  it('is listed in redress --help', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toMatch(/^\s+incidents\b/m);
  });

  it('finds the burst after three days of trickle and prints it readably', async () => {
    const run = await runCli(['incidents', burstFile]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 incident (18 complaints read)');
    expect(run.stdout).toContain('inc-20260304T160000Z-wrong_item:sku:SHOE-42');
    expect(run.stdout).toMatch(/first\s+2026-03-04T16:00:00\.000Z/);
    expect(run.stdout).toMatch(/last\s+2026-03-04T16:44:00\.000Z/);
    expect(run.stdout).toMatch(/count\s+12 \(peak 12 in one window, expected 2\.59\)/);
    expect(run.stdout).toMatch(/growth\s+×4\.64/);
    expect(run.stdout).toMatch(/public\s+3 \(25%\)/);
    expect(run.stdout).toContain('b-00, b-01, b-02, b-03, b-04, … (+7 more)');
    expect(run.stdout).not.toContain('b-05');
  });

  it('prints the incidents as JSON with --json, every complaint id included', async () => {
    const run = await runCli(['incidents', '--json', '-'], {
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
      id: 'inc-20260304T160000Z-wrong_item:sku:SHOE-42',
      count: 12,
      publicShare: 0.25,
    });
    expect(incidents[0]?.expected).toBeCloseTo(EXPECTED, 3);
    expect(incidents[0]?.growth).toBeCloseTo(12 / EXPECTED, 3);
    expect(incidents[0]?.complaintIds).toEqual(burst.map((_, i) => `b-${pad(i)}`));
  });

  it('says "no incidents" and exits 0 for a steady trickle', async () => {
    const run = await runCli(['incidents', quietFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('no incidents (6 complaints read)\n');
    const json = await runCli(['incidents', quietFile, '--json']);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('follows the flags: a higher --min-count hides the burst', async () => {
    const run = await runCli(['incidents', burstFile, '--min-count', '13']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no incidents');
  });

  it('reports a malformed line with its number and code, keeps the rest, and exits 1', async () => {
    const lines = [...trickle, '{"id": "broken"', ...burst, JSON.stringify({ id: 'no-fields' })];
    const run = await runCli(['incidents', writeTemp('bad.jsonl', lines)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line 7: INVALID_JSON: /m);
    expect(run.stderr).toMatch(/^line 20: INVALID_COMPLAINT: /m);
    expect(run.stderr).toContain('2 lines failed and were left out');
    expect(run.stdout).toContain('inc-20260304T160000Z-wrong_item:sku:SHOE-42');
  });

  it('exits 2 on a usage error: bad option values or a missing file', async () => {
    for (const args of [
      ['incidents', burstFile, '--window', '0'],
      ['incidents', burstFile, '--ratio', 'lots'],
      ['incidents', join(tmp.dir, 'missing.jsonl')],
    ]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
    }
  });
});
