import { describe, expect, it } from 'vitest';
import { CaseBook, MAX_OPEN_CASES, type OpenCaseRecord } from '../../src/cases/case-book';
import { windowMs } from '../../src/cases/case-key';
import { recommendLinked } from '../../src/cases/linked-batch';
import type { Complaint } from '../../src/complaint/schema';
import { resolveLimits } from '../../src/input/limits';
import { createPipeline } from '../../src/recommend/pipeline';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { loadRuleSet } from '../../src/rules/ruleset';
import { DAY_MS } from '../../src/time/utc-calendar';
import { complaint } from '../complaint-builder';

const open = (id: string, openedAt: number) => ({
  id,
  openedAt,
  owner: 'desk',
  restitution: [] as readonly string[],
  goodwillMinor: 0,
});

describe('the case book: cases in columns, not objects', () => {
  it('copies a case into its columns: the record it was given is not what it holds', () => {
    const book = new CaseBook(windowMs(3));
    const at = Date.UTC(2026, 2, 10);
    const given = { ...open('c-1', at), restitution: ['refund'] as readonly string[], goodwillMinor: 500 };
    book.open('k', given);
    given.goodwillMinor = 9_999;
    given.restitution = ['resend'];
    const held = book.find('k', at);
    expect(held).not.toBe(given);
    expect(held).toMatchObject({ id: 'c-1', openedAt: at, owner: 'desk', goodwillMinor: 500 });
    expect(held?.restitution).toEqual(['refund']);
  });

  it('what is added to a case found is added to the case held', () => {
    const book = new CaseBook(windowMs(3));
    const at = Date.UTC(2026, 2, 10);
    book.open('k', open('c-1', at));
    const found = book.find('k', at) as OpenCaseRecord;
    found.goodwillMinor += 250;
    found.restitution = ['refund'];
    expect(book.find('k', at + 1)).toMatchObject({ id: 'c-1', goodwillMinor: 250, restitution: ['refund'] });
  });

  it('a view of a case forgotten, its slot taken by another, throws rather than change the other case', () => {
    const book = new CaseBook(windowMs(3));
    const at = Date.UTC(2026, 2, 10);
    book.open('a', open('c-a', at));
    const a = book.find('a', at) as OpenCaseRecord;
    // The clock moves more than two windows past 'a': it is forgotten, and the next case takes its slot.
    const later = at + 7 * DAY_MS;
    expect(book.find('b', later)).toBeUndefined();
    book.open('b', open('c-b', later));
    expect(() => {
      a.goodwillMinor += 1;
    }).toThrow(/forgotten/);
    expect(book.find('b', later)?.goodwillMinor).toBe(0);
  });

  it("100,000 cases of the replay's shape take at most 150 bytes each, keys and ids included, counted", () => {
    // Keys as `caseKey` makes them (about 50 characters), ids as the generated complaints have them;
    // two of three cases gave something. An object, a Map entry and two strings took about 260 bytes.
    const book = new CaseBook(windowMs(30));
    const at = Date.UTC(2026, 2, 10);
    for (let i = 0; i < MAX_OPEN_CASES; i++) {
      const n = String(i).padStart(6, '0');
      const key = JSON.stringify([`u-${n}`, 'order', `o-${n}`, 'late_delivery', 'EUR']);
      book.open(key, { ...open(`c-${n}`, at + i), goodwillMinor: (i % 3) * 500 });
    }
    expect(book.size).toBe(MAX_OPEN_CASES);
    expect(book.byteLength / book.size).toBeLessThanOrEqual(150);
    const key = JSON.stringify(['u-012345', 'order', 'o-012345', 'late_delivery', 'EUR']);
    expect(book.find(key, at)).toMatchObject({ id: 'c-012345', goodwillMinor: 0, openedAt: at + 12_345 });
  });
});

describe('the case book: memory holds only the cases still inside the window', () => {
  it('over a 1,000,000-complaint stream it holds at most three windows of cases', () => {
    const window = windowMs(3);
    const book = new CaseBook(window);
    const step = 30_000; // a complaint every 30 seconds: 8,640 per 3-day window
    const perWindow = window / step;
    const start = Date.UTC(2026, 0, 1);
    let most = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const at = start + i * step;
      // Every tenth complaint repeats the one 100 before it (one case); the rest are new problems.
      const key = i % 10 === 9 ? `k${i - 100}` : `k${i}`;
      if (!book.find(key, at)) book.open(key, open(key, at));
      most = Math.max(most, book.size);
    }
    // A generous bound: the cases opened in the last two windows, plus one window between sweeps.
    expect(most).toBeLessThanOrEqual(3 * perWindow + 1);
    expect(book.size).toBeLessThanOrEqual(3 * perWindow + 1);
    // …and not far below it either: the cases of the window are really held.
    expect(most).toBeGreaterThan(2 * perWindow * 0.9 * 0.9);
  });

  it('a complaint up to one window behind the latest still finds its case; beyond, the case may be gone', () => {
    const book = new CaseBook(windowMs(3));
    const t0 = Date.UTC(2026, 2, 10);
    book.open('a', open('c-a', t0));
    expect(book.find('b', t0 + 4 * DAY_MS)).toBeUndefined(); // time moves on, 'a' is still held
    expect(book.find('a', t0 + 2 * DAY_MS)?.id).toBe('c-a'); // out of order, within the window
    expect(book.find('b', t0 + 7 * DAY_MS)).toBeUndefined(); // more than two windows past 'a': swept
    expect(book.size).toBe(0);
  });

  it('over a stream far out of time order it holds at most its capacity, counted', () => {
    // The benchmark's stream: complaints spread at random over half a year, so that nearly every one
    // is more than two windows behind the latest complaint read. Once the clock has reached the end of
    // the half year it no longer moves, and a book that forgot cases only as the clock moved held
    // every case ever opened (1,000,000 of them, about 420 MB).
    const window = windowMs(3);
    const capacity = 5_000;
    const book = new CaseBook(window, capacity);
    const start = Date.UTC(2026, 0, 1);
    let seed = 0x5eed;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let most = 0;
    for (let i = 0; i < 200_000; i++) {
      const at = start + Math.floor(random() * 180 * DAY_MS);
      const key = `k${i % 50_000}`;
      if (!book.find(key, at)) book.open(key, open(key, at));
      most = Math.max(most, book.size);
    }
    expect(most).toBeLessThanOrEqual(capacity);
    expect(book.size).toBeGreaterThan(capacity / 2); // and it does hold cases: it is not simply emptied
  });

  it('the default capacity bounds the book by count, never by the number of customers', () => {
    const book = new CaseBook(windowMs(3));
    expect(book.capacity).toBe(MAX_OPEN_CASES);
    const at = Date.UTC(2026, 2, 10);
    let most = 0;
    // Every complaint a new customer, all on one afternoon: every case is inside its window.
    for (let i = 0; i < MAX_OPEN_CASES * 3; i++) {
      const key = `u-${i}`;
      if (!book.find(key, at + i)) book.open(key, open(key, at + i));
      most = Math.max(most, book.size);
    }
    expect(most).toBeLessThanOrEqual(MAX_OPEN_CASES);
  });

  it('when full, it forgets the cases no complaint can join first, then the ones opened first', () => {
    const book = new CaseBook(windowMs(3), 100);
    const t0 = Date.UTC(2026, 2, 10);
    const late = t0 + 30 * DAY_MS;
    for (let i = 0; i < 50; i++) book.open(`now-${i}`, open(`now-${i}`, late + i));
    expect(book.find('probe', late + 60)).toBeUndefined(); // the clock is at `late`
    // A thousand cases from a month earlier, far behind the clock: each may open, none stays long.
    for (let i = 0; i < 1_000; i++) {
      const at = t0 + i;
      if (!book.find(`old-${i}`, at)) book.open(`old-${i}`, open(`old-${i}`, at));
    }
    expect(book.size).toBeLessThanOrEqual(100);
    // Every case inside the window of the latest complaint is still there.
    for (let i = 0; i < 50; i++) expect(book.find(`now-${i}`, late + 60)?.id).toBe(`now-${i}`);
    // Full of cases inside the window: the one opened first goes first.
    for (let i = 50; i < 101; i++) book.open(`now-${i}`, open(`now-${i}`, late + i));
    expect(book.size).toBeLessThanOrEqual(100);
    expect(book.find('now-100', late + 100)?.id).toBe('now-100');
    expect(book.find('now-0', late + 100)).toBeUndefined();
  });

  it('a linked batch holds only the open cases of the window, whatever the stream length', async () => {
    const ruleSet = loadRuleSet(defaultRuleSet);
    const pipeline = createPipeline({
      ruleSet,
      limits: resolveLimits(),
      locale: 'en',
      fallbackLocale: 'en',
      engine: 'compiled',
      trace: 'fired',
    });
    const hourly = function* (): Generator<unknown> {
      for (let i = 0; i < 3_000; i++) {
        const receivedAt = new Date(Date.UTC(2026, 2, 10) + i * 3_600_000).toISOString();
        yield complaint({
          id: `c-${i}`,
          receivedAt,
          customer: { id: `u-${Math.floor(i / 2)}`, since: '2025-03-01' },
        });
      }
    };
    let most = 0;
    let linked = 0;
    for await (const r of recommendLinked(hourly(), {
      run: (c: Complaint, link) => pipeline.run(c, pipeline.callFor(c), undefined, link),
      limits: resolveLimits(),
      windowDays: 3,
      observe: (book) => {
        most = Math.max(most, book.size);
      },
    })) {
      if ('handling' in r && r.handling.mode === 'linked') linked++;
    }
    // One complaint an hour, each customer twice in a row: 1,500 cases in all, each second complaint
    // linked, and the book holds at most the cases opened in three windows (216 hours).
    expect(linked).toBe(1_500);
    expect(most).toBeLessThanOrEqual(216);
  });
});
