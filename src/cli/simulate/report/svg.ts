import { escapeHtml as esc } from './escape';

/** One series of a bar chart: a name for the legend, a colour, one value per category. */
export interface Series {
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
}

/** A horizontal bar chart (one group of bars per category), drawn as inline SVG. */
export interface BarChart {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  readonly format: (value: number) => string;
  readonly width?: number;
}

const FONT = 12;
/** Room for category labels: about 7 px a character at 12 px, within bounds. */
const labelWidth = (labels: readonly string[]) =>
  Math.min(240, Math.max(90, 16 + 7 * Math.max(0, ...labels.map((l) => l.length))));
const VALUE_WIDTH = 96;
const BAR = 14;
const GAP = 3;
const GROUP_GAP = 10;
const LEGEND = 22;

/** A row's label, right-aligned against the plot. */
function rowLabel(labelWidth: number, y: number, text: string): string {
  return `<text x="${labelWidth - 8}" y="${y}" font-size="${FONT}" text-anchor="end">${esc(text)}</text>`;
}

/** A small grey note beside a bar (its value, or what it stands for). */
function note(x: number, y: number, text: string, anchor: 'start' | 'end' = 'start'): string {
  const end = anchor === 'end' ? ' text-anchor="end"' : '';
  return `<text x="${x.toFixed(1)}" y="${y}" font-size="11" fill="#475569"${end}>${esc(text)}</text>`;
}

/** The vertical grid line at a tick of the x axis, with its label under the plot. */
function tick(x: number, bottom: number, label: string, anchor: 'start' | 'middle' | 'end'): string {
  return (
    `<line x1="${x.toFixed(1)}" y1="0" x2="${x.toFixed(1)}" y2="${bottom}" stroke="#e2e8f0"/>` +
    `<text x="${x.toFixed(1)}" y="${bottom + 16}" font-size="11" fill="#475569" text-anchor="${anchor}">${esc(label)}</text>`
  );
}

function legend(series: readonly Series[], y: number): string {
  let x = 0;
  return series
    .map((s) => {
      const item = `<g transform="translate(${x},${y})"><rect width="12" height="12" rx="2" fill="${s.color}"/><text x="17" y="10" font-size="${FONT}">${esc(s.name)}</text></g>`;
      x += 30 + s.name.length * 7;
      return item;
    })
    .join('');
}

function svg(width: number, height: number, title: string, body: string): string {
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">` +
    `<title>${esc(title)}</title>${body}</svg>`
  );
}

/** Horizontal grouped bars with the value at the end of each bar and a legend when there are two series. */
export function barChart(chart: BarChart): string {
  const LABEL_WIDTH = labelWidth(chart.categories);
  const width = chart.width ?? 500;
  const plot = width - LABEL_WIDTH - VALUE_WIDTH;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  const groupHeight = chart.series.length * (BAR + GAP) - GAP;
  const top = chart.series.length > 1 ? LEGEND : 0;
  const height = top + chart.categories.length * (groupHeight + GROUP_GAP);
  const parts: string[] = [];
  if (chart.series.length > 1) parts.push(legend(chart.series, 0));
  chart.categories.forEach((category, i) => {
    const y0 = top + i * (groupHeight + GROUP_GAP);
    parts.push(rowLabel(LABEL_WIDTH, y0 + groupHeight / 2 + 4, category));
    chart.series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const w = max > 0 ? Math.max(v > 0 ? 1 : 0, (v / max) * plot) : 0;
      const y = y0 + j * (BAR + GAP);
      parts.push(
        `<rect class="bar" x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" rx="2" fill="${s.color}">` +
          `<title>${esc(`${s.name} · ${category}: ${chart.format(v)}`)}</title></rect>`,
        note(LABEL_WIDTH + w + 5, y + BAR - 3, chart.format(v)),
      );
    });
  });
  return svg(width, Math.max(height, 1), chart.title, parts.join(''));
}

/** A diverging bar chart for changes: bars right of the axis for increases, left for decreases. */
export interface DeltaChart {
  readonly title: string;
  readonly categories: readonly string[];
  readonly values: readonly number[];
  readonly format: (value: number) => string;
  readonly up: string;
  readonly down: string;
  readonly width?: number;
}

/** Draws a `DeltaChart`. */
export function deltaChart(chart: DeltaChart): string {
  const LABEL_WIDTH = labelWidth(chart.categories);
  const width = chart.width ?? 500;
  const plot = width - LABEL_WIDTH - 2 * VALUE_WIDTH;
  const max = Math.max(0, ...chart.values.map(Math.abs));
  const axis = LABEL_WIDTH + VALUE_WIDTH + plot / 2;
  const row = BAR + GROUP_GAP;
  const height = chart.categories.length * row;
  const parts: string[] = [`<line x1="${axis}" y1="0" x2="${axis}" y2="${height}" stroke="#94a3b8"/>`];
  chart.categories.forEach((category, i) => {
    const v = chart.values[i] ?? 0;
    const w = max > 0 ? (Math.abs(v) / max) * (plot / 2) : 0;
    const y = i * row;
    const x = v >= 0 ? axis : axis - w;
    parts.push(
      rowLabel(LABEL_WIDTH, y + BAR - 3, category),
      `<rect class="bar" x="${x.toFixed(1)}" y="${y}" width="${Math.max(v === 0 ? 0 : 1, w).toFixed(1)}" height="${BAR}" rx="2" fill="${v >= 0 ? chart.up : chart.down}">` +
        `<title>${esc(`${category}: ${chart.format(v)}`)}</title></rect>`,
      v >= 0
        ? note(axis + w + 5, y + BAR - 3, chart.format(v))
        : note(axis - w - 5, y + BAR - 3, chart.format(v), 'end'),
    );
  });
  return svg(width, Math.max(height, 1), chart.title, parts.join(''));
}

/** One 100% bar split into parts (e.g. automatic and a person), per series. */
export interface SplitChart {
  readonly title: string;
  readonly rows: readonly { readonly label: string; readonly parts: readonly number[] }[];
  readonly parts: readonly { readonly name: string; readonly color: string }[];
  readonly width?: number;
}

/** Draws a `SplitChart`, with the share written in each part wide enough to hold it. */
export function splitChart(chart: SplitChart): string {
  const LABEL_WIDTH = labelWidth(chart.rows.map((r) => r.label));
  const width = chart.width ?? 500;
  const plot = width - LABEL_WIDTH - 8;
  const row = 22 + GROUP_GAP;
  const height = LEGEND + chart.rows.length * row;
  const out: string[] = [
    legend(
      chart.parts.map((p) => ({ ...p, values: [] })),
      0,
    ),
  ];
  chart.rows.forEach((r, i) => {
    const total = r.parts.reduce((s, v) => s + v, 0);
    const y = LEGEND + i * row;
    out.push(rowLabel(LABEL_WIDTH, y + 15, r.label));
    let x = LABEL_WIDTH;
    r.parts.forEach((v, j) => {
      const part = chart.parts[j];
      if (!part || total === 0) return;
      const w = (v / total) * plot;
      const share = `${((v / total) * 100).toFixed(1)}%`;
      out.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="22" fill="${part.color}">` +
          `<title>${esc(`${r.label} · ${part.name}: ${v} (${share})`)}</title></rect>`,
      );
      if (w > 48) {
        out.push(
          `<text x="${(x + w / 2).toFixed(1)}" y="${y + 15}" font-size="11" fill="#fff" text-anchor="middle">${share}</text>`,
        );
      }
      x += w;
    });
  });
  return svg(width, height, chart.title, out.join(''));
}

/** A timeline: one bar per row from its start to its end, on a shared time axis. */
export interface TimelineChart {
  readonly title: string;
  /** The axis, in epoch milliseconds. */
  readonly from: number;
  readonly to: number;
  readonly rows: readonly {
    readonly label: string;
    readonly start: number;
    readonly end: number;
    /** Written after the bar, e.g. a count. */
    readonly note: string;
    /** The bar's tooltip. */
    readonly detail: string;
  }[];
  readonly color: string;
  /** An axis label for a time. */
  readonly formatTime: (time: number) => string;
  readonly width?: number;
}

const AXIS = 24;
const TICKS = 4;

/** Draws a `TimelineChart`: a bar at least 2 px wide for a row that starts and ends at one instant. */
export function timelineChart(chart: TimelineChart): string {
  const LABEL_WIDTH = labelWidth(chart.rows.map((r) => r.label));
  const width = chart.width ?? 640;
  const plot = width - LABEL_WIDTH - 48;
  const span = Math.max(1, chart.to - chart.from);
  const x = (t: number) =>
    LABEL_WIDTH + ((Math.min(chart.to, Math.max(chart.from, t)) - chart.from) / span) * plot;
  const row = BAR + GROUP_GAP;
  const bottom = chart.rows.length * row;
  const parts: string[] = [];
  for (let i = 0; i <= TICKS; i++) {
    const t = chart.from + (span * i) / TICKS;
    const tx = x(t);
    const anchor = i === 0 ? 'start' : i === TICKS ? 'end' : 'middle';
    parts.push(tick(tx, bottom, chart.formatTime(t), anchor));
  }
  chart.rows.forEach((r, i) => {
    const y = i * row;
    const x0 = x(r.start);
    const w = Math.max(2, x(r.end) - x0);
    parts.push(
      rowLabel(LABEL_WIDTH, y + BAR - 3, r.label),
      `<rect class="bar" x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" rx="2" fill="${chart.color}">` +
        `<title>${esc(r.detail)}</title></rect>`,
      note(x0 + w + 5, y + BAR - 3, r.note),
    );
  });
  return svg(width, bottom + AXIS, chart.title, parts.join(''));
}

/** Shares with their intervals on a 0–100% axis: one row each, a bar from low to high and a dot at the share. */
export interface IntervalChart {
  readonly title: string;
  readonly rows: readonly {
    readonly label: string;
    readonly value: number;
    readonly low: number;
    readonly high: number;
    /** A tick to compare with (e.g. the rest of the category's share). */
    readonly reference?: number;
    readonly color: string;
    /** The row's tooltip. */
    readonly detail: string;
  }[];
  readonly width?: number;
}

/** Draws an `IntervalChart`; the interval's bar is at least 2 px wide, so a sure share still shows. */
export function intervalChart(chart: IntervalChart): string {
  const LABEL_WIDTH = labelWidth(chart.rows.map((r) => r.label));
  const width = chart.width ?? 560;
  const plot = width - LABEL_WIDTH - 56;
  const x = (share: number) => LABEL_WIDTH + Math.min(1, Math.max(0, share)) * plot;
  const row = BAR + GROUP_GAP;
  const bottom = chart.rows.length * row;
  const parts: string[] = [];
  for (let i = 0; i <= TICKS; i++) {
    const tx = x(i / TICKS);
    parts.push(tick(tx, bottom, `${(i / TICKS) * 100}%`, 'middle'));
  }
  chart.rows.forEach((r, i) => {
    const y = i * row;
    const x0 = x(r.low);
    const w = Math.max(2, x(r.high) - x0);
    parts.push(
      rowLabel(LABEL_WIDTH, y + BAR - 3, r.label),
      `<rect class="bar" x="${x0.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${BAR - 8}" rx="3" fill="${r.color}" fill-opacity="0.35">` +
        `<title>${esc(r.detail)}</title></rect>`,
      `<circle cx="${x(r.value).toFixed(1)}" cy="${y + BAR / 2}" r="4" fill="${r.color}"><title>${esc(r.detail)}</title></circle>`,
    );
    if (r.reference !== undefined) {
      const rx = x(r.reference).toFixed(1);
      parts.push(`<line x1="${rx}" y1="${y}" x2="${rx}" y2="${y + BAR}" stroke="#0f172a" stroke-width="2"/>`);
    }
  });
  return svg(width, bottom + AXIS, chart.title, parts.join(''));
}
