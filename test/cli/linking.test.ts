import { describe, expect, it } from 'vitest';
import type { SimulationSummary } from '../../src/cli/simulate/simulation';
import { complaint } from '../complaint-builder';
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
});
