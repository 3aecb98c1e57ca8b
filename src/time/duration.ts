/**
 * A length of time as a user writes it: milliseconds, a number with a unit (`90m`, `6h`, `2d`, `1w`),
 * or an ISO 8601 duration of fixed-length parts (`PT6H`, `P1DT12H`, `P2W`). Years and months are
 * refused: their length depends on the calendar, and a sliding window must have one length.
 */
export type Duration = number | string;

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY, w: WEEK };

const SHORT = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/;
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds in a duration, or undefined when it is not one (or is negative or not finite). */
export function durationMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const short = SHORT.exec(text);
  if (short) return Number(short[1]) * (UNITS[short[2] ?? ''] ?? Number.NaN);
  const upper = text.toUpperCase();
  const iso = ISO.exec(upper);
  // "P" and "P1DT" match the pattern but name no length.
  if (!iso || upper === 'P' || upper.endsWith('T')) return undefined;
  const part = (i: number) => Number(iso[i] ?? 0);
  return part(1) * WEEK + part(2) * DAY + part(3) * HOUR + part(4) * MINUTE + part(5) * SECOND;
}
