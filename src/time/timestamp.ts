import { z } from 'zod';
import { calendarDateMs, instantMs } from './instant';

/**
 * Timestamps cross the boundary as ISO 8601 strings. A bare date (`2026-03-01`) means midnight UTC;
 * a date-time must carry its offset, because a complaint's clock is the only clock there is and
 * "10:00 somewhere" cannot be placed on it.
 */

const dateTime = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 date-time with a time zone offset',
});
const dateOnly = z.iso.date({ error: 'expected an ISO 8601 date (YYYY-MM-DD)' });

/**
 * The years a timestamp may fall in. Without a wall clock "far in the future" cannot mean "after now";
 * it means outside any plausible complaint, where date arithmetic (a coupon valid 90 days from year 9999)
 * would leave ISO 8601 altogether.
 */
export const TIMESTAMP_YEARS = { min: 1900, max: 2199 } as const;

const EARLIEST = Date.UTC(TIMESTAMP_YEARS.min, 0, 1);
const LATEST = Date.UTC(TIMESTAMP_YEARS.max + 1, 0, 1);

function inRange(value: string): boolean {
  const t = timestampMs(value);
  return t >= EARLIEST && t < LATEST;
}

const range = {
  message: `is outside the years ${TIMESTAMP_YEARS.min}–${TIMESTAMP_YEARS.max}`,
  params: { reason: 'date_out_of_range' },
};

/** A date-time with an explicit offset, e.g. `2026-03-01T10:00:00+03:00`. */
export const DateTimeSchema = dateTime.refine(inRange, range);

/** A calendar date or a date-time with offset. */
export const DateOrDateTimeSchema = z
  .union([dateOnly, dateTime], {
    error: 'expected an ISO 8601 date (YYYY-MM-DD) or date-time with a time zone offset',
  })
  .refine(inRange, range);

/**
 * Parses a validated timestamp string into epoch milliseconds without consulting the local time zone.
 * The common shapes go through `instantMs`, a strict parser equal to `Date.parse` wherever it answers
 * and several times faster (a complaint's dates are read a dozen times on their way through the
 * pipeline); anything it does not take is left to `Date`, as before.
 */
export function timestampMs(value: string): number {
  const fast = value.length === 10 ? calendarDateMs(value) : instantMs(value);
  if (!Number.isNaN(fast)) return fast;
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).getTime();
}

/** Parses a validated timestamp string into a Date without consulting the local time zone. */
export function parseTimestamp(value: string): Date {
  return new Date(timestampMs(value));
}
