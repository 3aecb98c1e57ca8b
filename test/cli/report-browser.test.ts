import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BURST_ID, burst, trickle } from '../incidents/fixture';
import { CHROMIUM, chromiumAvailable, launchChromium, openReport } from './browser';
import { tempDir } from './run';
import { runInProcess } from './run-in-process';

// The simulation report opened in a real browser: Debian's Chromium, headless, driven by playwright-core.
// .ci/run installs Chromium when it is missing; without it the test is skipped and says why.
const available = chromiumAvailable;
if (!available) {
  console.warn(
    `skipping the browser test of the HTML report: no Chromium at ${CHROMIUM} (apt-get install chromium)`,
  );
}

// The project compiles without the DOM library; these are the little the page functions touch.
interface BoxedElement {
  getBoundingClientRect(): { width: number; height: number };
}
interface Cell {
  readonly dataset: Record<string, string | undefined>;
}

describe.skipIf(!available)('the simulation report in headless Chromium', () => {
  const tmp = tempDir();
  const report = join(tmp.dir, 'report.html');
  const burstReport = join(tmp.dir, 'burst.html');
  let browser: Browser;

  beforeAll(async () => {
    const burstInput = join(tmp.dir, 'burst.jsonl');
    writeFileSync(burstInput, `${[...trickle, ...burst].join('\n')}\n`);
    // The default rules, with an owner and a partner for the shoe: the report shows who speaks and who is told.
    const rules = join(tmp.dir, 'crisis-rules.json');
    const defaults = JSON.parse(readFileSync('src/rules/default/rules.json', 'utf8')) as { policy: object };
    const incidents = { owner: 'crisis-desk', partners: [{ to: 'shoe-maker', product: 'SHOE-42' }] };
    writeFileSync(rules, JSON.stringify({ ...defaults, policy: { ...defaults.policy, incidents } }));
    const burstRun = await runInProcess([
      'simulate',
      burstInput,
      '--rules',
      rules,
      '--report',
      burstReport,
      '--quiet',
    ]);
    expect(burstRun.code).toBe(0);
    const run = await runInProcess([
      'simulate',
      '--rules',
      'examples/rules/proposed.json',
      '--baseline',
      'examples/rules/current.json',
      'test/fixtures/scenarios.jsonl',
      // The scenarios include a JPY complaint; the rule sets are in EUR.
      '--rates',
      'examples/rates.json',
      '--report',
      report,
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    tmp.remove();
  });

  it('renders every chart, sorts the changed complaints on click, logs no errors and loads nothing', async () => {
    const { page, problems, requests } = await openReport(browser, report);

    // Charts: every SVG is drawn with a size and has bars.
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const bars = Array.from(svg.querySelectorAll('rect.bar') as ArrayLike<BoxedElement>).filter(
          (r) => r.getBoundingClientRect().width > 0,
        );
        return { width: box.width, height: box.height, bars: bars.length };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.height).toBeGreaterThan(20);
      expect(chart.bars).toBeGreaterThan(0);
    }
    for (const id of ['remedy-mix', 'cost-eur', 'handling', 'changes']) {
      expect(await page.locator(`#${id} svg.chart`).count()).toBeGreaterThan(0);
    }

    // The table of changed complaints sorts by a number column, both ways, and by a text column.
    const column = async (n: number) =>
      page.$$eval(`#changed tbody tr td:nth-child(${n})`, (cells) =>
        cells.map((c) => (c as unknown as Cell).dataset.value ?? c.textContent ?? ''),
      );
    const rows = (await column(1)).length;
    expect(rows).toBeGreaterThan(1);
    const header = page.locator('#changed th:nth-child(10) button'); // Change
    await header.click();
    const ascending = (await column(10)).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await page.getAttribute('#changed th:nth-child(10)', 'aria-sort')).toBe('ascending');
    await header.click();
    const descending = (await column(10)).map(Number);
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    expect(new Set(descending).size).toBeGreaterThan(1); // the sort had something to do
    await page.locator('#changed th:nth-child(2) button').click(); // Complaint
    const ids = await column(2);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(await column(1)).toHaveLength(rows);

    // The examples in this file have no burst: the incidents section says so, and draws nothing.
    expect(await page.locator('#incidents').textContent()).toContain('No incidents');
    expect(await page.locator('#incidents svg').count()).toBe(0);

    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(report).href]);
    expect(readFileSync(report, 'utf8')).not.toContain('<script src');
  });

  it('draws a known burst on the incident timeline and lists it in a sortable table, without errors', async () => {
    const { page, problems, requests } = await openReport(browser, burstReport);

    expect(await page.locator('#incidents h2').textContent()).toBe('Incidents (1)');
    const bars = await page.$$eval('#incidents svg.chart rect.bar', (rects) =>
      (rects as unknown as BoxedElement[]).map((r) => r.getBoundingClientRect().width),
    );
    expect(bars).toHaveLength(1);
    expect(bars[0]).toBeGreaterThanOrEqual(2);
    const cells = await page.$$eval('#incident-list tbody tr td', (tds) => tds.map((td) => td.textContent));
    expect(cells.slice(0, 5)).toEqual([
      BURST_ID,
      'wrong_item:sku:SHOE-42',
      '2026-03-04 16:00:00',
      '2026-03-04 16:44:00',
      '12',
    ]);
    // One voice: the owner, the partners told and the statement public posts get.
    expect(await page.locator('#incident-voice').textContent()).toBe(
      'Every complaint in an incident is owned by crisis-desk; partners told once per incident: shoe-maker. ' +
        'Public posts are answered with the shared statement:',
    );
    expect(await page.locator('#incidents blockquote').textContent()).toMatch(/^We know about a problem/);
    expect(cells[9]).toBe('shoe-maker');
    await page.locator('#incident-list th:nth-child(5) button').click();
    expect(await page.getAttribute('#incident-list th:nth-child(5)', 'aria-sort')).toBe('ascending');
    // The overview counts it too.
    expect(await page.locator('.card', { hasText: 'Incidents' }).textContent()).toContain(
      '12 complaints in them',
    );

    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(burstReport).href]);
  });
});
