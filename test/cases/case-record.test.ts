import { describe, expect, it } from 'vitest';
import type { OpenCaseRecord } from '../../src/cases/case-book';
import { fromOpened, linkOf, record, toOpened } from '../../src/cases/case-record';
import type { Decided } from '../../src/recommend/recommendation';

/** A recommendation as `record` reads it: its remedies' kinds, types and costs, and its currency. */
const giving = (...remedies: [kind: 'restitution' | 'goodwill', type: string, cost?: number][]) =>
  ({
    currency: 'EUR',
    remedies: remedies.map(([kind, type, cost]) => ({ kind, type, estimatedCost: cost ?? 0 })),
  }) as unknown as Decided;

const fresh = (id: string): OpenCaseRecord =>
  fromOpened({ id, openedAt: 0, owner: 'desk', restitution: [], goodwillMinor: 0 });

describe('an open case record', () => {
  it('keeps the restitution types in the order first given, each once, and adds up the goodwill', () => {
    const open = fresh('c-1');
    record(open, giving(['restitution', 'replacement'], ['goodwill', 'voucher', 5]));
    record(
      open,
      giving(['restitution', 'refund'], ['restitution', 'replacement'], ['goodwill', 'voucher', 2.5]),
    );
    expect(linkOf(open)).toEqual({
      caseId: 'c-1',
      owner: 'desk',
      restitutionGiven: ['replacement', 'refund'],
      goodwillGivenMinor: 750,
    });
  });

  it('shares one frozen list between the cases that gave the same (a case book holds 100,000 of them)', () => {
    const cases = Array.from({ length: 1000 }, (_, i) => fresh(`c-${i}`));
    for (const open of cases) record(open, giving(['restitution', 'replacement'], ['restitution', 'refund']));
    expect(new Set(cases.map((c) => c.restitution)).size).toBe(1);
    expect(Object.isFrozen(cases[0]?.restitution)).toBe(true);
    // Giving more replaces a case's list; the others keep theirs.
    const first = cases[0] as OpenCaseRecord;
    record(first, giving(['restitution', 'resend']));
    expect(first.restitution).toEqual(['replacement', 'refund', 'resend']);
    expect(cases[1]?.restitution).toEqual(['replacement', 'refund']);
    // A case that crossed from a worker thread shares the list too.
    expect(fromOpened(toOpened(cases[2] as OpenCaseRecord)).restitution).toBe(cases[1]?.restitution);
    expect(fresh('c-x').restitution).toBe(fresh('c-y').restitution);
  });

  it('comes back from a worker thread as it left, with the owner string given in place of its own', () => {
    const crossed = { id: 'c-1', openedAt: 5, owner: 'desk', restitution: ['refund'], goodwillMinor: 250 };
    expect(fromOpened(crossed)).toEqual(crossed);
    const shared = 'shared desk';
    const open = fromOpened(crossed, shared);
    expect(open).toEqual({ ...crossed, owner: shared });
    expect(Object.keys(open)).toEqual(Object.keys(crossed));
  });
});
