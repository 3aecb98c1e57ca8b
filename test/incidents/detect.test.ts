import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIncidentDetector, detectIncidents, type Incident } from '../../src/incidents/index';
import type { IncidentOptions } from '../../src/index';
import { durationMs } from '../../src/time/duration';
import { redressErrorOf } from '../helpers';
import { fcParams } from '../seed';

const T0 = Date.parse('2026-03-10T00:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

let next = 0;
/** A complaint about `sku` (wrong item by default) received `minutes` after T0. */
function at(minutes: number, extra: { sku?: string; category?: string; id?: string; public?: boolean } = {}) {
  return {
    id: extra.id ?? `c-${String(next++).padStart(5, '0')}`,
    receivedAt: new Date(T0 + minutes * MIN).toISOString(),
    category: extra.category ?? 'wrong_item',
    order: { items: [{ sku: extra.sku ?? 'SHOE-42', quantity: 1, unitPrice: 50 }] },
    ...(extra.public ? { exposure: { public: true } } : {}),
  };
}

const hourly: IncidentOptions = { window: '1h', baseline: '10h', minCount: 4, ratio: 4 };

/** A complaint of an unrelated cause ten hours before T0: the input then has a full baseline of history. */
const dawn = () => at(-600, { sku: 'OTHER', id: 'dawn' });
const withHistory = <T>(list: T[]) => [dawn(), ...list];

describe('the burst threshold', () => {
  it('flags exactly minCount complaints of one cause in a window, and not one fewer', () => {
    const four = [0, 10, 20, 30].map((m) => at(m));
    expect(detectIncidents(withHistory(four), hourly)).toHaveLength(1);
    expect(detectIncidents(withHistory(four.slice(1)), hourly)).toEqual([]);
  });

  it('counts a complaint exactly one window before the last as outside the window', () => {
    // The window ending at 60 min is (0, 60]: the complaint at 0 is out, one a millisecond later is in.
    const times = (first: number) => withHistory([first, 20, 40, 60].map((m) => at(m)));
    expect(detectIncidents(times(0), hourly)).toEqual([]);
    expect(detectIncidents(times(1 / 60_000), hourly)).toHaveLength(1);
  });

  it('needs ratio × the usual count: a burst at exactly four times the baseline, none just below', () => {
    // Ten quiet complaints over the ten hours before the window: one per window is usual.
    const baseline = Array.from({ length: 10 }, (_, h) => at(h * 60 + 30));
    const burst = (n: number) => Array.from({ length: n }, (_, k) => at(600 + 10 * (k + 1)));
    const [incident] = detectIncidents(withHistory([...baseline, ...burst(4)]), hourly);
    expect(incident).toMatchObject({ basis: 'ratio', count: 4, expected: 1, peakCount: 4, growth: 4 });
    expect(detectIncidents(withHistory([...baseline, ...burst(3)]), { ...hourly, minCount: 3 })).toEqual([]);
  });

  it('judges by minCount alone before there is a window of history (a day’s export), by the rate after', () => {
    const rush = Array.from({ length: 10 }, (_, k) => at(k * 5));
    // No history at all: ten in 45 minutes are a burst by their count.
    const [alone] = detectIncidents(rush, hourly);
    expect(alone).toMatchObject({ basis: 'minCount', count: 10, expected: 0, growth: null });
    expect(detectIncidents(rush.slice(0, 3), hourly)).toEqual([]);
    expect(detectIncidents(rush, { ...hourly, baseline: 0 })).toEqual([alone]);
    expect(detectIncidents(withHistory(rush), hourly)[0]).toMatchObject({ basis: 'ratio', count: 10 });
    // History is measured from the first complaint of any cause: exactly one window of it brings the
    // ratio rule. The window ending at the fourth complaint (15 min) starts at −45 min; a window of
    // history reaches back to −105 min. Against a usual 3 an hour, four are no burst by the rate.
    const usual = (first: number) => [
      at(first, { sku: 'OTHER' }),
      ...[-60, -55, -50].map((m) => at(m)),
      ...rush.slice(0, 4),
    ];
    expect(detectIncidents(usual(-105), hourly)).toEqual([]);
    // One minute less of history: the rate is unknown, and the count decides.
    expect(detectIncidents(usual(-104), hourly).map((i) => [i.basis, i.count])).toEqual([['minCount', 4]]);
  });

  it('judges by minCount alone with a zero baseline', () => {
    const steady = Array.from({ length: 40 }, (_, k) => at(k * 15));
    // Four an hour, every hour: with no baseline every full window is a burst.
    const [incident] = detectIncidents(steady, { ...hourly, baseline: 0 });
    expect(incident).toMatchObject({ basis: 'minCount', count: 40, expected: 0, peakCount: 4, growth: null });
  });

  it('does not flag a cause at its steady rate, and does flag a spike above it', () => {
    const steady = Array.from({ length: 7 * 24 * 2 }, (_, k) => at(k * 30, { sku: 'MUG' }));
    const options = { window: '1h', baseline: '24h', minCount: 5, ratio: 4 };
    expect(detectIncidents(steady, options)).toEqual([]);
    const spike = Array.from({ length: 8 }, (_, k) => at(5 * 24 * 60 + 3 + k * 5, { sku: 'MUG' }));
    const [incident] = detectIncidents([...steady, ...spike], options);
    expect(incident).toMatchObject({
      cause: { key: 'wrong_item:sku:MUG' },
      expected: 2,
      peakCount: 10,
      growth: 5,
    });
  });

  it('keeps a long incident from becoming its own usual rate', () => {
    // One every two hours for a day, then ten an hour for three days against a one-day baseline: the
    // flood's complaints never count as "usual", so it stays one incident to its end.
    const quiet = Array.from({ length: 12 }, (_, k) => at(k * 120));
    const flood = Array.from({ length: 3 * 24 * 10 }, (_, k) => at(24 * 60 + k * 6));
    const options = { window: '1h', baseline: '24h', minCount: 5, ratio: 4 };
    const incidents = detectIncidents([...quiet, ...flood], options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.count).toBe(flood.length);
    // Twelve quiet complaints in the 23.4 hours of history before the first burst window.
    expect(incidents[0]?.expected).toBeCloseTo(12 / 23.4, 3);
  });
});

describe('overlapping windows and ties', () => {
  it('merges burst windows that share a complaint into one incident', () => {
    const first = [0, 1, 2].map((m) => at(m));
    const second = [61, 61.5, 62].map((m) => at(m));
    const incidents = detectIncidents(withHistory([...first, ...second]), { ...hourly, minCount: 3 });
    expect(incidents.map((i) => i.count)).toEqual([6]);
    expect(incidents[0]?.lastAt).toBe(new Date(T0 + 62 * MIN).toISOString());
  });

  it('keeps burst windows apart when the later starts where the earlier ended', () => {
    const first = [0, 1, 2].map((m) => at(m));
    const second = [62, 63, 64].map((m) => at(m));
    const incidents = detectIncidents(withHistory([...first, ...second]), { ...hourly, minCount: 3 });
    expect(incidents.map((i) => [i.count, i.firstAt])).toEqual([
      [3, new Date(T0).toISOString()],
      [3, new Date(T0 + 62 * MIN).toISOString()],
    ]);
    expect(new Set(incidents.map((i) => i.id)).size).toBe(2);
  });

  it('judges complaints at the same instant together: all of them in, whatever their order', () => {
    const same = ['c-b', 'c-c', 'c-a'].map((id) => at(30, { id }));
    const [incident] = detectIncidents(withHistory([at(0, { id: 'c-z' }), ...same]), hourly);
    expect(incident?.complaintIds).toEqual(['c-z', 'c-a', 'c-b', 'c-c']);
    expect(incident?.detectedAt).toBe(new Date(T0 + 30 * MIN).toISOString());
  });

  it('keeps two causes apart, and orders incidents by their first complaint, then cause', () => {
    const shoes = [5, 6, 7, 8].map((m) => at(m, { sku: 'SHOE' }));
    const bags = [5, 9, 10, 11].map((m) => at(m, { sku: 'BAG' }));
    const incidents = detectIncidents(withHistory([...shoes, ...bags]), hourly);
    expect(incidents.map((i) => i.cause.sku)).toEqual(['BAG', 'SHOE']);
  });

  it('gives the same incidents for any order of the same complaints, and streaming gives them too', () => {
    // Clusters of complaints 90 minutes apart, each up to half an hour wide.
    const times = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 })).map(([c, m]) => c * 90 + m),
      { minLength: 10, maxLength: 40 },
    );
    let found = 0;
    fc.assert(
      fc.property(times, fc.context(), (minutes, ctx) => {
        // Few ids, so that equal times and equal ids both occur.
        const complaints = minutes.map((m, k) =>
          at(m, { id: `c-${k % 7}`, sku: k % 3 === 0 ? 'A' : 'B', public: k % 4 === 0 }),
        );
        const options = { window: '1h', baseline: '2h', minCount: 3, ratio: 1.5 };
        const expected = detectIncidents(complaints, options);
        ctx.log(JSON.stringify(expected));
        found += expected.length;
        expect(detectIncidents([...complaints].reverse(), options)).toEqual(expected);
        const detector = createIncidentDetector(options);
        const inTimeOrder = [...complaints].sort((a, b) =>
          a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0,
        );
        const streamed = inTimeOrder.flatMap((c) => detector.push(c));
        streamed.push(...detector.finish());
        expect(
          [...streamed].sort((a, b) => a.firstAt.localeCompare(b.firstAt) || a.id.localeCompare(b.id)),
        ).toEqual(expected);
      }),
      fcParams(60),
    );
    expect(found).toBeGreaterThan(10);
  });
});

describe('what an incident reports', () => {
  it('gives id, cause, first and last time, count, growth, public share and the complaint ids', () => {
    const complaints = [0, 10, 20, 30, 40].map((m, k) => at(m, { id: `w-${k}`, public: k < 2 }));
    expect(detectIncidents(withHistory(complaints), hourly)).toEqual<Incident[]>([
      {
        id: 'inc-20260310T000000Z-wrong_item:sku:SHOE-42',
        cause: {
          key: 'wrong_item:sku:SHOE-42',
          category: 'wrong_item',
          sku: 'SHOE-42',
          family: null,
          service: null,
          carrier: null,
        },
        firstAt: '2026-03-10T00:00:00.000Z',
        lastAt: '2026-03-10T00:40:00.000Z',
        detectedAt: '2026-03-10T00:30:00.000Z',
        basis: 'ratio',
        count: 5,
        expected: 0,
        peakCount: 5,
        growth: null,
        publicCount: 2,
        publicShare: 0.4,
        complaintIds: ['w-0', 'w-1', 'w-2', 'w-3', 'w-4'],
      },
    ]);
  });

  it('finds the cause: product for item problems, service for services, carrier for late deliveries', () => {
    const base = { receivedAt: '2026-03-10T10:00:00+03:00' };
    const complaints = [
      // The affected line with the most value at stake is the product; when lines say which are
      // affected, the others (AAA) do not count.
      {
        ...base,
        id: 'a',
        category: 'damaged_item',
        order: {
          items: [
            { sku: 'AAA', quantity: 1, unitPrice: 500 },
            { sku: 'CHEAP', quantity: 3, unitPrice: 5, affectedQuantity: 3 },
            { sku: 'DEAR', quantity: 1, unitPrice: 50, affectedQuantity: 1 },
          ],
        },
      },
      { ...base, id: 'b', category: 'service_outage', subscription: { plan: 'Plus' } },
      {
        ...base,
        id: 'c',
        category: 'late_delivery',
        order: { items: [{ sku: 'X', quantity: 1, unitPrice: 5 }] },
      },
    ];
    const all = [...complaints, ...complaints.map((c) => ({ ...c, id: `${c.id}2` }))];
    expect(
      detectIncidents(all, { minCount: 2, baseline: 0 }).map((i) => [
        i.cause.key,
        i.cause.sku,
        i.cause.service,
      ]),
    ).toEqual([
      ['damaged_item:sku:DEAR', 'DEAR', null],
      ['late_delivery', null, null],
      // A plan without its service: the category alone (plans of one service are one cause).
      ['service_outage', null, null],
    ]);
    expect(
      detectIncidents(all, { minCount: 2, baseline: 0, groupBy: 'category' }).map((i) => i.cause.key),
    ).toEqual(['damaged_item', 'late_delivery', 'service_outage']);
    expect(
      detectIncidents(all, {
        minCount: 4,
        baseline: 0,
        groupBy: (c) => (c.id.startsWith('c') ? null : 'x'),
      }).map((i) => [i.cause, i.count]),
    ).toEqual([[{ key: 'x', category: null, sku: null, family: null, service: null, carrier: null }, 4]]);
  });
});

describe('the cause is what failed', () => {
  const base = { receivedAt: '2026-03-10T10:00:00Z' };
  const causes = (complaints: readonly object[], options: IncidentOptions = {}) =>
    detectIncidents(complaints, { minCount: 2, baseline: 0, ...options }).map((i) => [
      i.cause.key,
      i.complaintIds,
    ]);

  it('groups an outage by service across its plans', () => {
    const outage = (id: string, plan: string, service?: string) => ({
      ...base,
      id,
      category: 'service_outage',
      subscription: { plan, ...(service ? { service } : {}) },
    });
    const complaints = [
      outage('plus-1', 'Plus', 'Streaming'),
      outage('family-1', 'Family', 'Streaming'),
      outage('music-1', 'Plus', 'Music'),
      outage('music-2', 'Student', 'Music'),
    ];
    expect(causes(complaints)).toEqual([
      ['service_outage:service:Music', ['music-1', 'music-2']],
      ['service_outage:service:Streaming', ['family-1', 'plus-1']],
    ]);
    const [streaming] = detectIncidents(complaints.slice(0, 2), { minCount: 2, baseline: 0 });
    expect(streaming?.cause).toEqual({
      key: 'service_outage:service:Streaming',
      category: 'service_outage',
      sku: null,
      family: null,
      service: 'Streaming',
      carrier: null,
    });
  });

  it('groups a product failure by SKU, or by the family when the line names one', () => {
    const item = (id: string, sku: string, family?: string) => ({
      ...base,
      id,
      category: 'damaged_item',
      order: { items: [{ sku, quantity: 1, unitPrice: 40, ...(family ? { family } : {}) }] },
    });
    expect(
      causes([
        item('a', 'RUN-40'),
        item('b', 'RUN-40'),
        item('c', 'RUN-41'),
        item('d', 'TRAIL-40', 'TRAIL'),
        item('e', 'TRAIL-44', 'TRAIL'),
      ]),
    ).toEqual([
      ['damaged_item:family:TRAIL', ['d', 'e']],
      ['damaged_item:sku:RUN-40', ['a', 'b']],
    ]);
  });

  it('groups late deliveries by carrier, and by category alone when no carrier is given', () => {
    const late = (id: string, carrier?: string) => ({
      ...base,
      id,
      category: 'late_delivery',
      order: { items: [{ sku: `SKU-${id}`, quantity: 1, unitPrice: 10 }], ...(carrier ? { carrier } : {}) },
    });
    const complaints = [late('a', 'DHL'), late('b', 'DHL'), late('c', 'UPS'), late('d'), late('e')];
    expect(causes(complaints)).toEqual([
      ['late_delivery', ['d', 'e']],
      ['late_delivery:carrier:DHL', ['a', 'b']],
    ]);
    expect(detectIncidents(complaints, { minCount: 2, baseline: 0 })[1]?.cause.carrier).toBe('DHL');
    // The grouping stays the caller's to choose.
    expect(causes(complaints, { groupBy: 'category' })).toEqual([
      ['late_delivery', ['a', 'b', 'c', 'd', 'e']],
    ]);
  });

  it('checks the new fields by the complaint schema’s rules', () => {
    const bad = { ...base, id: 'x', category: 'late_delivery', order: { items: [], carrier: '  ' } };
    expect(redressErrorOf(() => detectIncidents([bad])).pointer).toBe('/0/order/carrier');
  });
});

describe('streaming', () => {
  it('gives exactly what detectIncidents gives, each incident once no later complaint can join it', () => {
    const complaints = [
      dawn(),
      ...[0, 1, 2, 3].map((m) => at(m, { sku: 'A' })),
      ...[30, 31, 32, 33].map((m) => at(m, { sku: 'B' })),
      at(63, { sku: 'C' }), // exactly one window after A's last burst: A can no longer grow
      at(200, { sku: 'C' }),
    ];
    const detector = createIncidentDetector(hourly);
    const closedAt: [string, string][] = [];
    for (const complaint of complaints) {
      for (const incident of detector.push(complaint))
        closedAt.push([incident.cause.sku ?? '', complaint.id]);
    }
    const rest = detector.finish();
    expect(closedAt).toEqual([
      ['A', complaints[9]?.id],
      ['B', complaints[10]?.id],
    ]);
    expect(rest).toEqual([]);
    expect(detectIncidents(complaints, hourly).map((i) => i.cause.sku)).toEqual(['A', 'B']);
  });

  it('refuses a complaint earlier than the one before it, naming it', () => {
    const detector = createIncidentDetector(hourly);
    detector.push(at(10, { id: 'late' }));
    const error = redressErrorOf(() => detector.push(at(5, { id: 'early' })));
    expect(error.code).toBe('INVALID_COMPLAINT');
    expect(error.issues[0]).toMatchObject({ code: 'out_of_order', pointer: '/1/receivedAt' });
    expect(error.message).toMatch(/"early" is earlier/);
  });
});

describe('bad input', () => {
  it('refuses bad options with INVALID_OPTIONS and the option’s name', () => {
    const cases: [IncidentOptions | Record<string, unknown>, string][] = [
      [{ window: '1 month' }, '/window'],
      [{ window: 0 }, '/window'],
      [{ baseline: 'P1M' }, '/baseline'],
      [{ minCount: 1 }, '/minCount'],
      [{ ratio: 0.5 }, '/ratio'],
      [{ groupBy: 'sku' }, '/groupBy'],
      [{ windw: '1h' }, ''],
    ];
    for (const [options, pointer] of cases) {
      const error = redressErrorOf(() => detectIncidents([], options as IncidentOptions));
      expect(error.code, JSON.stringify(options)).toBe('INVALID_OPTIONS');
      expect(error.pointer, JSON.stringify(options)).toBe(pointer);
    }
  });

  it('refuses bad complaints with INVALID_COMPLAINT naming every bad field by index', () => {
    const error = redressErrorOf(() =>
      detectIncidents([
        at(0),
        { id: 'x', receivedAt: '2026-03-10T10:00:00', category: 'wrong_item' },
        { id: '', receivedAt: '2026-03-10T10:00:00Z', category: 'broken' },
        {
          id: 'y',
          receivedAt: '2026-03-10T10:00:00Z',
          category: 'wrong_item',
          order: { items: [{ sku: 1 }] },
        },
      ]),
    );
    expect(error.code).toBe('INVALID_COMPLAINT');
    expect(error.issues.map((i) => i.pointer)).toEqual([
      '/1/receivedAt',
      '/2/id',
      '/2/category',
      '/3/order/items/0/sku',
      '/3/order/items/0/quantity',
      '/3/order/items/0/unitPrice',
    ]);
  });
});

describe('durations', () => {
  it('reads milliseconds, a number with a unit, and fixed-length ISO 8601 durations', () => {
    expect(durationMs(90_000)).toBe(90_000);
    expect(durationMs('90m')).toBe(90 * MIN);
    expect(durationMs('24h')).toBe(24 * HOUR);
    expect(durationMs('2d')).toBe(48 * HOUR);
    expect(durationMs('1w')).toBe(7 * 24 * HOUR);
    expect(durationMs('PT1H30M')).toBe(90 * MIN);
    expect(durationMs('P1DT12H')).toBe(36 * HOUR);
    expect(durationMs('pt45s')).toBe(45_000);
  });

  it('refuses calendar lengths, negatives and nonsense', () => {
    for (const bad of [
      'P1M',
      'P1Y',
      'P',
      'P1DT',
      '-1h',
      '1 month',
      '',
      Number.NaN,
      -5,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(durationMs(bad), String(bad)).toBeUndefined();
    }
  });
});
