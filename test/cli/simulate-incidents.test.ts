import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/incidents/index';
import { createRecommender, isRecommendationError } from '../../src/index';
import { RATES } from '../helpers';
import { BURST_ID, burst, burstIds, EXPECTED, pad, shoeComplaint, trickle } from '../incidents/fixture';
import { tempDir } from './run';
import { runInProcess } from './run-in-process';

// `redress simulate` lists the incidents among the complaints it replays, with the detection code and
// defaults of `redress incidents`, and with --apply-incidents replays them in crisis mode.

const tmp = tempDir();
afterAll(() => tmp.remove());

const writeTemp = tmp.writeLines;

const burstFile = writeTemp('burst.jsonl', [...trickle, ...burst]);
const quietFile = writeTemp('quiet.jsonl', trickle);

/** Twelve products, each with its own burst at one instant: product k has k + 2 complaints. */
const manyFile = writeTemp(
  'many.jsonl',
  Array.from({ length: 12 }, (_, k) =>
    Array.from({ length: k + 2 }, (_, j) =>
      shoeComplaint(`m-${pad(k)}-${pad(j)}`, `2026-03-${pad(k + 1)}T10:00:00Z`, { sku: `SKU-${pad(k)}` }),
    ),
  ).flat(),
);

interface IncidentsJson {
  options: {
    window: string | number;
    baseline: string | number;
    minCount: number;
    ratio: number;
    groupBy: string;
  };
  applied: boolean;
  complaints: number;
  firstAt: string | null;
  lastAt: string | null;
  inIncidents: number;
  voice: { owner: string; statement: string; partners: Record<string, string[]> };
  list: Incident[];
}

interface SimulationJson {
  incidents: IncidentsJson | null;
  proposed: { currencies: { currency: string; totalCost: number }[] };
}

async function simulateJson(args: readonly string[]): Promise<{ code: number | null; json: SimulationJson }> {
  const run = await runInProcess(['simulate', '--json', '--quiet', ...args]);
  return { code: run.code, json: JSON.parse(run.stdout) as SimulationJson };
}

async function incidentsJson(args: readonly string[]): Promise<Incident[]> {
  return JSON.parse((await runInProcess(['incidents', '--json', ...args])).stdout) as Incident[];
}

describe.concurrent('redress simulate: incidents', () => {
  it('lists the known burst in the text summary: id, cause, first and last, count, growth, public share', async () => {
    const run = await runInProcess(['simulate', burstFile]);
    expect(run.code).toBe(0);
    const text = run.stdout.slice(run.stdout.indexOf('\nIncidents\n'));
    expect(text).toContain(
      '  detection: window 24h, baseline 28d, min count 10, ratio 4, group by cause\n' +
        '  listed only: each complaint was recommended for alone (--apply-incidents replays in crisis mode)\n' +
        '  1 incident among 18 recommended complaints (2026-03-01T09:00:00Z to 2026-03-04T16:44:00Z)\n' +
        '  12 of them (66.7%) are part of an incident\n',
    );
    const row = text.split('\n').find((line) => line.includes(BURST_ID)) ?? '';
    expect(row.trim().split(/\s{2,}/)).toEqual([
      BURST_ID,
      'wrong_item:sku:SHOE-42',
      '2026-03-04T16:00:00Z',
      '2026-03-04T16:44:00Z',
      '12',
      '×4.64',
      '3 (25.0%)',
    ]);
    expect(text).not.toContain('more');
  });

  it('gives the incidents in --json: the options used, the counts, and every incident as redress incidents --json does', async () => {
    const [{ code, json }, alone] = await Promise.all([
      simulateJson([burstFile]),
      incidentsJson([burstFile]),
    ]);
    expect(code).toBe(0);
    const i = json.incidents as IncidentsJson;
    expect(i).toEqual({
      options: { window: '24h', baseline: '28d', minCount: 10, ratio: 4, groupBy: 'cause' },
      applied: false,
      complaints: 18,
      firstAt: '2026-03-01T09:00:00.000Z',
      lastAt: '2026-03-04T16:44:00.000Z',
      inIncidents: 12,
      list: alone,
      voice: { owner: 'crisis-team', statement: expect.stringMatching(/^We know about/), partners: {} },
    });
    expect(i.list).toHaveLength(1);
    expect(i.list[0]).toMatchObject({
      id: BURST_ID,
      cause: { key: 'wrong_item:sku:SHOE-42', category: 'wrong_item', sku: 'SHOE-42', service: null },
      firstAt: '2026-03-04T16:00:00.000Z',
      lastAt: '2026-03-04T16:44:00.000Z',
      detectedAt: '2026-03-04T16:40:00.000Z',
      count: 12,
      peakCount: 12,
      publicCount: 3,
      publicShare: 0.25,
      complaintIds: burstIds,
    });
    expect(i.list[0]?.expected).toBeCloseTo(EXPECTED, 3);
    expect(i.list[0]?.growth).toBeCloseTo(12 / EXPECTED, 3);
  });

  it('says "no incidents" for a steady trickle, in the text, the JSON and the report', async () => {
    const report = join(tmp.dir, 'quiet.html');
    const [run, { json }] = await Promise.all([
      runInProcess(['simulate', quietFile, '--report', report, '--quiet']),
      simulateJson([quietFile]),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '  no incidents among 6 recommended complaints (2026-03-01T09:00:00Z to 2026-03-03T15:00:00Z)\n',
    );
    expect(json.incidents).toMatchObject({ complaints: 6, inIncidents: 0, list: [] });
    const html = readFileSync(report, 'utf8');
    const section = html.slice(html.indexOf('<section id="incidents">'));
    expect(section).toMatch(
      /^<section id="incidents"><h2>Incidents<\/h2><p class="none"><strong>No incidents<\/strong>/,
    );
    expect(section.slice(0, section.indexOf('</section>'))).not.toContain('<svg');
  });

  it('looks for no incidents with --no-incidents: null in --json, nothing in the text or the report', async () => {
    const report = join(tmp.dir, 'off.html');
    const [run, { json }] = await Promise.all([
      runInProcess(['simulate', burstFile, '--no-incidents', '--report', report, '--quiet']),
      simulateJson([burstFile, '--no-incidents']),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Incidents');
    expect(json.incidents).toBeNull();
    expect(readFileSync(report, 'utf8')).not.toContain('id="incidents"');
  });

  it('follows the detection flags of redress incidents, with --incident-baseline for its --baseline', async () => {
    const [higher, short] = await Promise.all([
      simulateJson([burstFile, '--min-count', '13']),
      runInProcess([
        'simulate',
        burstFile,
        '-w',
        '1h',
        '--incident-baseline',
        '0',
        '--min-count',
        '12',
        '--ratio',
        '1.5',
      ]),
    ]);
    expect(higher.json.incidents?.list).toEqual([]);
    expect(higher.json.incidents?.options.minCount).toBe(13);
    // Without a baseline the burst is judged by its count alone, and its cause is new.
    expect(short.stdout).toContain(
      'detection: window 1h, baseline 0ms, min count 12, ratio 1.5, group by cause',
    );
    const row = short.stdout.split('\n').find((line) => line.includes(BURST_ID)) ?? '';
    expect(
      row
        .trim()
        .split(/\s{2,}/)
        .slice(4),
    ).toEqual(['12', 'new', '3 (25.0%)']);
  });

  it('exits 2 on bad detection options, or --apply-incidents with --no-incidents, before reading input', async () => {
    for (const args of [
      ['--window', '0'],
      ['--ratio', '0.5'],
      ['--group-by', 'sku'],
      ['--apply-incidents', '--no-incidents'],
    ]) {
      const run = await runInProcess(['simulate', burstFile, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
    }
  });

  it('reads the complaints as parseComplaint does (ids and SKUs trimmed) and leaves failed lines out', async () => {
    const padded = burst.map((line) => {
      const c = JSON.parse(line) as { id: string; order: { items: { sku: string }[] } };
      c.id = ` ${c.id}\t`;
      (c.order.items[0] as { sku: string }).sku = ' SHOE-42 ';
      return JSON.stringify(c);
    });
    const invalid = JSON.stringify({ ...(JSON.parse(burst[0] as string) as object), category: 'misc' });
    const file = writeTemp('padded.jsonl', [...trickle, '{"id": "broken"', ...padded, invalid]);
    const [{ code, json }, alone] = await Promise.all([simulateJson([file]), incidentsJson([file])]);
    expect(code).toBe(1);
    expect(json.incidents?.complaints).toBe(18);
    expect(json.incidents?.list).toEqual(alone);
    expect(json.incidents?.list[0]).toMatchObject({ id: BURST_ID, count: 12, complaintIds: burstIds });
  });

  it('lists the ten largest incidents in the text and says how many more; the report has them all', async () => {
    const report = join(tmp.dir, 'many.html');
    const flags = ['--incident-baseline', '0', '--min-count', '2'];
    const run = await runInProcess(['simulate', manyFile, ...flags, '--report', report]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  12 incidents among 90 recommended complaints');
    expect(run.stdout).toContain('  the 10 largest:\n');
    expect(run.stdout).toContain('  … and 2 more (--json lists them all)\n');
    const rows = run.stdout.split('\n').filter((line) => line.includes('inc-2026'));
    // Largest first: product 11 with 13 complaints down to product 2 with 4.
    expect(rows.map((line) => line.trim().split(/\s{2,}/)[4])).toEqual(
      Array.from({ length: 10 }, (_, k) => String(13 - k)),
    );
    expect(run.stdout).not.toMatch(/SKU-0[01]\b/);
    const html = readFileSync(report, 'utf8');
    const table = html.slice(html.indexOf('<table class="sortable" id="incident-list">'));
    expect(table.slice(0, table.indexOf('</table>')).match(/<tr>/g)).toHaveLength(13); // a header and 12
    expect(html).toContain('wrong_item:sku:SKU-00');
  });

  it('finds the incidents of the examples, and with --apply-incidents replays as recommendMany({ incidents }) does', async () => {
    const examples = 'examples/complaints.jsonl';
    const [listed, applied] = await Promise.all([
      simulateJson([examples, '--rates', 'examples/rates.json']),
      simulateJson([examples, '--rates', 'examples/rates.json', '--apply-incidents']),
    ]);
    for (const { code, json } of [listed, applied]) {
      expect(code).toBe(0);
      expect(
        json.incidents?.list.map(({ complaintIds, ...rest }) => ({ ...rest, ids: complaintIds.length })),
      ).toEqual([
        expect.objectContaining({
          id: 'inc-20260314T175400Z-late_delivery',
          firstAt: '2026-03-14T17:54:00.000Z',
          lastAt: '2026-03-31T20:56:00.000Z',
          count: 244,
          ids: 244,
          publicCount: 45,
        }),
        // The outage of the examples' plans, one cause: their service.
        expect.objectContaining({
          id: 'inc-20260321T143700Z-service_outage',
          cause: expect.objectContaining({ key: 'service_outage', service: null }),
          count: 13,
          ids: 13,
        }),
      ]);
    }
    expect([listed.json.incidents?.applied, applied.json.incidents?.applied]).toEqual([false, true]);
    // One voice under the new rules: redress's owner and statement, and no partners named.
    expect(listed.json.incidents?.voice).toEqual({
      owner: 'crisis-team',
      statement:
        'We know about a problem that is affecting many of our customers, and we are working to fix it. We are sorry for the trouble. Please send us a private message so that we can help you personally.',
      partners: {},
    });

    let crisis = 0;
    const lines = readFileSync(examples, 'utf8').trim().split('\n');
    // The lira and rial orders are added up in euros at the rates the recommendation used.
    for await (const rec of createRecommender({ exchangeRates: RATES }).recommendMany(lines, {
      incidents: true,
    })) {
      if (isRecommendationError(rec)) throw new Error(rec.error.message);
      crisis += Math.round((rec.totalCost / rec.money.rate) * 100);
    }
    const total = (json: SimulationJson) => Math.round((json.proposed.currencies[0]?.totalCost ?? 0) * 100);
    expect(total(applied.json)).toBe(crisis);
    expect(total(listed.json)).not.toBe(crisis); // crisis mode changes what the examples cost
  });
});
