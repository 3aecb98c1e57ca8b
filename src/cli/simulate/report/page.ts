import { createHash } from 'node:crypto';
import { version } from '../../../../package.json';
import { escapeHtml as esc } from './escape';
import { SORT_SCRIPT } from './sortable-table';

/** The report's accent colour (its charts' first series, the focus ring). */
export const ACCENT = '#2563eb';

/** A section of a report: a heading, and its HTML. Sections are drawn in order; each one is independent. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly html: string;
}

/** A figure in the row of cards at the top of a report. */
export function card(label: string, value: string, note?: string): string {
  return `<div class="card"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div>${note ? `<div class="note">${esc(note)}</div>` : ''}</div>`;
}

/** The report's style sheet: one for every report, so that they look alike. */
const STYLE = `
:root { color-scheme: light; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --bg: #f8fafc; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); }
header { background: #0f172a; color: #f8fafc; padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 2px 0; color: #cbd5e1; }
main { max-width: 1160px; margin: 0 auto; padding: 16px 32px 48px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin: 16px 0; }
h2 { font-size: 17px; margin: 0 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; margin: 16px 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 22px; font-weight: 650; }
.card .note { color: var(--muted); font-size: 12px; }
.pair { display: flex; flex-wrap: wrap; gap: 24px; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg.chart text { fill: var(--ink); }
table { border-collapse: collapse; }
table.compact { margin-top: 8px; font-size: 13px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { max-height: 560px; overflow: auto; border: 1px solid var(--line); border-radius: 8px; }
table.sortable { width: 100%; font-size: 13px; }
table.sortable thead th { position: sticky; top: 0; background: #f1f5f9; padding: 0; }
table.sortable th button { all: unset; cursor: pointer; display: block; padding: 6px 10px; font-weight: 600; white-space: nowrap; }
table.sortable th button:focus-visible { outline: 2px solid ${ACCENT}; }
table.sortable th[aria-sort=ascending] .arrow::after { content: " ▲"; }
table.sortable th[aria-sort=descending] .arrow::after { content: " ▼"; }
table.sortable tbody tr:nth-child(even) { background: #f8fafc; }
ul.inline { padding: 0; margin: 4px 0; } ul.inline li { display: inline; margin-right: 14px; }
code { font-size: 12px; background: #f1f5f9; padding: 1px 4px; border-radius: 4px; white-space: nowrap; }
#incident-list td:not(:last-child) { white-space: nowrap; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 24px; }
`;

/** What a report page holds; `title`, `lines` and `overview` are HTML, escaped by the caller. */
export interface ReportPage {
  /** The page title (in the browser tab). */
  readonly title: string;
  /** The heading at the top. */
  readonly heading: string;
  /** Lines under the heading: what was read, with which rules. */
  readonly lines: readonly string[];
  /** The cards at the top (see `card`). */
  readonly overview: string;
  readonly sections: readonly Section[];
  /** The command that wrote it, for the footer. */
  readonly command: string;
}

/**
 * A report as one self-contained HTML page: inline CSS, charts drawn as inline SVG by the caller, one
 * inline script (allowed by hash) to sort the tables. A Content-Security-Policy forbids every network
 * request, so the page works offline and leaks nothing.
 */
export function reportPage(page: ReportPage): string {
  const scriptHash = createHash('sha256').update(SORT_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(page.heading)}</h1>
${page.lines.map((line) => `<p>${line}</p>`).join('\n')}
</header>
<main>
${page.overview}
${page.sections.map((x) => `<section id="${x.id}"><h2>${esc(x.title)}</h2>${x.html}</section>`).join('\n')}
<footer>redress ${esc(version)} · ${esc(page.command)}</footer>
</main>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
