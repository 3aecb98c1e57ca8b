import { z } from 'zod';
import { calendarDateMs, instantMs } from './parse-instant';

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
 * and several times faster; anything it does not take is left to `Date`, as before.
 *
 * A complaint's few timestamps are read about 25 times on its way through the pipeline (the schema's
 * range check, the cross-field checks, the measures, the caps twice, the case links), each time from the
 * same string. The last answers are kept in a small table, by a hash of a few of the text's characters,
 * and a text found there (the same string, or an equal one) is answered without being read again: 7
 * reads a complaint instead of 25 on the replay's generated complaints. The answer is a function of the
 * text alone, so a kept answer is always right; only `instantMs`'s answers are kept (what `Date`
 * answers may depend on the process's time zone).
 */
export function timestampMs(value: string): number {
  const n = value.length;
  if (n < 10) return viaDate(value);
  const slot = memoSlot(value, n);
  if (memoText[slot] === value) return memoMs[slot] as number;
  const fast = n === 10 ? calendarDateMs(value) : instantMs(value);
  if (Number.isNaN(fast)) return viaDate(value);
  memoText[slot] = value;
  memoMs[slot] = fast;
  return fast;
}

/** Slots of the table of recent answers (a power of two). */
const MEMO_SIZE = 16;
const memoText: (string | undefined)[] = new Array<string | undefined>(MEMO_SIZE).fill(undefined);
const memoMs = new Float64Array(MEMO_SIZE);

/**
 * The slot of a text of length `n` (at least 10): the characters that differ most between a
 * complaint's timestamps (the month's and the day's last digits, the one before the end, which is the
 * day's first digit of a date and a digit of the offset or the seconds of a date-time) and the length,
 * which tells a date from the shapes of date-times.
 */
function memoSlot(value: string, n: number): number {
  return (
    (value.charCodeAt(9) * 3 + value.charCodeAt(6) * 5 + value.charCodeAt(n - 2) * 7 + n) & (MEMO_SIZE - 1)
  );
}

/** What `instantMs` does not take, read by `Date` (a bare date at midnight UTC). */
function viaDate(value: string): number {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).getTime();
}

/** Parses a validated timestamp string into a Date without consulting the local time zone. */
export function parseTimestamp(value: string): Date {
  return new Date(timestampMs(value));
}
