import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isoInstant } from '../../src/time/format-instant';
import * as instant from '../../src/time/parse-instant';
import { timestampMs } from '../../src/time/timestamp';
import * as calendar from '../../src/time/utc-calendar';
import { fcParams } from '../seed';

// The parsers are counted, not changed: a text read again must not be parsed again.
vi.mock('../../src/time/parse-instant', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/time/parse-instant')>();
  return {
    ...actual,
    instantMs: vi.fn(actual.instantMs),
    calendarDateMs: vi.fn(actual.calendarDateMs),
  };
});
vi.mock('../../src/time/utc-calendar', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/time/utc-calendar')>();
  return { ...actual, civilFromDays: vi.fn(actual.civilFromDays) };
});

const parses = () =>
  vi.mocked(instant.instantMs).mock.calls.length + vi.mocked(instant.calendarDateMs).mock.calls.length;

/** `timestampMs` as it was before it kept answers: the reference every answer is held to. */
async function reference(value: string): Promise<number> {
  const actual = await vi.importActual<typeof import('../../src/time/parse-instant')>(
    '../../src/time/parse-instant',
  );
  const fast = value.length === 10 ? actual.calendarDateMs(value) : actual.instantMs(value);
  if (!Number.isNaN(fast)) return fast;
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).getTime();
}

/** A complaint's timestamps and their neighbours: texts that share a slot of the table, and some that are no timestamp. */
const TEXTS = [
  '2026-03-01T08:00:00+01:00',
  '2026-03-01T08:00:00+0100',
  '2026-03-01T07:00:00Z',
  '2026-03-01T07:00Z',
  '2026-03-01T07:00:00.250Z',
  '2026-03-01',
  '2026-02-13',
  '2026-02-18',
  '2026-02-18T00:00:00Z',
  '2026-02-18T00:00:00-14:00',
  '2020-06-21',
  '2021-06-21',
  '1900-01-01',
  '2199-12-31T23:59:59+00:00',
  '2026-02-30',
  '2026-02-29T10:00:00Z',
  '2026-03-10T10:00:00',
  '2026-3-10',
  'yesterday at noon',
  '2026',
  '',
];

describe('timestampMs keeps its last answers', () => {
  beforeEach(() => {
    vi.mocked(instant.instantMs).mockClear();
    vi.mocked(instant.calendarDateMs).mockClear();
  });

  it('answers a text read just before without parsing it again, as an equal text made apart', () => {
    const received = '2026-03-10T09:30:00+03:00';
    const first = timestampMs(received);
    expect(parses()).toBe(1);
    expect(timestampMs(received)).toBe(first);
    // Equal text in another string: the table compares texts, not strings.
    expect(timestampMs(['2026-03-10T09:30:00', '+03:00'].join(''))).toBe(first);
    expect(parses()).toBe(1);
  });

  it("reads a complaint's timestamps once each, however often and in whatever order they are read", () => {
    const complaint = ['2026-03-01T08:00:00+01:00', '2020-06-21', '2026-01-06', '2026-02-13', '2026-02-18'];
    for (let round = 0; round < 5; round++) for (const text of complaint) timestampMs(text);
    expect(parses()).toBe(complaint.length);
  });

  it('gives every text the answer it had before the table, whatever was read before it', async () => {
    const answers = new Map<string, number>();
    for (const text of TEXTS) answers.set(text, await reference(text));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 60 }), (reads) => {
        for (const text of reads) expect(timestampMs(text), text).toBe(answers.get(text));
      }),
      fcParams(300),
    );
  });
});

describe('isoInstant keeps its last answers', () => {
  it("writes the instants a replay's two rule sets give a complaint once each", () => {
    const received = Date.UTC(2026, 2, 10, 9, 30);
    // The first answer's deadline, the follow-up and a coupon's expiry, under each rule set.
    const instants = [received + 24 * 3_600_000, received + 72 * 3_600_000, received + 90 * 86_400_000];
    vi.mocked(calendar.civilFromDays).mockClear();
    for (let side = 0; side < 2; side++) for (const ms of instants) isoInstant(ms);
    expect(vi.mocked(calendar.civilFromDays).mock.calls.length).toBe(instants.length);
  });
});
