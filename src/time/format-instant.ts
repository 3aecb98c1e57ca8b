import { civilFromDays, DAY_MS, HOUR_MS } from './utc-calendar';

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
  const slot = Math.imul(Math.floor(ms / HOUR_MS), 0x9e3779b1) >>> 28;
  if (memoMs[slot] === ms) return memoText[slot] as string;
  const text = written(ms);
  memoMs[slot] = ms;
  memoText[slot] = text;
  return text;
}

/**
 * The table of recent answers: 16 slots, by the top 4 bits of the hour times 2^32/φ (a Fibonacci
 * hash). A complaint's instants are often whole days apart, 24, 48 or 72 hours: the hour's own low 4
 * bits would put any two a multiple of 16 hours apart, as 48 is, in one slot, where each would push
 * the other out, while the hash puts an hour and the hours 24, 48 and 72 after it in four different
 * slots. A replay writes the same instants under both rule sets (the first answer's deadline and the
 * follow-up, when their policies agree on the hours; a coupon's expiry): 3.2 instants a complaint on
 * the replay's generated complaints, 1.2 of them not written just before (2.1 when only the last is
 * kept). The answer is a function of `ms` alone, so a kept one is always right.
 */
const memoMs = new Float64Array(16).fill(Number.NaN);
const memoText: (string | undefined)[] = new Array<string | undefined>(16).fill(undefined);

/** `isoInstant` of a whole millisecond in years 0000–9999. */
function written(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(rest / HOUR_MS);
  rest -= hour * HOUR_MS;
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
