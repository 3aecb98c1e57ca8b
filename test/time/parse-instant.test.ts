import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDateMs, instantMs } from '../../src/time/parse-instant';
import { fcParams } from '../seed';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

describe('instantMs', () => {
  it('gives the instant Date.parse gives for every date-time with an offset', () => {
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) });
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
    const shape = fc.constantFrom('Z', '+hh:mm', '+hhmm');
    const precision = fc.constantFrom('minutes', 'seconds', 'millis', 'micros');
    fc.assert(
      fc.property(instant, offset, shape, precision, (ms, minutes, form, digits) => {
        const local = new Date(ms + (form === 'Z' ? 0 : minutes) * 60_000);
        const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
        let time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
        if (digits !== 'minutes') time += `:${pad(local.getUTCSeconds())}`;
        if (digits === 'millis') time += `.${pad(local.getUTCMilliseconds(), 3)}`;
        if (digits === 'micros') time += `.${pad(local.getUTCMilliseconds(), 3)}987`;
        const sign = minutes < 0 ? '-' : '+';
        const zone =
          form === 'Z'
            ? 'Z'
            : form === '+hh:mm'
              ? `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`
              : `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
        const text = `${date}T${time}${zone}`;
        expect(instantMs(text), text).toBe(Date.parse(text));
      }),
      fcParams(500),
    );
  });

  it('refuses times without an offset, impossible dates and times, and anything else', () => {
    for (const bad of [
      '2026-03-10T10:00:00', // no offset: Date.parse would read it as local time
      '2026-02-29T10:00:00Z', // 2026 is not a leap year
      '2026-04-31T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-03-10T24:00:00Z',
      '2026-03-10T10:60:00Z',
      '2026-03-10T10:00:60Z',
      '2026-03-10T10:00:00+24:00',
      '2026-03-10T10:00:00.Z',
      '2026-03-10T10:00:00Zjunk',
      '2026-03-10 10:00:00Z',
      '2026-3-10T10:00:00Z',
      'yesterday at noon',
      '',
    ]) {
      expect(instantMs(bad), bad).toBeNaN();
    }
    expect(instantMs('2024-02-29T23:59:59.999+00:00')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    expect(instantMs('2000-02-29T00:00Z')).toBe(Date.UTC(2000, 1, 29));
  });
});

describe('calendarDateMs', () => {
  it('gives the midnight UTC that Date.parse gives for every calendar date', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }), (ms) => {
        const d = new Date(ms);
        const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
        expect(calendarDateMs(text), text).toBe(Date.parse(text));
      }),
      fcParams(500),
    );
  });

  it('refuses impossible days and anything that is not YYYY-MM-DD', () => {
    for (const bad of [
      '2026-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-03-00',
      '2026-3-10',
      '20260310',
      '2026-03-1x',
      '',
    ]) {
      expect(calendarDateMs(bad), bad).toBeNaN();
    }
    expect(calendarDateMs('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(calendarDateMs('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
  });
});
