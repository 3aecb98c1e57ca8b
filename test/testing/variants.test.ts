import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseComplaint } from '../../src/complaint/parse';
import { type ComplaintInput, TONES } from '../../src/complaint/schema';
import { RedressError } from '../../src/errors';
import type { Facts } from '../../src/facts/catalogue';
import { toFacts } from '../../src/facts/to-facts';
import { defaultScoring } from '../../src/scoring/config';
import { complaintArbitrary } from '../../src/testing/complaint-arbitrary';
import { customerValueArbitrary, lowestValueTwin, withCustomerValue } from '../../src/testing/customer-value';
import {
  type HarmChange,
  type HarmChangeKind,
  harmChangeArbitrary,
  worsenHarm,
} from '../../src/testing/harm-change';
import { nonFactChangeArbitrary, withNonFactChange } from '../../src/testing/non-fact-change';
import { fcParams, seed } from '../seed';

const facts = (c: ComplaintInput) => toFacts(parseComplaint(c), defaultScoring).facts;

/** The facts that differ between two complaints' fact records. */
function changedFacts(a: Facts, b: Facts): string[] {
  return (Object.keys(a) as (keyof Facts)[]).filter((k) => a[k] !== b[k]);
}

/**
 * What each harm change may move: the measure itself, and the severity it feeds. An undelivered
 * order's days overdue are its days late.
 */
const MAY_CHANGE: Record<HarmChangeKind, readonly string[]> = {
  daysLate: ['daysLate', 'daysOverdue', 'severity', 'severityBand'],
  public: ['isPublic', 'publicReach', 'severity', 'severityBand'],
  reach: ['publicReach', 'severity', 'severityBand'],
  repeat: ['isRepeat', 'complaints90d', 'severity', 'severityBand'],
  itemsAffected: ['itemsAffected', 'severity', 'severityBand'],
  tone: ['tone', 'severity', 'severityBand'],
};

/** The measure a harm change must make strictly worse. */
const WORSE: Record<HarmChangeKind, (before: Facts, after: Facts) => boolean> = {
  daysLate: (b, a) => a.daysLate > b.daysLate,
  public: (b, a) => a.isPublic && !b.isPublic,
  reach: (b, a) => a.publicReach > b.publicReach,
  repeat: (b, a) => a.complaints90d === b.complaints90d + 1 && a.isRepeat,
  itemsAffected: (b, a) => a.itemsAffected > b.itemsAffected,
  tone: (b, a) => TONES.indexOf(a.tone) > TONES.indexOf(b.tone),
};

describe(`variants of a complaint (seed ${seed})`, () => {
  test('worsenHarm makes exactly the named measure worse, leaves every other fact equal, and keeps the complaint valid', () => {
    const applied = new Set<HarmChangeKind>();
    fc.assert(
      fc.property(complaintArbitrary(), harmChangeArbitrary(), (complaint, change) => {
        const before = JSON.stringify(complaint);
        const worse = worsenHarm(complaint, change);
        expect(JSON.stringify(complaint)).toBe(before);
        if (worse === undefined) return;
        applied.add(change.kind);
        const a = facts(complaint);
        const b = facts(worse);
        expect(WORSE[change.kind](a, b)).toBe(true);
        for (const fact of changedFacts(a, b)) expect(MAY_CHANGE[change.kind]).toContain(fact);
        expect(b.severity).toBeGreaterThanOrEqual(a.severity);
      }),
      fcParams(400),
    );
    expect(applied).toEqual(new Set(Object.keys(MAY_CHANGE)));
  });

  test('worsenHarm says when a change cannot apply', () => {
    const base: ComplaintInput = {
      id: 'c-1',
      receivedAt: '2026-03-10T09:30:00Z',
      channel: 'email',
      category: 'service_outage',
      subscription: { plan: 'basic', monthlyPrice: 10, currency: 'EUR' },
      customer: { id: 'u-1', since: '2025-01-01' },
      tone: 'abusive',
      exposure: { public: true, reach: 100 },
    };
    const cannot: HarmChange[] = [
      { kind: 'daysLate', days: 3 }, // no order to be late
      { kind: 'itemsAffected', units: 1 }, // no order lines
      { kind: 'public', reach: 10 }, // already public
      { kind: 'tone', steps: 1 }, // already abusive
    ];
    for (const change of cannot) expect(worsenHarm(base, change)).toBeUndefined();
    expect(
      worsenHarm({ ...base, exposure: { public: false } }, { kind: 'reach', times: 10 }),
    ).toBeUndefined();
    const wrongItem: ComplaintInput = {
      ...base,
      category: 'wrong_item',
      order: {
        id: 'o-1',
        total: 20,
        currency: 'EUR',
        placedAt: '2026-03-01',
        items: [{ sku: 'A', quantity: 2, unitPrice: 10 }],
      },
    };
    // Without marks every unit of a wrong-item order is affected already.
    expect(worsenHarm(wrongItem, { kind: 'itemsAffected', units: 1 })).toBeUndefined();
  });

  test('worsenHarm moves a promise no earlier than the order, and delivery no later than receipt', () => {
    const c: ComplaintInput = {
      id: 'c-2',
      receivedAt: '2026-03-10T09:30:00Z',
      channel: 'email',
      category: 'late_delivery',
      order: {
        id: 'o-2',
        total: 50,
        currency: 'EUR',
        placedAt: '2026-03-01',
        promisedAt: '2026-03-01',
        deliveredAt: '2026-03-02',
      },
      customer: { id: 'u-2', since: '2025-01-01' },
    };
    const worse = worsenHarm(c, { kind: 'daysLate', days: 30 });
    expect(worse?.order?.promisedAt).toBe('2026-03-01');
    expect(worse?.order?.deliveredAt).toBe('2026-03-10');
    expect(facts(worse as ComplaintInput).daysLate).toBe(9);
  });

  test('harmChangeArbitrary refuses no kinds, or a kind it does not know, with INVALID_OPTIONS', () => {
    expect(() => harmChangeArbitrary([])).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS', path: ['kinds'] }),
    );
    expect(() => harmChangeArbitrary(['tone', 'weather' as HarmChangeKind])).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        path: ['kinds', 1],
        message: expect.stringContaining('unknown harm change "weather"; use some of daysLate, '),
      }),
    );
  });

  test('worsenHarm refuses an invalid complaint with a RedressError naming the field', () => {
    const bad = { id: 'c', receivedAt: 'yesterday' } as unknown as ComplaintInput;
    expect(() => worsenHarm(bad, { kind: 'tone', steps: 1 })).toThrow(RedressError);
  });

  test('withCustomerValue changes only the value facts, never the harm, and keeps the complaint valid', () => {
    const harm: (keyof Facts)[] = ['value', 'valueTier', 'tenureMonths'];
    fc.assert(
      fc.property(complaintArbitrary(), customerValueArbitrary(), (complaint, profile) => {
        const changed = withCustomerValue(complaint, profile);
        const a = toFacts(parseComplaint(complaint), defaultScoring);
        const b = toFacts(parseComplaint(changed), defaultScoring);
        for (const fact of changedFacts(a.facts, b.facts)) expect(harm).toContain(fact);
        expect(b.severity).toEqual(a.severity);
      }),
      fcParams(200),
    );
  });

  test('the lowest-value twin is never worth more than the customer it stands for', () => {
    fc.assert(
      fc.property(complaintArbitrary(), customerValueArbitrary(), (complaint, profile) => {
        const customer = withCustomerValue(complaint, profile);
        expect(facts(lowestValueTwin(customer)).value).toBeLessThanOrEqual(facts(customer).value);
      }),
      fcParams(200),
    );
  });

  test('a customer since a prior complaint keeps that complaint valid when made the lowest-value twin', () => {
    const c: ComplaintInput = {
      id: 'c-3',
      receivedAt: '2026-03-10T09:30:00Z',
      channel: 'chat',
      category: 'missing_item',
      order: {
        id: 'o',
        total: 5,
        currency: 'EUR',
        placedAt: '2026-03-01',
        items: [{ sku: 'A', quantity: 1, unitPrice: 5 }],
      },
      customer: {
        id: 'u',
        since: '2020-01-01',
        lifetimeSpend: 5000,
        orderCount: 50,
        lastOrderAt: '2026-03-01',
        priorComplaints: [{ at: '2026-02-01T10:00:00Z', category: 'late_delivery' }],
      },
    };
    const twin = lowestValueTwin(c);
    expect(twin.customer).toMatchObject({
      since: '2026-02-01T10:00:00.000Z',
      lifetimeSpend: 0,
      orderCount: 0,
    });
    expect(twin.customer.lastOrderAt).toBeUndefined();
    expect(facts(twin).isRepeat).toBe(true);
  });

  test('withNonFactChange never changes a fact', () => {
    fc.assert(
      fc.property(complaintArbitrary(), nonFactChangeArbitrary(), (complaint, change) => {
        const changed = withNonFactChange(complaint, change);
        parseComplaint(changed);
        expect(facts(changed)).toEqual(facts(complaint));
      }),
      fcParams(200),
    );
  });

  test('withNonFactChange sets, removes and keeps fields as asked', () => {
    const c: ComplaintInput = {
      id: 'c',
      receivedAt: '2026-03-10T09:30:00Z',
      channel: 'chat',
      category: 'other',
      subscription: { plan: 'p', monthlyPrice: 1, currency: 'EUR' },
      customer: { id: 'u', since: '2025-01-01', name: 'A', email: 'a@x', region: 'north' },
    };
    const changed = withNonFactChange(c, { name: null, locale: 'fa-IR', attributes: { vip: true } });
    expect(changed.customer).toEqual({
      id: 'u',
      since: '2025-01-01',
      email: 'a@x',
      region: 'north',
      locale: 'fa-IR',
      attributes: { vip: true },
    });
    expect(c.customer.name).toBe('A');
  });
});
