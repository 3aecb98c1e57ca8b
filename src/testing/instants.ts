import { parseTimestamp } from '../time/timestamp';

/**
 * Instants as the generators and variant helpers handle them: milliseconds since the epoch, rendered
 * back in the style of the field they replace. Flooring to a calendar date is monotone, so rendering
 * every date of a complaint in the same style keeps their order, and with it the complaint valid.
 */

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** `date`: `YYYY-MM-DD` (midnight UTC); `datetime`: a full ISO 8601 date-time. */
export type DateStyle = 'date' | 'datetime';

/** The style a timestamp string is written in. */
export function styleOf(value: string): DateStyle {
  return value.length === 10 ? 'date' : 'datetime';
}

/** Milliseconds since the epoch of a validated timestamp string. */
export function toMs(value: string): number {
  return parseTimestamp(value).getTime();
}

/** Renders an instant in a style; a date is the UTC calendar day the instant falls on. */
export function render(ms: number, style: DateStyle): string {
  const iso = new Date(ms).toISOString();
  return style === 'date' ? iso.slice(0, 10) : iso;
}

/**
 * Renders an instant as a date-time with a UTC offset of `offsetMinutes`, e.g.
 * `2026-03-10T12:30:00.000+03:00`: the same instant, written the way a helpdesk in that zone would.
 */
export function renderWithOffset(ms: number, offsetMinutes: number): string {
  if (offsetMinutes === 0) return new Date(ms).toISOString();
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}
