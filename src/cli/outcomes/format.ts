import type { CostPerSatisfied, OutcomeGroup, Share } from '../../outcomes/index';
import { formatMoney } from '../format-money';

/** `1,234`. */
export const count = (n: number) => n.toLocaleString('en-US');

/** `1 answer`, `1,234 answers`. */
export const plural = (n: number, word: string, words = `${word}s`) =>
  `${count(n)} ${n === 1 ? word : words}`;

/** `71.2%`, or `–` for a share of nothing. */
export const percent = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

/** `68.2–74.0%`: a share's 95% interval, or `–`. */
export function interval(share: Share): string {
  if (share.low === null || share.high === null) return '–';
  return `${(share.low * 100).toFixed(1)}–${(share.high * 100).toFixed(1)}%`;
}

/** `-47.8% to -16.7%`: a difference's interval, in percentage points. */
export function span(d: { readonly low: number; readonly high: number } | null): string {
  if (d === null) return '–';
  return `${(d.low * 100).toFixed(1)}% to ${(d.high * 100).toFixed(1)}%`;
}

/** `3.9`, or `–` when no one answered. */
export const mean = (x: number | null) => (x === null ? '–' : x.toFixed(2));

/** Cost per satisfied customer in each currency: `€12.34`, `€12.34 · ¥1,000`, or `–`. */
export function perSatisfied(costs: readonly CostPerSatisfied[]): string {
  const known = costs.filter((c) => c.perSatisfied !== null);
  if (known.length === 0) return '–';
  return known.map((c) => formatMoney(c.perSatisfied as number, c.currency)).join(' · ');
}

/** The columns every table of groups shows, as text cells. */
export const GROUP_COLUMNS = [
  'complaints',
  'answers',
  'CSAT',
  'satisfied',
  '95% interval',
  'repeat',
  'churn',
  'reopened',
  'first choice',
  'per satisfied',
] as const;

/** A group's cells under `GROUP_COLUMNS`. */
export function groupCells(g: OutcomeGroup): string[] {
  return [
    count(g.complaints),
    count(g.csat.satisfied.n),
    mean(g.csat.mean),
    percent(g.csat.satisfied.rate),
    interval(g.csat.satisfied),
    percent(g.repeat.rate),
    percent(g.churn.rate),
    percent(g.reopened.rate),
    percent(g.firstChoice.rate),
    perSatisfied(g.costs),
  ];
}
