import { utc } from '@date-fns/utc';
import { addDays, addHours, addMonths, differenceInCalendarDays, differenceInMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp, timestampMs } from '../../src/time/timestamp';
import * as calendar from '../../src/time/utc-calendar';
import { expectIs } from '../cheap-expect';
import { fcParams } from '../seed';

// Instants from 1899 to 2201, biased towards month ends, leap days and midnights, where the rules bite.
const YEAR_MS = 365.25 * calendar.DAY_MS;
const instant = fc.oneof(
  fc.integer({ min: -71 * YEAR_MS, max: 231 * YEAR_MS }),
  fc
    .record({
      year: fc.integer({ min: 1899, max: 2201 }),
      month: fc.integer({ min: 0, max: 11 }),
      day: fc.constantFrom(1, 27, 28, 29, 30, 31),
      ms: fc.constantFrom(0, 1, calendar.DAY_MS - 1, 12 * 3_600_000),
    })
    .map(({ year, month, day, ms }) => Date.UTC(year, month, day) + ms),
);

// Pairs a few weeks apart, where whole-month counting decides between 0, 1 and 2.
const pair = fc.oneof(
  fc.tuple(instant, instant),
  fc
    .tuple(instant, fc.integer({ min: -70, max: 70 }), fc.constantFrom(0, -12 * 3_600_000, 1, -1))
    .map(([a, days, ms]) => [a, a + days * calendar.DAY_MS + ms] as [number, number]),
);

describe('UTC calendar arithmetic', () => {
  it('counts calendar days exactly like date-fns in UTC', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expectIs(calendar.calendarDaysBetween(a, b), differenceInCalendarDays(a, b, { in: utc }));
      }),
      fcParams(2_000),
    );
  });

  it('counts whole months exactly like date-fns in UTC, end-of-month rules included', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expectIs(calendar.monthsBetween(a, b), differenceInMonths(a, b, { in: utc }));
      }),
      fcParams(3_000),
    );
    // Whole years of month ends against each other, far apart and outside 1800–2399 (through a Date).
    const ends = fc.oneof(
      fc
        .integer({ min: 1790, max: 2410 })
        .chain((year) =>
          fc.tuple(fc.constant(year), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 25, max: 31 })),
        ),
      fc.tuple(
        fc.integer({ min: -3000, max: 9000 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 31 }),
      ),
    );
    const at = ([year, month, day]: [number, number, number], ms: number) => Date.UTC(year, month, day) + ms;
    const ms = fc.constantFrom(0, 1, 43_200_000, calendar.DAY_MS - 1);
    fc.assert(
      fc.property(ends, ms, ends, ms, (a, aMs, b, bMs) => {
        expectIs(
          calendar.monthsBetween(at(a, aMs), at(b, bMs)),
          differenceInMonths(at(a, aMs), at(b, bMs), { in: utc }),
        );
      }),
      fcParams(3_000),
    );
    // The cases date-fns treats specially: from the last day of a month, and February's end.
    expect(calendar.monthsBetween(Date.UTC(2026, 1, 28), Date.UTC(2026, 0, 31))).toBe(1);
    expect(calendar.monthsBetween(Date.UTC(2024, 1, 29), Date.UTC(2024, 0, 30))).toBe(1);
    expect(calendar.monthsBetween(Date.UTC(2026, 3, 30), Date.UTC(2026, 2, 31, 12))).toBe(1);
    expect(calendar.monthsBetween(Date.UTC(2026, 3, 29), Date.UTC(2026, 2, 31, 12))).toBe(0);
  });

  it('adds days and hours exactly like date-fns in UTC', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -1000, max: 1000 }), (t, n) => {
        expectIs(calendar.addDays(t, n), addDays(t, n, { in: utc }).getTime());
        expectIs(calendar.addHours(t, n), addHours(t, n, { in: utc }).getTime());
      }),
      fcParams(2_000),
    );
    // Fractions of days, counts that leave Date's range, instants at its ends and outside it.
    const days = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      fc.constantFrom(1e8, -1e8, 2e8, 1e300, -1e300, Number.POSITIVE_INFINITY, Number.NaN, -0),
    );
    const edge = fc.oneof(
      instant,
      fc.constantFrom(8.64e15, -8.64e15, 8.64e15 - 1, 8.64e15 + 1, Number.NaN, 0.5, -0),
    );
    fc.assert(
      fc.property(edge, days, (t, n) => {
        expectIs(calendar.addDays(t, n), addDays(t, n, { in: utc }).getTime());
      }),
      fcParams(2_000),
    );
  });
});

describe('adding months in UTC', () => {
  it('adds months exactly like date-fns in UTC, month ends and leap days included', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -300, max: 300 }), (t, n) => {
        expectIs(calendar.addMonths(t, n), addMonths(t, n, { in: utc }).getTime());
      }),
      fcParams(3_000),
    );
    // Fractions, counts that leave the four-digit years or Date's range, instants at its ends.
    const months = fc.oneof(
      fc.integer({ min: -20_000, max: 20_000 }),
      fc.double({ min: -1e3, max: 1e3, noNaN: true }),
      fc.constantFrom(1e8, -1e8, 1e300, Number.POSITIVE_INFINITY, Number.NaN, -0, 0),
    );
    const edge = fc.oneof(
      instant,
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.constantFrom(8.64e15, -8.64e15, 253_402_300_799_999, -62_167_219_200_000, Number.NaN, 0.5, -0),
    );
    fc.assert(
      fc.property(edge, months, (t, n) => {
        expectIs(calendar.addMonths(t, n), addMonths(t, n, { in: utc }).getTime());
      }),
      fcParams(3_000),
    );
  });
});

describe('timestamps', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  // Valid dates and date-times, impossible ones (the 30th of February, hour 24), and other shapes.
  const text = fc.oneof(
    fc
      .record({
        y: fc.integer({ min: 1899, max: 2201 }),
        m: fc.integer({ min: 0, max: 13 }),
        d: fc.integer({ min: 0, max: 32 }),
        h: fc.integer({ min: 0, max: 24 }),
        min: fc.integer({ min: 0, max: 60 }),
        s: fc.integer({ min: 0, max: 60 }),
        ms: fc.constantFrom('', '.5', '.123', '.1239'),
        zone: fc.constantFrom('Z', '+00:00', '+03:30', '-11:00', '+0530', '', 'z'),
        dateOnly: fc.boolean(),
      })
      .map(({ y, m, d, h, min, s, ms, zone, dateOnly }) => {
        const date = `${y}-${two(m)}-${two(d)}`;
        return dateOnly ? date : `${date}T${two(h)}:${two(min)}:${two(s)}${ms}${zone}`;
      }),
    fc.string({ maxLength: 30 }),
  );

  it('read every string exactly as Date does', () => {
    fc.assert(
      fc.property(text, (value) => {
        const expected = new Date(value.length === 10 ? `${value}T00:00:00Z` : value).getTime();
        expectIs(timestampMs(value), expected);
        expectIs(parseTimestamp(value).getTime(), expected);
      }),
      fcParams(3_000),
    );
  });

  it('hand out a fresh Date each time', () => {
    const first = parseTimestamp('2026-03-01T10:00:00+03:00');
    first.setUTCFullYear(1999);
    expect(parseTimestamp('2026-03-01T10:00:00+03:00').toISOString()).toBe('2026-03-01T07:00:00.000Z');
    expect(timestampMs('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
    expect(timestampMs('not a date')).toBeNaN();
  });
});
