import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOLIDAY_TABLE } from '../../src/time/holiday-table';
import { isDayOff, onWorkingDay } from '../../src/time/working-days';
import { expectAtLeast, expectAtMost, expectIs } from '../cheap-expect';
import { root } from '../cli/run';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('working days', () => {
  it('moves a follow-up off Iran’s Friday and Nowruz, in Tehran time', () => {
    // Friday 13 March 2026 (22 Esfand 1404) → Saturday.
    expect(iso(onWorkingDay(at('2026-03-13T08:30:00Z'), 'IR', 'Asia/Tehran'))).toBe(
      '2026-03-14T08:30:00.000Z',
    );
    // 1–4 Farvardin 1405 (21–24 March 2026) and the Friday before them: 20 March is also a holiday.
    expect(iso(onWorkingDay(at('2026-03-20T08:30:00Z'), 'IR', 'Asia/Tehran'))).toBe(
      '2026-03-25T08:30:00.000Z',
    );
    // 21:00 UTC on Thursday is already Friday in Tehran.
    expect(isDayOff(at('2026-03-12T21:00:00Z'), 'IR', 'Asia/Tehran')).toBe(true);
    expect(isDayOff(at('2026-03-12T21:00:00Z'), 'IR', 'UTC')).toBe(false);
    // 12 and 13 Farvardin.
    expect(isDayOff(at('2026-04-01T08:00:00Z'), 'IR', 'Asia/Tehran')).toBe(true);
    expect(isDayOff(at('2026-04-02T08:00:00Z'), 'IR', 'Asia/Tehran')).toBe(true);
  });

  it('reads the local weekday from Intl outside the years it remembers offsets for (1800–2399)', () => {
    // 22:30 UTC is already the next day in Istanbul: a weekday read in UTC would be a day early.
    expect(isDayOff(at('2450-01-07T22:30:00Z'), 'TR', 'Europe/Istanbul')).toBe(true); // Saturday there
    expect(isDayOff(at('2450-01-06T22:30:00Z'), 'TR', 'Europe/Istanbul')).toBe(false); // Friday there
    expect(isDayOff(at('1750-06-06T22:30:00Z'), 'TR', 'Europe/Istanbul')).toBe(true); // Sunday there
    expect(isDayOff(at('1750-06-07T22:30:00Z'), 'TR', 'Europe/Istanbul')).toBe(false); // Monday there
    expect(isDayOff(at('2450-01-06T22:30:00Z'), 'default', 'UTC')).toBe(false);
  });

  it('moves a follow-up off Türkiye’s weekend and public holidays, the bayram days included', () => {
    // Saturday 14 March 2026 → Monday.
    expect(iso(onWorkingDay(at('2026-03-14T09:00:00Z'), 'TR', 'Europe/Istanbul'))).toBe(
      '2026-03-16T09:00:00.000Z',
    );
    // Ramazan Bayramı 2026: 20–22 March (Friday to Sunday) → Monday 23 March.
    expect(iso(onWorkingDay(at('2026-03-20T09:00:00Z'), 'TR', 'Europe/Istanbul'))).toBe(
      '2026-03-23T09:00:00.000Z',
    );
    // Kurban Bayramı 2026: 27–30 May, Wednesday to Saturday, then Sunday → Monday 1 June.
    expect(iso(onWorkingDay(at('2026-05-27T09:00:00Z'), 'TR', 'Europe/Istanbul'))).toBe(
      '2026-06-01T09:00:00.000Z',
    );
    // 29 October, Republic Day.
    expect(isDayOff(at('2026-10-29T09:00:00Z'), 'TR', 'Europe/Istanbul')).toBe(true);
    expect(isDayOff(at('2026-10-28T09:00:00Z'), 'TR', 'Europe/Istanbul')).toBe(false);
  });

  it('elsewhere keeps Monday to Friday, with no holidays', () => {
    expect(iso(onWorkingDay(at('2026-03-14T09:00:00Z'), 'default', 'UTC'))).toBe('2026-03-16T09:00:00.000Z');
    expect(iso(onWorkingDay(at('2026-12-25T09:00:00Z'), 'default', 'UTC'))).toBe('2026-12-25T09:00:00.000Z');
    // Late on Friday in New York is Saturday in UTC, and still Friday where the customer is.
    expect(isDayOff(at('2026-03-14T02:00:00Z'), 'default', 'America/New_York')).toBe(false);
    expect(isDayOff(at('2026-03-14T02:00:00Z'), 'default', 'UTC')).toBe(true);
  });

  it('never goes back, and lands within the longest run of days off', () => {
    for (let day = 0; day < 3 * 366; day++) {
      const ms = at('2025-01-01T10:00:00Z') + day * 86_400_000;
      for (const [market, zone] of [
        ['IR', 'Asia/Tehran'],
        ['TR', 'Europe/Istanbul'],
        ['default', 'UTC'],
      ] as const) {
        const moved = onWorkingDay(ms, market, zone);
        expectAtLeast(moved, ms);
        expectAtMost(moved - ms, 9 * 86_400_000);
        expectIs(isDayOff(moved, market, zone), false);
      }
    }
  });

  it('reads a table that is exactly what date-holidays (pinned) gives', () => {
    const generated = execFileSync(process.execPath, ['scripts/write-holidays.mjs', '--print'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(readFileSync(`${root}/src/time/holiday-table.ts`, 'utf8')).toBe(generated);
    expect(HOLIDAY_TABLE.IR[2026]).toContain('03-21 03-22 03-23 03-24');
  });
});
