// Renders the screenshot of the simulation report in docs/cli.md: builds the report for the bundled examples
// with the built CLI, opens it in headless Chromium (Debian's `chromium`) and saves docs/simulate-report.png.
//   npm run build && node scripts/screenshot-report.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium-args.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'redress-shot-'));
const report = join(work, 'report.html');
try {
  execFileSync(
    process.execPath,
    [
      'dist/cli.js',
      'simulate',
      '--rules',
      'examples/rules/proposed.json',
      '--baseline',
      'examples/rules/current.json',
      '--rates',
      'examples/rates.json',
      'examples/complaints.jsonl',
      '--report',
      report,
      '--quiet',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1240, height: 1500 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(report).href);
    // playwright starts Chromium with a new, empty profile directory of its own.
    // Sort the changed complaints by their change, largest first, as an analyst would.
    await page.click('#changed th:nth-child(10) button');
    await page.click('#changed th:nth-child(10) button');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(root, 'docs', 'simulate-report.png'), fullPage: false });
  } finally {
    await browser.close();
  }
  console.log('wrote docs/simulate-report.png');
} finally {
  rmSync(work, { recursive: true, force: true });
}
