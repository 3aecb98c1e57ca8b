import { z } from 'zod';

/** An IANA zone's name: "UTC", "Asia/Tehran", "America/Argentina/Buenos_Aires" (no offsets, no paths). */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * Zone names found valid, so that each is checked with `Intl` once per thread: building a
 * `DateTimeFormat` costs microseconds on every complaint that names its zone. Only names the runtime
 * knows are kept, so the set is bounded by the IANA database (about 600 names and their aliases);
 * the cap is a second guard.
 */
const KNOWN_ZONES = new Set<string>();
const KNOWN_ZONES_MAX = 2048;

/** True when `name` is an IANA time zone the runtime knows ("Europe/Istanbul", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (KNOWN_ZONES.has(name)) return true;
  if (!ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    return false;
  }
  if (KNOWN_ZONES.size < KNOWN_ZONES_MAX) KNOWN_ZONES.add(name);
  return true;
}

/**
 * A customer's time zone, by its IANA name. Dates and times the customer reads are shown in it, and the
 * follow-up falls on a working day there.
 */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .superRefine((name, ctx) => {
    if (!isTimeZone(name)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown time zone "${name}"; use an IANA name such as "Europe/Istanbul", "Asia/Tehran" or "UTC"`,
      });
    }
  });
