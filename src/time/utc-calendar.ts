/**
 * Calendar arithmetic in UTC on instants (epoch milliseconds), for the per-complaint hot path. Each
 * function gives exactly what the date-fns function it names gives with `{ in: utc }` — a property
 * test holds them to it — without building `UTCDate` objects on every call. UTC has no daylight
 * saving, so a day is always 24 hours and nothing here depends on the machine's time zone. At the end,
 * the proleptic Gregorian calendar's day numbers (`daysFromCivil`, `civilFromDays`, `daysInMonth`),
 * which reading (parse-instant.ts) and writing (format-instant.ts) an instant share.
 */

/** Milliseconds in a UTC day. */
export const DAY_MS = 86_400_000;
/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;

function compareAsc(a: number, b: number): number {
  const diff = a - b;
  return diff < 0 ? -1 : diff > 0 ? 1 : diff;
}

/** `differenceInCalendarDays(later, earlier, { in: utc })`: UTC midnights between the two instants. */
export function calendarDaysBetween(later: number, earlier: number): number {
  return Math.floor(later / DAY_MS) - Math.floor(earlier / DAY_MS);
}

function isLastDayOfMonth(date: Date): boolean {
  const end = new Date(date.getTime());
  end.setUTCFullYear(end.getUTCFullYear(), end.getUTCMonth() + 1, 0);
  return end.getUTCDate() === date.getUTCDate();
}

/** The instants `monthsBetween` works out without a Date: 1800–2399, far inside Date's range. */
const FIRST_MS = Date.UTC(1800, 0, 1);
const END_MS = Date.UTC(2400, 0, 1);

/** The day number of `date` of month `monthIndex` (0-based, any integer) of `year`, as `Date.UTC` overflows it. */
function makeDay(year: number, monthIndex: number, date: number): number {
  const month = ((monthIndex % 12) + 12) % 12;
  return daysFromCivil(year + Math.floor(monthIndex / 12), month + 1, 1) + date - 1;
}

/**
 * `differenceInMonths(later, earlier, { in: utc })`: whole months, date-fns's end-of-month rules
 * included. Worked out on day numbers, as date-fns's steps on a Date would (a tenure is read twice a
 * complaint); instants outside 1800–2399 go through the Date itself.
 */
export function monthsBetween(later: number, earlier: number): number {
  const inRange = later >= FIRST_MS && later < END_MS && earlier >= FIRST_MS && earlier < END_MS;
  if (!(inRange && Number.isInteger(later) && Number.isInteger(earlier))) {
    return monthsBetweenDates(later, earlier);
  }
  const laterDay = Math.floor(later / DAY_MS);
  const l = civilFromDays(laterDay);
  const e = civilFromDays(Math.floor(earlier / DAY_MS));
  const sign = compareAsc(later, earlier);
  const difference = Math.abs((l.year - e.year) * 12 + (l.month - e.month));
  if (difference < 1) return 0;
  // date-fns sets the 30th of a late February (which rolls over into March), then moves the month.
  const w = l.month === 2 && l.day > 27 ? civilFromDays(makeDay(l.year, 1, 30)) : l;
  const working =
    makeDay(w.year, w.month - 1 - sign * difference, w.day) * DAY_MS + (later - laterDay * DAY_MS);
  let isLastMonthNotFull = compareAsc(working, earlier) === -sign;
  if (l.day === daysInMonth(l.year, l.month) && difference === 1 && sign === 1) isLastMonthNotFull = false;
  const result = sign * (difference - +isLastMonthNotFull);
  return result === 0 ? 0 : result;
}

/** `monthsBetween` on Dates, step by step as date-fns does. */
function monthsBetweenDates(later: number, earlier: number): number {
  const laterDate = new Date(later);
  const working = new Date(later);
  const earlierDate = new Date(earlier);
  const sign = compareAsc(later, earlier);
  const difference = Math.abs(
    (working.getUTCFullYear() - earlierDate.getUTCFullYear()) * 12 +
      (working.getUTCMonth() - earlierDate.getUTCMonth()),
  );
  if (difference < 1) return 0;
  if (working.getUTCMonth() === 1 && working.getUTCDate() > 27) working.setUTCDate(30);
  working.setUTCMonth(working.getUTCMonth() - sign * difference);
  let isLastMonthNotFull = compareAsc(working.getTime(), earlier) === -sign;
  if (isLastDayOfMonth(laterDate) && difference === 1 && compareAsc(later, earlier) === 1) {
    isLastMonthNotFull = false;
  }
  const result = sign * (difference - +isLastMonthNotFull);
  return result === 0 ? 0 : result;
}

/** The largest distance from 1970 a `Date` holds, in ms either way. */
const MAX_DATE_MS = 8.64e15;

/** `addDays(instant, days, { in: utc })` (and `subDays` with `-days`). */
export function addDays(instant: number, days: number): number {
  if (Number.isNaN(days)) return Number.NaN;
  // A UTC day is always 24 hours: whole days are added without a Date (twice a complaint's follow-up),
  // to an instant a Date holds as it is (+0 for -0, as a Date's time is).
  if (Number.isInteger(days) && Number.isInteger(instant) && Math.abs(instant) <= MAX_DATE_MS) {
    const moved = instant + days * DAY_MS + 0;
    return Math.abs(moved) <= MAX_DATE_MS ? moved : Number.NaN;
  }
  if (!days) return new Date(instant).getTime();
  const date = new Date(instant);
  date.setUTCDate(date.getUTCDate() + days);
  return date.getTime();
}

/** `addHours(instant, hours, { in: utc })`. */
export function addHours(instant: number, hours: number): number {
  return instant + hours * HOUR_MS;
}

/**
 * `addMonths(instant, months, { in: utc })`: the same time of day `months` calendar months later, on the
 * same day of the month or, past the end of a shorter month, on its last day (Jan 31 + 1 month = Feb 28
 * or 29). Without a `UTCDate`, which cost more than the rest of a free month (it is made for every
 * subscription complaint's alternatives); whole months on a whole millisecond in 0000–9999 only, the
 * rest as date-fns does it.
 */
export function addMonths(instant: number, months: number): number {
  if (!(Number.isInteger(months) && Number.isInteger(instant) && Math.abs(months) <= 12_000)) {
    return dateFnsAddMonths(instant, months);
  }
  const days = Math.floor(instant / DAY_MS);
  const time = instant - days * DAY_MS;
  const { year, month, day } = civilFromDays(days);
  const target = year * 12 + (month - 1) + months;
  const toYear = Math.floor(target / 12);
  if (year < 0 || year > 9999 || toYear < 0 || toYear > 9999) return dateFnsAddMonths(instant, months);
  const toMonth = target - toYear * 12 + 1;
  return daysFromCivil(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth))) * DAY_MS + time;
}

/** date-fns' `addMonths` in UTC, step by step on a Date, for what `addMonths` does not take itself. */
function dateFnsAddMonths(instant: number, months: number): number {
  if (Number.isNaN(months)) return Number.NaN;
  const date = new Date(instant);
  if (!months) return date.getTime();
  const dayOfMonth = date.getUTCDate();
  const endOfDesiredMonth = new Date(date.getTime());
  endOfDesiredMonth.setUTCMonth(date.getUTCMonth() + months + 1, 0);
  if (dayOfMonth >= endOfDesiredMonth.getUTCDate()) return endOfDesiredMonth.getTime();
  date.setUTCFullYear(endOfDesiredMonth.getUTCFullYear(), endOfDesiredMonth.getUTCMonth(), dayOfMonth);
  return date.getTime();
}

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number (days from 1970-01-01) in the proleptic Gregorian calendar (H. Hinnant's algorithm). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
