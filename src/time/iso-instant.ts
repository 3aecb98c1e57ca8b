import { civilFromDays } from './instant';

const DAY_MS = 86_400_000;
/** The instants of years 0000–9999, which ISO 8601 writes with four digits. */
const FIRST = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const LAST = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** The character code of the decimal digit `n` (0–9). */
function digit(n: number): number {
  return 48 + n;
}

/**
 * `new Date(ms).toISOString()` — `2026-03-10T09:30:00.000Z` — written from the day number and the time
 * of day, without a `Date`, as one flat string of its 24 character codes: a recommendation writes
 * several instants (its follow-up, deadlines, a coupon's expiry), `toISOString` costs about five times
 * as much, and joining the parts with `+` would leave a chain of a dozen strings to flatten. Outside
 * years 0000–9999 (six-digit years) or for a time that is not a whole millisecond, it is
 * `toISOString`'s own answer (a RangeError for an invalid time).
 */
export function isoInstant(ms: number): string {
  if (!(Number.isInteger(ms) && ms >= FIRST && ms <= LAST)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  return String.fromCharCode(
    digit(Math.floor(year / 1000)),
    digit(Math.floor(year / 100) % 10),
    digit(Math.floor(year / 10) % 10),
    digit(year % 10),
    45, // -
    digit(Math.floor(month / 10)),
    digit(month % 10),
    45, // -
    digit(Math.floor(day / 10)),
    digit(day % 10),
    84, // T
    digit(Math.floor(hour / 10)),
    digit(hour % 10),
    58, // :
    digit(Math.floor(minute / 10)),
    digit(minute % 10),
    58, // :
    digit(Math.floor(second / 10)),
    digit(second % 10),
    46, // .
    digit(Math.floor(milli / 100)),
    digit(Math.floor(milli / 10) % 10),
    digit(milli % 10),
    90, // Z
  );
}
