import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  localDayNumber,
  offsetAt,
  WALL_CLOCK,
  type WallClockFormat,
  wallClockMs,
  weekdayOf,
} from '../../src/time/local-day';
import { expectIs } from '../cheap-expect';
import { countingIntlFormats } from '../helpers';
import { fcParams } from '../seed';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The civil day `Intl` itself shows for `ms` in `timeZone`, as days since 1970-01-01. */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlDay(ms: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS;
}

/** The zone's offset at `ms` as `Intl` shows it ("GMT-03:30"). */
const offsets = new Map<string, Intl.DateTimeFormat>();
function intlOffset(ms: number, timeZone: string): string {
  let format = offsets.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsets.set(timeZone, format);
  }
  return format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** The instants (to the hour after) at which `zone`'s offset changes between two years, from Intl. */
function changesOf(zone: string, fromYear: number, toYear: number): number[] {
  const changes: number[] = [];
  const end = Date.UTC(toYear, 0, 1);
  let before = intlOffset(Date.UTC(fromYear, 0, 1), zone);
  // A day at a time, then the hour within the day: no zone changes twice within a day.
  for (let day = Date.UTC(fromYear, 0, 1) + DAY_MS; day <= end; day += DAY_MS) {
    const offset = intlOffset(day, zone);
    if (offset === before) continue;
    let hour = day - DAY_MS + HOUR_MS;
    while (intlOffset(hour, zone) === before) hour += HOUR_MS;
    changes.push(hour);
    before = offset;
  }
  return changes;
}

/**
 * Zones whose clocks change in awkward ways: back over midnight at 00:01 (St John's and Goose Bay
 * until 2011), at midnight (Chile, Paraguay, Lebanon, Cuba, Brazil until 2019), by half an hour (Lord
 * Howe), a whole day skipped (Samoa, December 2011), Ramadan's changes a month apart (Morocco), and
 * Iran's and Türkiye's zones, which redress's Persian and Turkish use (both stopped changing: Iran in
 * 2022, Türkiye in 2016).
 */
const AWKWARD = [
  'America/St_Johns',
  'America/Goose_Bay',
  'America/Santiago',
  'America/Asuncion',
  'Asia/Beirut',
  'America/Havana',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Africa/Casablanca',
  'Asia/Tehran',
  'Europe/Istanbul',
  'Europe/London',
  'America/New_York',
];

describe('localDayNumber', () => {
  it('says the day Intl shows, on every zone the runtime knows, at any instant of 1800–2399', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones, 'UTC'),
        fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2400, 0, 1) - 1 }),
        (zone, ms) => {
          expectIs(localDayNumber(ms, zone), intlDay(ms, zone));
        },
      ),
      fcParams(3000),
    );
  });

  it('says the day Intl shows at every minute around each clock change of awkward zones, 2008–2026', () => {
    const wrong: string[] = [];
    for (const zone of AWKWARD) {
      const changes = changesOf(zone, 2008, 2026);
      expect(changes.length, zone).toBeGreaterThan(0);
      for (const change of changes) {
        // Every minute from 2 hours before the hour the change was seen in to an hour after, and the
        // millisecond before each, asked from the end (the hours' offsets then come from a later
        // instant than the one asked).
        for (let ms = change + HOUR_MS; ms >= change - 2 * HOUR_MS; ms -= MINUTE_MS) {
          for (const at of [ms, ms - 1]) {
            if (localDayNumber(at, zone) !== intlDay(at, zone))
              wrong.push(`${zone} ${new Date(at).toISOString()}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says the day Intl shows stepping a day at a time through a year, as a follow-up does, in awkward zones', () => {
    const wrong: string[] = [];
    for (const zone of AWKWARD) {
      // Midnight, just after St John's 00:01 change (02:31Z), noon and the last minute of the UTC day.
      for (const minute of [0, 151, 720, 1439]) {
        for (let day = Date.UTC(2010, 0, 1); day < Date.UTC(2011, 0, 1); day += DAY_MS) {
          const at = day + minute * MINUTE_MS;
          if (localDayNumber(at, zone) !== intlDay(at, zone))
            wrong.push(`${zone} ${new Date(at).toISOString()}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('asks Intl once a day, not twice, stepping a day at a time where the clock does not change', () => {
    const asked = countingIntlFormats(() => {
      // A zone and days no other test reads (its offsets are remembered per thread): May 2153 in
      // Chatham, on standard time from April to September.
      const start = Date.UTC(2153, 4, 2, 13, 17);
      for (let d = 0; d < 30; d++) {
        expectIs(
          localDayNumber(start + d * DAY_MS, 'Pacific/Chatham'),
          intlDay(start + d * DAY_MS, 'Pacific/Chatham'),
        );
      }
    });
    // The 31 edges of 30 days, where each day's hour had two edges of its own.
    expect(asked).toBe(31);
  });

  it('reads the day back over midnight when the clock goes back at 00:01 (St John’s, 7 November 2010)', () => {
    const zone = 'America/St_Johns';
    // 00:00:30 on the 7th (UTC−2:30), then from 02:31Z 23:01 on the 6th again (UTC−3:30).
    const seventh = localDayNumber(Date.parse('2010-11-07T02:30:30Z'), zone);
    expect(seventh).toBe(Date.UTC(2010, 10, 7) / DAY_MS);
    expect(localDayNumber(Date.parse('2010-11-07T02:31:00Z'), zone)).toBe(Date.UTC(2010, 10, 6) / DAY_MS);
    expect(localDayNumber(Date.parse('2010-11-07T02:45:00Z'), zone)).toBe(Date.UTC(2010, 10, 6) / DAY_MS);
    expect(localDayNumber(Date.parse('2010-11-07T03:31:00Z'), zone)).toBe(Date.UTC(2010, 10, 7) / DAY_MS);
  });

  it('answers nothing outside 1800–2399, where Intl writes Julian dates or Date ends', () => {
    expect(localDayNumber(Date.UTC(1799, 11, 31, 23, 59), 'UTC')).toBeUndefined();
    expect(localDayNumber(Date.UTC(2400, 0, 1), 'Asia/Tehran')).toBeUndefined();
    expect(localDayNumber(Number.NaN, 'Asia/Tehran')).toBeUndefined();
    expect(localDayNumber(Date.UTC(1800, 0, 1), 'UTC')).toBe(Date.UTC(1800, 0, 1) / DAY_MS);
  });

  it('names the weekday of a day number as Date#getUTCDay does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -70_000, max: 160_000 }), (day) => {
        expect(weekdayOf(day)).toBe(new Date(day * DAY_MS).getUTCDay());
      }),
      fcParams(1000),
    );
  });
});

/** A zone's formatter as local-day.ts makes it, or with a 12-hour clock (text of another shape). */
const wallFormat = (timeZone: string, hourCycle: 'h12' | 'h23' = 'h23') =>
  new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK, timeZone, hourCycle });
/** Any zone the runtime knows, and any instant local-day.ts reads (1800–2399). */
const anyZone = fc.constantFrom(...Intl.supportedValuesOf('timeZone'));
const anyInstant = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2400, 0, 1) - 1 });

describe('wallClockMs', () => {
  it('reads the wall clock the formatter writes as its parts say, in any zone, 1800–2399', () => {
    fc.assert(
      fc.property(anyZone, anyInstant, (timeZone, ms) => {
        const format = wallFormat(timeZone);
        const parts = format.formatToParts(ms);
        const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
        expectIs(
          wallClockMs(format.format(ms)),
          Date.UTC(
            part('year'),
            part('month') - 1,
            part('day'),
            part('hour'),
            part('minute'),
            part('second'),
          ),
        );
      }),
      fcParams(500),
    );
  });

  it('reads nothing from text of another shape, so that the parts are read instead', () => {
    for (const text of [
      '',
      '3/10/2026 09:30:00',
      '3/10/2026, 9:30:00 AM',
      '3/10/2026, 09:30:00 ',
      '3/10/2026, 09:30',
      '3-10-2026, 09:30:00',
      '123/10/2026, 09:30:00',
      '3/10/12026, 09:30:00',
      '۳/۱۰/۲۰۲۶، ۰۹:۳۰:۰۰',
      '3/10/2026,\u202f09:30:00',
    ])
      expect(wallClockMs(text), text).toBeNaN();
    expect(wallClockMs('3/10/2026, 09:30:05')).toBe(Date.UTC(2026, 2, 10, 9, 30, 5));
  });
});

describe('offsetAt', () => {
  it('reads the parts when the formatter writes text of another shape (another ICU): the same offset', () => {
    fc.assert(
      fc.property(anyZone, anyInstant, (timeZone, ms) => {
        const format = wallFormat(timeZone);
        const twelveHour = wallFormat(timeZone, 'h12');
        // A formatter whose text wallClockMs cannot read ("3/10/2026, 9:30:05 AM"), and its true parts.
        const other: WallClockFormat = {
          format: (at) => twelveHour.format(at),
          formatToParts: (at) => format.formatToParts(at),
        };
        expectIs(Number.isNaN(wallClockMs(other.format(ms))), true);
        expectIs(offsetAt(other, ms), offsetAt(format, ms));
      }),
      fcParams(300),
    );
  });
});
