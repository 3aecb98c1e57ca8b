import { withinWindow } from './case-key';

/** A case a batch has open: who owns it and what it gave so far. */
export interface OpenCaseRecord {
  /** The id of its first complaint (in input order). */
  readonly id: string;
  /** `receivedAt` of that complaint, epoch ms. */
  readonly openedAt: number;
  readonly owner: string;
  /** Restitution types given in the case. */
  readonly restitution: Set<string>;
  /** Goodwill given in the case, in minor units of its currency. */
  goodwillMinor: number;
}

/**
 * The open cases of a batch, by case key, holding only those a complaint can still join. A case is
 * forgotten once the latest complaint seen is more than two windows past its opening: a complaint at
 * most one window behind the latest (out of order within the window) still finds its case; one further
 * behind may open a new case. Memory grows with the cases opened in the last two windows, never
 * with the stream.
 */
export class CaseBook<R extends { readonly openedAt: number } = OpenCaseRecord> {
  private readonly cases = new Map<string, R>();
  private latest = Number.NEGATIVE_INFINITY;
  private nextSweep = Number.NEGATIVE_INFINITY;

  /** @param window the case window in ms (`policy.caseWindowDays`). */
  constructor(private readonly window: number) {}

  /** Cases held now. */
  get size(): number {
    return this.cases.size;
  }

  /** The open case a complaint with `key`, received at `at`, belongs to, if any. */
  find(key: string, at: number): R | undefined {
    this.advance(at);
    const open = this.cases.get(key);
    return open && withinWindow(at, open.openedAt, this.window) ? open : undefined;
  }

  /** Opens a case (replacing one of the same key whose window has passed). */
  open(key: string, record: R): void {
    // Re-inserting moves the key to the end, so the map stays roughly in opening order.
    this.cases.delete(key);
    this.cases.set(key, record);
  }

  /** Moves the clock to the latest complaint seen, forgetting cases no complaint can join any more. */
  private advance(at: number): void {
    if (at <= this.latest) return;
    this.latest = at;
    if (at < this.nextSweep) return;
    // Once per window of time: each sweep is linear in the cases held, so the cost per complaint is
    // constant on average.
    const horizon = at - 2 * this.window;
    for (const [key, open] of this.cases) if (open.openedAt < horizon) this.cases.delete(key);
    this.nextSweep = at + Math.max(this.window, 1);
  }
}
