// How redress starts headless Chromium, for the report screenshot (scripts/screenshot-report.mjs) and the
// browser tests (test/cli/browser.ts): nothing that reaches the network, no sandbox (containers), no GPU.

/** Where Debian's headless Chromium is (`CHROMIUM_PATH` overrides). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The command-line switches (playwright gives the browser a fresh, empty profile of its own). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
