import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSlots, NO_SLOT } from '../../src/cases/case-slots';
import { fcParams } from '../seed';

/**
 * The book as it was written first, a `Map` in input order of opening: what the slots must do, case
 * for case (the same cases held after every step, the same forgotten when full).
 */
class MapModel {
  readonly cases = new Map<string, number>();
  private latest = Number.NEGATIVE_INFINITY;
  private nextSweep = Number.NEGATIVE_INFINITY;
  constructor(
    private readonly window: number,
    private readonly capacity: number,
  ) {}
  find(key: string, at: number): boolean {
    if (at > this.latest) {
      this.latest = at;
      if (at >= this.nextSweep) {
        this.sweep();
        this.nextSweep = at + Math.max(this.window, 1);
      }
    }
    const opened = this.cases.get(key);
    return opened !== undefined && Math.abs(at - opened) <= this.window;
  }
  open(key: string, at: number): void {
    this.cases.delete(key);
    this.cases.set(key, at);
    if (this.cases.size <= this.capacity) return;
    this.sweep();
    const target = Math.floor(this.capacity * 0.9);
    for (const k of this.cases.keys()) {
      if (this.cases.size <= target) return;
      this.cases.delete(k);
    }
  }
  private sweep(): void {
    for (const [k, at] of this.cases) if (at < this.latest - 2 * this.window) this.cases.delete(k);
  }
}

// Few distinct keys, so that keys come back often (found, reopened, forgotten and taken again), some
// of them not ASCII; times out of order within and beyond the window.
const step = fc.record({
  key: fc.oneof(
    fc.integer({ min: 0, max: 60 }).map((n) => `k${n}`),
    fc.constantFrom('çay', 'چای', '🍵', ''),
  ),
  at: fc.integer({ min: 0, max: 400 }),
  opens: fc.boolean(),
});

describe('case slots: keys to slots in typed arrays', () => {
  it('hold, find and forget exactly the cases a Map in input order holds (property, 200 runs)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 600 }), fc.integer({ min: 1, max: 40 }), (steps, capacity) => {
        const slots = new CaseSlots(50, capacity);
        const model = new MapModel(50, capacity);
        for (const { key, at, opens } of steps) {
          const slot = slots.find(key, at);
          expect(slot !== NO_SLOT).toBe(model.find(key, at));
          if (slot !== NO_SLOT) expect(slots.openedAt(slot)).toBe(model.cases.get(key));
          else if (opens) {
            slots.open(key, at);
            model.open(key, at);
          }
          expect(slots.size).toBe(model.cases.size);
        }
        // Every case the model holds is found where it is, none other: each key's opening time,
        // looked up without moving the clock.
        for (const [key, at] of model.cases) expect(slots.openedAt(slots.find(key, at))).toBe(at);
      }),
      fcParams(200),
    );
  });

  it('a slot freed is taken again: the arrays hold the cases held, not the cases ever opened', () => {
    const slots = new CaseSlots(1_000, 1_000);
    for (let i = 0; i < 100_000; i++) slots.open(`customer-${i}`, i);
    expect(slots.size).toBeLessThanOrEqual(1_000);
    expect(slots.slotCount).toBe(1_001); // grown up to one over the capacity, never past it
    // The latest cases, forgotten last, are all there.
    for (let i = 99_900; i < 100_000; i++) expect(slots.find(`customer-${i}`, i)).not.toBe(NO_SLOT);
  });
});
