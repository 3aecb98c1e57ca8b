import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumAvailable, launchChromium, openReport } from './browser';
import { tempDir } from './run';
import { runInProcess } from './run-in-process';

// The outcomes report (and simulate's outcomes section) opened in headless Chromium, as the simulation
// report is in report-browser.test.ts: no console errors, no requests, every chart drawn, tables that sort.
const available = chromiumAvailable;
if (!available) {
  console.warn(
    `skipping the browser test of the outcomes report: no Chromium at ${CHROMIUM} (apt-get install chromium)`,
  );
}

// The project compiles without the DOM library; these are the little the page functions touch.
interface BoxedElement {
  getBoundingClientRect(): { width: number; height: number };
}
interface Cell {
  readonly dataset: Record<string, string | undefined>;
}

describe.skipIf(!available)('the outcomes report in headless Chromium', () => {
  const tmp = tempDir();
  const report = join(tmp.dir, 'outcomes.html');
  const simulateReport = join(tmp.dir, 'simulate.html');
  let browser: Browser;

  beforeAll(async () => {
    const recommendations = join(tmp.dir, 'recommendations.jsonl');
    const steps = [
      [
        'recommend',
        'examples/complaints.jsonl',
        '--rates',
        'examples/rates.json',
        '--rules',
        'examples/rules/current.json',
        '-o',
        recommendations,
      ],
      ['outcomes', recommendations, 'examples/outcomes.jsonl', '--report', report, '--quiet'],
      [
        'simulate',
        'examples/complaints.jsonl',
        '--rates',
        'examples/rates.json',
        '--rules',
        'examples/rules/proposed.json',
        '--baseline',
        'examples/rules/current.json',
        '--outcomes',
        'examples/outcomes.jsonl',
        '--report',
        simulateReport,
        '--quiet',
      ],
    ];
    for (const args of steps) expect((await runInProcess(args)).code, args[0]).toBe(0);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    tmp.remove();
  });

  /** Every chart of the page (or of one section): its size and its bars wider than nothing. */
  const charts = (page: Page, scope = '') =>
    page.$$eval(`${scope} svg.chart`, (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const bars = Array.from(svg.querySelectorAll('rect.bar') as ArrayLike<BoxedElement>).filter(
          (r) => r.getBoundingClientRect().width > 0,
        );
        return { width: box.width, height: box.height, bars: bars.length };
      }),
    );

  const column = (page: Page, table: string, n: number) =>
    page.$$eval(`#${table} tbody tr td:nth-child(${n})`, (cells) =>
      cells.map((c) => (c as unknown as Cell).dataset.value ?? c.textContent ?? ''),
    );

  it('flags exactly the planted weak rule, draws every chart, sorts its tables, and loads nothing', async () => {
    const { page, problems, requests } = await openReport(browser, report);

    const drawn = await charts(page);
    expect(drawn.length).toBeGreaterThanOrEqual(6);
    for (const chart of drawn) {
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.height).toBeGreaterThan(20);
      expect(chart.bars).toBeGreaterThan(0);
    }

    // The verdicts: late-minor alone is worse; damaged-item-refund, as weak, is not judged on 17 answers.
    const verdicts = await page.$$eval('#verdict-list tbody tr', (rows) =>
      rows.map((r) =>
        Array.from(
          r.querySelectorAll('td'),
          (td) => (td as { textContent: string | null }).textContent ?? '',
        ),
      ),
    );
    expect(verdicts.filter((r) => r[2] === 'worse').map((r) => [r[0], r[1]])).toEqual([
      ['late-minor', 'late_delivery'],
    ]);
    const refund = verdicts.find((r) => r[0] === 'damaged-item-refund');
    expect(refund?.slice(2, 4)).toEqual(['too few answers', '17']);
    expect(await page.locator('#verdicts p').first().textContent()).toBe(
      '1 worse than the rest of its category: late-minor in late_delivery.',
    );
    expect(await page.locator('.card', { hasText: 'Rules worse' }).textContent()).toContain('1');

    // Number columns sort both ways, a text column by locale.
    const header = page.locator('#verdict-list th:nth-child(4) button'); // Answers
    await header.click();
    const ascending = (await column(page, 'verdict-list', 4)).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.click();
    const descending = (await column(page, 'verdict-list', 4)).map(Number);
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    expect(new Set(descending).size).toBeGreaterThan(1);
    await page.locator('#by-rule-table th:nth-child(1) button').click();
    const rules = await column(page, 'by-rule-table', 1);
    expect(rules).toEqual([...rules].sort((a, b) => a.localeCompare(b)));
    expect(rules).toContain('late-minor');

    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(report).href]);
    expect(readFileSync(report, 'utf8')).not.toContain('<script src');
  });

  it("shows in the simulation report how the baseline's decision fared for the changed complaints", async () => {
    const { page, problems, requests } = await openReport(browser, simulateReport);
    const drawn = await charts(page, '#outcomes');
    expect(drawn).toHaveLength(1);
    expect(drawn[0]?.bars).toBeGreaterThan(1);
    const rows = await page.$$eval('#outcome-changes tbody tr', (trs) =>
      trs.map((r) =>
        Array.from(
          r.querySelectorAll('td'),
          (td) => (td as { textContent: string | null }).textContent ?? '',
        ),
      ),
    );
    expect(rows.find((r) => r[0] === 'apology' && r[1] === 'apology + coupon')?.slice(2, 6)).toEqual([
      '61',
      '57',
      '3.18',
      '40.9%',
    ]);
    await page.locator('#outcome-changes th:nth-child(5) button').click(); // CSAT before
    const csat = (await column(page, 'outcome-changes', 5)).map(Number);
    expect(csat).toEqual([...csat].sort((a, b) => a - b));
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(simulateReport).href]);
  });
});
