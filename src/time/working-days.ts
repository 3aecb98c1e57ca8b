import { HOLIDAY_TABLE, HOLIDAY_YEARS } from './holiday-table';
import { localDayNumber, weekdayOf } from './local-day';

/**
 * A market whose days off redress knows: Türkiye (`TR`) and Iran (`IR`), with their weekends and public
 * holidays, and `default`: Saturday and Sunday off, no holidays.
 */
export type Market = 'TR' | 'IR' | 'default';

/** Weekend days by market, as `Date#getUTCDay` numbers (0 Sunday … 6 Saturday): Iran rests on Friday. */
const WEEKENDS: Readonly<Record<Market, readonly number[]>> = { TR: [6, 0], IR: [5], default: [6, 0] };

const DAY_MS = 86_400_000;
/** Bounds the search: the table's longest run of days off is 9 (Türkiye, spring 2029), Iran's 6. */
const MAX_DAYS_OFF = 31;

/** A civil date in a time zone: its year, "MM-DD" and day of the week. */
interface LocalDay {
  readonly year: number;
  readonly monthDay: string;
  readonly weekday: number;
}

const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
/** Zones kept at most; past it the cache starts over (a batch meets a few zones, hostile input many). */
const ZONES_MAX = 64;

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    if (zoneFormats.size >= ZONES_MAX) zoneFormats.clear();
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** The civil day of the instant `ms` in `timeZone`, as `Intl` shows it there. */
function localDay(ms: number, timeZone: string): LocalDay {
  const parts: Record<string, string> = {};
  for (const p of zoneFormat(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    monthDay: `${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/** "MM-DD" of a UTC date, as the holiday table writes it. */
function monthDayOf(date: Date): string {
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Each market's holidays by year, read from the table once when first asked. */
const holidays = new Map<Market, Map<number, ReadonlySet<string>>>();

function holidaysOf(market: Market, year: number): ReadonlySet<string> | undefined {
  if (market === 'default') return undefined;
  let years = holidays.get(market);
  if (!years) {
    years = new Map(
      Object.entries(HOLIDAY_TABLE[market]).map(([y, days]) => [Number(y), new Set(days.split(' '))]),
    );
    holidays.set(market, years);
  }
  return years.get(year);
}

/** True when the civil day of `ms` in `timeZone` is a weekend day or a public holiday of `market`. */
export function isDayOff(ms: number, market: Market, timeZone: string): boolean {
  const dayNumber = localDayNumber(ms, timeZone);
  if (dayNumber !== undefined) {
    // The day's number says its weekday; only a market with holidays needs its date.
    if (WEEKENDS[market].includes(weekdayOf(dayNumber))) return true;
    if (market === 'default') return false;
    const date = new Date(dayNumber * DAY_MS);
    return holidaysOf(market, date.getUTCFullYear())?.has(monthDayOf(date)) ?? false;
  }
  const day = localDay(ms, timeZone);
  if (WEEKENDS[market].includes(day.weekday)) return true;
  return holidaysOf(market, day.year)?.has(day.monthDay) ?? false;
}

/**
 * The instant `ms`, moved a whole day at a time until it falls on a working day of `market` in
 * `timeZone`: not on the market's weekend (Friday in Iran, Saturday and Sunday elsewhere) and not on
 * one of its public holidays (Nowruz, Ramazan and Kurban Bayramı…; see holiday-table.ts, years
 * `HOLIDAY_YEARS`). The time of day is kept; the result is never earlier than `ms`.
 */
export function onWorkingDay(ms: number, market: Market, timeZone: string): number {
  let at = ms;
  for (let i = 0; i < MAX_DAYS_OFF && isDayOff(at, market, timeZone); i++) at += DAY_MS;
  return at;
}

/** The years the holiday table covers; outside them only weekends are days off. */
export const WORKING_DAY_YEARS = HOLIDAY_YEARS;
