import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimulationSummary } from '../../src/cli/simulate/simulation';
import { complaint } from '../complaint-builder';
import { tempDir } from './run';
import { runInProcess } from './run-in-process';

// The story on the command line: one wrong item by email, chat and on social media.
const lines = `${[
  complaint({ id: 'c-email', channel: 'email', receivedAt: '2026-03-10T09:00:00Z' }),
  complaint({ id: 'c-chat', channel: 'chat', receivedAt: '2026-03-10T11:00:00Z' }),
  complaint({
    id: 'c-social',
    channel: 'social',
    receivedAt: '2026-03-10T15:00:00Z',
    exposure: { public: true, platform: 'X', reach: 200 },
  }),
]
  .map((c) => JSON.stringify(c))
  .join('\n')}\n`;

const records = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { handling: { mode: string; linkedTo?: string }; totalCost: number });

describe('redress recommend and simulate link one problem into one case', () => {
  it('recommend links by default and --no-link turns it off', async () => {
    const linked = records((await runInProcess(['recommend', '-', '--quiet'], { input: lines })).stdout);
    expect(linked.map((r) => r.handling.linkedTo ?? null)).toEqual([null, 'c-email', 'c-email']);
    const off = records(
      (await runInProcess(['recommend', '-', '--quiet', '--no-link'], { input: lines })).stdout,
    );
    expect(off.every((r) => r.handling.mode !== 'linked')).toBe(true);
    expect(off.reduce((s, r) => s + r.totalCost, 0)).toBeGreaterThan(
      linked.reduce((s, r) => s + r.totalCost, 0),
    );
  });

  it('simulate counts linked complaints and the money linking kept from being paid twice', async () => {
    const run = await runInProcess(['simulate', '-', '--json', '--quiet', '--no-incidents'], {
      input: lines,
    });
    const summary = JSON.parse(run.stdout) as SimulationSummary;
    const off = JSON.parse(
      (
        await runInProcess(['simulate', '-', '--json', '--quiet', '--no-incidents', '--no-link'], {
          input: lines,
        })
      ).stdout,
    ) as SimulationSummary;
    expect(summary.proposed.handling.linked).toBe(2);
    expect(off.proposed.handling.linked).toBe(0);
    const [eur] = summary.proposed.currencies;
    const [eurOff] = off.proposed.currencies;
    expect(eur?.savedByLinking).toBeCloseTo((eurOff?.totalCost ?? 0) - (eur?.totalCost ?? 0), 2);
    expect(eur?.savedByLinking).toBeGreaterThan(0);
    const text = (await runInProcess(['simulate', '-', '--quiet', '--no-incidents'], { input: lines }))
      .stdout;
    expect(text).toMatch(/linked to a case\s+2/);
    expect(text).toMatch(/linking kept €[\d.,]+ from being paid twice/);
  });

  it('--resume does not see the cases begun before the resume point, as its help and docs/cases.md say', async () => {
    const tmp = tempDir();
    try {
      const input = join(tmp.dir, 'in.jsonl');
      const out = join(tmp.dir, 'out.jsonl');
      writeFileSync(input, lines);
      // An interrupted run wrote the first record (the email, which opened the case), then stopped.
      const whole = (await runInProcess(['recommend', input, '--quiet'])).stdout;
      writeFileSync(out, `${whole.split('\n')[0]}\n`);
      await runInProcess(['recommend', input, '-o', out, '--resume', '--quiet']);
      const resumed = records(readFileSync(out, 'utf8'));
      // Uninterrupted, the chat and the post are linked to the email; resumed, the chat opens a new case.
      expect(records(whole).map((r) => r.handling.linkedTo ?? null)).toEqual([null, 'c-email', 'c-email']);
      expect(resumed.map((r) => r.handling.linkedTo ?? null)).toEqual([null, null, 'c-chat']);
      const help = (await runInProcess(['recommend', '--help'])).stdout.replace(/\s+/g, ' ');
      expect(help).toContain('cases begun before that point are not seen again');
    } finally {
      tmp.remove();
    }
  });
});
