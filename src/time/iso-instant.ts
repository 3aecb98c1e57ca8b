import { civilFromDays } from './instant';

const DAY_MS = 86_400_000;
/** 0 → "00" … 99 → "99". */
const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
/** 0 → "000" … 999 → "999". */
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** The instants of years 0000–9999, which ISO 8601 writes with four digits. */
const FIRST = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * `new Date(ms).toISOString()` — `2026-03-10T09:30:00.000Z` — written from the day number and the time
 * of day, without a `Date`: a recommendation writes several instants (its follow-up, deadlines, a
 * coupon's expiry), and `toISOString` costs about three times as much. Outside years 0000–9999 (six-digit
 * years) or for a time that is not a whole millisecond, it is `toISOString`'s own answer (a RangeError
 * for an invalid time).
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
  const yyyy = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${yyyy}-${TWO[month]}-${TWO[day]}T${TWO[hour]}:${TWO[minute]}:${TWO[second]}.${THREE[milli]}Z`;
}
