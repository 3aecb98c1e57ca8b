import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BurstRule, compareEntries, runEntries } from '../../src/incidents/burst-rule';
import { type IncidentOptions, settings } from '../../src/incidents/options';
import type { Building, Entry } from '../../src/incidents/types';
import type { IncidentCause } from '../../src/policy/incident-mark';
import { fcParams } from '../seed';

/**
 * Issue 18: `recommend --incidents` over 1,000,000 time-ordered complaints held the detector's whole
 * 28-day baseline as complaint entries. The burst rule reads only how many usual complaints each
 * cause's baseline holds, so the burst rule keeps entries for the window alone and the baseline as times.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-01T00:00:00Z');

const causes = new Map<string, IncidentCause>();
const causeOf = (key: string): IncidentCause => {
  let cause = causes.get(key);
  if (!cause) {
    cause = { key, category: null, sku: null, family: null, service: null, carrier: null };
    causes.set(key, cause);
  }
  return cause;
};
const entry = (index: number, time: number, key: string): Entry => ({
  index,
  id: `c-${String(index).padStart(6, '0')}`,
  time,
  cause: causeOf(key),
  isPublic: false,
  incident: null,
  byRate: false,
});

describe('what the burst rule holds', () => {
  it('keeps one window of entries per cause and the baseline as times, not 28 days of entries', () => {
    // 2,000 complaints a day of one cause for 40 days, evenly spaced; the default window and baseline.
    const perDay = 2_000;
    const bursts = new BurstRule({});
    let most = { entries: 0, times: 0 };
    for (let i = 0; i < 40 * perDay; i++) {
      bursts.add(entry(i, T0 + Math.floor((i * DAY) / perDay), 'late_delivery'));
      if (i % 500 === 0) {
        const held = bursts.held();
        most = { entries: Math.max(most.entries, held.entries), times: Math.max(most.times, held.times) };
      }
    }
    // A window holds 2,000; those that left it are let go once they are as many as those still in it.
    expect(most.entries).toBeLessThanOrEqual(2 * perDay + 1);
    // The baseline, 28 days of 2,000, is kept as numbers (and let go the same way).
    expect(most.times).toBeGreaterThan(28 * perDay * 0.9);
    expect(most.times).toBeLessThanOrEqual(2 * 28 * perDay + 1);
  });

  it('keeps no more than twice its window per cause when there are many quiet causes', () => {
    // The benchmark's stream has some 4,800 causes (a category and a SKU), each with a complaint every
    // few days. Entries that left the window used to be let go only in batches of 1,024, which such a
    // cause never reaches in half a year: the burst rule held every complaint of the stream. Here 1,000
    // causes, one complaint every 2 days each (500 a day in all), for 100 days.
    const perDay = 500;
    const causeCount = 1_000;
    const bursts = new BurstRule({});
    let most = { entries: 0, times: 0 };
    for (let i = 0; i < 100 * perDay; i++) {
      bursts.add(entry(i, T0 + Math.floor((i * DAY) / perDay), `SKU-${i % causeCount}`));
      if (i % 500 === 0) {
        const held = bursts.held();
        most = { entries: Math.max(most.entries, held.entries), times: Math.max(most.times, held.times) };
      }
    }
    // A window holds 500 complaints, a baseline 14,000; each cause keeps at most twice what it has
    // in them, or its latest complaint.
    expect(most.entries).toBeLessThanOrEqual(2 * perDay + causeCount);
    expect(most.times).toBeGreaterThan(28 * perDay * 0.9);
    expect(most.times).toBeLessThanOrEqual(2 * 28 * perDay + causeCount);
  });
});

interface Open {
  key: string;
  members: Entry[];
  basis: string;
  expected: number;
  peak: number;
  lastAnchor: number;
}

interface Plain {
  readonly windowMs: number;
  readonly baselineMs: number;
  readonly minCount: number;
  readonly ratio: number;
  readonly first: number;
  readonly open: Map<string, Open>;
  readonly incidents: Open[];
}

/** The window of one cause's complaints `mine` (every one so far) that ends at `t`, judged. */
function judgeAt(p: Plain, key: string, mine: readonly Entry[], t: number): void {
  const windowStart = t - p.windowMs;
  const history = Math.min(p.baselineMs, windowStart - p.first);
  const inWindow = mine.filter((e) => e.time > windowStart);
  const n = inWindow.length;
  const quiet = mine.filter(
    (e) => e.time > windowStart - history && e.time <= windowStart && !e.byRate,
  ).length;
  const byRate = p.baselineMs > 0 && history >= p.windowMs;
  if (n < p.minCount || (byRate && n * history < p.ratio * quiet * p.windowMs)) return;
  let incident = p.open.get(key);
  if (!incident || incident.lastAnchor <= windowStart) {
    incident = {
      key,
      members: [],
      basis: byRate ? 'ratio' : 'minCount',
      expected: byRate ? (quiet * p.windowMs) / history : 0,
      peak: 0,
      lastAnchor: t,
    };
    p.open.set(key, incident);
    p.incidents.push(incident);
  }
  for (const e of inWindow.filter((x) => x.incident === null)) {
    e.incident = incident as never;
    e.byRate = byRate;
    incident.members.push(e);
  }
  incident.lastAnchor = t;
  incident.peak = Math.max(incident.peak, n);
}

/**
 * The burst rule as docs/incidents.md states it, computed the plain way: at each instant, for each
 * cause with a complaint then, count the window and the usual complaints of the baseline among every
 * complaint so far. Its incidents are compared with `BurstRule`'s.
 */
function reference(input: readonly Entry[], options: IncidentOptions) {
  const entries = [...input].sort(compareEntries);
  if (entries.length === 0) return [];
  const p: Plain = {
    ...settings(options),
    first: (entries[0] as Entry).time - 1,
    open: new Map(),
    incidents: [],
  };
  for (let i = 0; i < entries.length; ) {
    const t = (entries[i] as Entry).time;
    let j = i;
    while (j < entries.length && (entries[j] as Entry).time === t) j++;
    const seen = entries.slice(0, j);
    for (const key of new Set(entries.slice(i, j).map((e) => e.cause.key))) {
      judgeAt(
        p,
        key,
        seen.filter((e) => e.cause.key === key),
        t,
      );
    }
    i = j;
  }
  return p.incidents.map((x) => ({
    key: x.key,
    ids: x.members.map((e) => e.id),
    basis: x.basis,
    expected: Math.round(x.expected * 10_000) / 10_000,
    peakCount: x.peak,
  }));
}

describe('the ids the burst rule remembers', () => {
  const SECOND = 1_000;
  const burst = (bursts: BurstRule, start: number, at: number): Building[] => [
    ...bursts.add(entry(start, at, 'A')),
    ...bursts.add(entry(start + 1, at + 10, 'A')),
  ];

  it('numbers a second incident of a cause that begins in the same second', () => {
    // A 100 ms window: two bursts of two complaints half a second apart are two incidents.
    const bursts = new BurstRule({ window: 100, baseline: 0, minCount: 2 });
    const found = [
      ...burst(bursts, 0, T0),
      ...burst(bursts, 2, T0 + 500),
      ...burst(bursts, 4, T0 + 5 * SECOND),
    ];
    const ids = [...found, ...bursts.finish()].map((x) => x.final?.id);
    expect(ids).toEqual(['inc-20260301T000000Z-A', 'inc-20260301T000000Z-A-2', 'inc-20260301T000005Z-A']);
  });

  it('lets go of the ids of incidents that can no longer be repeated', () => {
    // An incident a day for 300 days: `BurstRule` used to keep all 300 ids.
    const bursts = new BurstRule({ window: '1h', baseline: 0, minCount: 2 });
    let incidents = 0;
    let most = 0;
    for (let day = 0; day < 300; day++) {
      incidents += burst(bursts, day * 2, T0 + day * DAY).length;
      most = Math.max(most, bursts.held().ids);
    }
    expect(incidents).toBeGreaterThanOrEqual(299);
    expect(most).toBeLessThanOrEqual(2);
  });
});

describe('BurstRule against the burst rule computed the plain way', () => {
  it('finds the same incidents, members, basis, expected count and peak', () => {
    const complaint = fc.record({
      key: fc.constantFrom('A', 'B', 'C'),
      // Spread over ten days, or in bursts of a few hours on three of them; whole hours often, so that
      // complaints fall exactly on the edges of windows and baselines.
      minutes: fc.oneof(
        fc.integer({ min: 0, max: 10 * 24 * 60 }),
        fc.integer({ min: 0, max: 10 * 24 }).map((h) => h * 60),
        fc.constantFrom(3, 4, 5).chain((day) => fc.integer({ min: day * 1440, max: day * 1440 + 240 })),
      ),
    });
    const options = fc.record({
      window: fc.constantFrom('2h', '6h', '1d'),
      baseline: fc.constantFrom(0, '12h', '2d', '4d'),
      minCount: fc.integer({ min: 2, max: 6 }),
      ratio: fc.constantFrom(1, 2, 4),
    });
    fc.assert(
      fc.property(fc.array(complaint, { minLength: 20, maxLength: 400 }), options, (list, opts) => {
        const make = () => list.map((c, i) => entry(i, T0 + c.minutes * 60_000, c.key));
        const found = runEntries(make(), opts).map((x) => ({
          key: x.cause.key,
          ids: [...x.complaintIds],
          basis: x.basis,
          expected: x.expected,
          peakCount: x.peakCount,
        }));
        const expected = reference(make(), opts);
        const order = (xs: { ids: string[] }[]) =>
          [...xs].sort((a, b) => (a.ids.join() < b.ids.join() ? -1 : 1));
        expect(order(found)).toEqual(order(expected));
      }),
      fcParams(300),
    );
  });
});
