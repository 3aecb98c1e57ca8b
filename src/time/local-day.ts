/**
 * A time zone's offset from UTC at an instant (`localOffset`), and the civil day the instant falls on
 * there as days since 1970-01-01 (`localDayNumber`), without asking `Intl` for most instants. A
 * complaint's dates are shown as long dates, its follow-up moved to a working day and a promised
 * contact's time of day shown, all in the customer's zone; asking `Intl` each time cost about 4 µs a
 * date, and a recommendation has several.
 *
 * A zone's offset from UTC is read from `Intl` at the start of each UTC day an instant falls in and
 * remembered. Where the offsets at both ends of a day are the same, every instant of that day has that
 * offset: no zone changes its clock twice within a day (the closest two changes of any zone, 1800–2399,
 * are 95.7 hours apart: Freetown, September 1939; a change and its undoing are otherwise weeks or months
 * apart). That was found with zdump on the system's tzdata, 2025b; the runtime's `Intl` reads its own
 * (`process.versions.tz`, 2025c when this was written), and the test named below holds this to it.
 * A day whose ends differ holds a change, and is read an hour at a time in the same way; an hour whose
 * ends differ holds the change, and each of its instants is asked of `Intl` itself. So a day whose
 * clock goes back over midnight (Chile, Paraguay, Lebanon) is read exactly as `Intl` reads it, never
 * guessed from the day before. Days, not hours, because a complaint's follow-up steps a day at a time
 * to a working day: consecutive days share their edges, one `Intl` call a day where an hour each cost
 * two. `test/time/local-day.test.ts` holds this equal to `Intl` on every zone the runtime knows, around
 * their changes.
 */

import { DAY_MS, HOUR_MS } from './utc-calendar';

const HOURS_A_DAY = 24;

/**
 * The instants read this way: 1800–2399, all in the Gregorian calendar (`Intl` writes earlier dates in
 * the Julian one, which `Date.UTC` would misread) and well inside `Date`'s range. `localOffset` and
 * `localDayNumber` answer undefined outside it.
 */
const FIRST_MS = Date.UTC(1800, 0, 1);
const END_MS = Date.UTC(2400, 0, 1);

/** Offsets remembered in all zones together before they start over: a year of hours in one zone is 8,760. */
const HOURS_MAX = 16_384;

/** One zone's formatter and what it has said, by UTC day and hour. */
interface ZoneOffsets {
  readonly parts: Intl.DateTimeFormat;
  /** By hour number (ms / 1 h): the offset at that hour's start, in ms. */
  readonly edges: Map<number, number>;
  /** By hour number: the offset of every instant of the hour, or NaN when it holds a change. */
  readonly hours: Map<number, number>;
  /** By day number (ms / 1 day): the offset of every instant of the UTC day, or NaN when it holds a change. */
  readonly days: Map<number, number>;
}

/** Zones remembered at most; past it they start over (a batch meets a few zones, hostile input many). */
const ZONES_MAX = 64;

const zones = new Map<string, ZoneOffsets>();
let remembered = 0;

/**
 * How a zone's formatter writes its wall clock (en-US: `M/D/YYYY, HH:MM:SS`, which `wallClockMs` reads).
 * @internal
 */
export const WALL_CLOCK: Readonly<Intl.DateTimeFormatOptions> = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
};

function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    if (zones.size >= ZONES_MAX) {
      zones.clear();
      remembered = 0;
    }
    const parts = new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK, timeZone });
    zone = { parts, edges: new Map(), hours: new Map(), days: new Map() };
    zones.set(timeZone, zone);
  }
  return zone;
}

/**
 * The zone's offset from UTC at `ms`, in ms, as `Intl` gives it: its wall clock, read as UTC, minus the
 * instant (to the second, as the wall clock is shown). The wall clock is read off `format`'s text, three
 * times as fast as `formatToParts` (1.3 µs against 4 µs): a complaint in a zone not met for that hour
 * asks twice, and a batch of many zones and dates often. Text of any other shape (another runtime's
 * ICU) is read through `formatToParts`, as before.
 * @internal
 */
export function offsetAt(parts: WallClockFormat, ms: number): number {
  const wall = wallClockMs(parts.format(ms));
  return (Number.isNaN(wall) ? wallClockFromParts(parts, ms) : wall) - Math.floor(ms / 1000) * 1000;
}

/** What `offsetAt` asks of a zone's formatter (a type of its own so a test can hand it other text). */
export type WallClockFormat = Pick<Intl.DateTimeFormat, 'format' | 'formatToParts'>;

/** The wall clock `formatToParts` shows at `ms`, read as if it were UTC. */
function wallClockFromParts(parts: WallClockFormat, ms: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of parts.formatToParts(ms)) {
    const value = Number(part.value);
    if (part.type === 'year') year = value;
    else if (part.type === 'month') month = value;
    else if (part.type === 'day') day = value;
    else if (part.type === 'hour') hour = value;
    else if (part.type === 'minute') minute = value;
    else if (part.type === 'second') second = value;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** What follows each number of `M/D/YYYY, HH:MM:SS`: month, day, year, hour, minute, second. */
const SEPARATORS = ['/', '/', ', ', ':', ':', ''];
/** The most digits each number has. */
const WIDTHS = [2, 2, 4, 2, 2, 2];

/**
 * The wall clock in `M/D/YYYY, HH:MM:SS` (en-US, numeric, 24-hour: how `zoneOffsets`' formatter writes
 * it), read as if it were UTC; NaN for text of any other shape.
 * @internal
 */
export function wallClockMs(text: string): number {
  const n = [0, 0, 0, 0, 0, 0];
  let i = 0;
  for (let k = 0; k < 6; k++) {
    const start = i;
    let value = 0;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i))
      value = value * 10 + c - 48;
    const gap = SEPARATORS[k] as string;
    if (i === start || i - start > (WIDTHS[k] as number) || !text.startsWith(gap, i)) return Number.NaN;
    n[k] = value;
    i += gap.length;
  }
  if (i !== text.length) return Number.NaN;
  const [month, day, year, hour, minute, second] = n as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function edgeOffset(zone: ZoneOffsets, hour: number): number {
  let offset = zone.edges.get(hour);
  if (offset === undefined) {
    offset = offsetAt(zone.parts, hour * HOUR_MS);
    zone.edges.set(hour, offset);
    remembered += 1;
  }
  return offset;
}

/** The offset every instant of `hour` has, or NaN when the zone's clock changes within it. */
function hourOffset(zone: ZoneOffsets, hour: number): number {
  let offset = zone.hours.get(hour);
  if (offset === undefined) {
    if (remembered >= HOURS_MAX) forget();
    const start = edgeOffset(zone, hour);
    offset = start === edgeOffset(zone, hour + 1) ? start : Number.NaN;
    zone.hours.set(hour, offset);
    remembered += 1;
  }
  return offset;
}

/** The offset every instant of the UTC day `day` has, or NaN when the zone's clock changes within it. */
function dayOffset(zone: ZoneOffsets, day: number): number {
  let offset = zone.days.get(day);
  if (offset === undefined) {
    if (remembered >= HOURS_MAX) forget();
    const start = edgeOffset(zone, day * HOURS_A_DAY);
    offset = start === edgeOffset(zone, (day + 1) * HOURS_A_DAY) ? start : Number.NaN;
    zone.days.set(day, offset);
    remembered += 1;
  }
  return offset;
}

function forget(): void {
  for (const zone of zones.values()) {
    zone.edges.clear();
    zone.hours.clear();
    zone.days.clear();
  }
  remembered = 0;
}

/**
 * The offset from UTC of `timeZone` (an IANA name the runtime knows) at the instant `ms`, in ms, as
 * `Intl` shows its wall clock there: the wall clock is `ms` plus it. Undefined outside the years
 * 1800–2399.
 */
export function localOffset(ms: number, timeZone: string): number | undefined {
  if (!(ms >= FIRST_MS && ms < END_MS)) return undefined;
  if (timeZone === 'UTC') return 0;
  const zone = zoneOffsets(timeZone);
  let offset = dayOffset(zone, Math.floor(ms / DAY_MS));
  if (Number.isNaN(offset)) offset = hourOffset(zone, Math.floor(ms / HOUR_MS));
  if (Number.isNaN(offset)) offset = offsetAt(zone.parts, ms);
  return offset;
}

/**
 * The civil day of the instant `ms` in `timeZone` (an IANA name the runtime knows), as days since
 * 1970-01-01: the day `Intl` shows for it there. Undefined outside the years 1800–2399.
 */
export function localDayNumber(ms: number, timeZone: string): number | undefined {
  const offset = localOffset(ms, timeZone);
  return offset === undefined ? undefined : Math.floor((ms + offset) / DAY_MS);
}

/** The weekday of a day number from `localDayNumber`, as `Date#getUTCDay` numbers it (0 is Sunday). */
export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}
