import { withinWindow } from './case-key';

/** A case a batch has open: who owns it and what it gave so far. */
export interface OpenCaseRecord {
  /** The id of its first complaint (in input order). */
  readonly id: string;
  /** `receivedAt` of that complaint, epoch ms. */
  readonly openedAt: number;
  readonly owner: string;
  /**
   * Restitution types given in the case, in the order they were first given: a frozen list shared by
   * every case that gave the same (see `case-record.ts`), replaced, never changed, as the case gives more.
   */
  restitution: readonly string[];
  /** Goodwill given in the case, in minor units of its currency. */
  goodwillMinor: number;
}

/**
 * The most cases a case book holds (about 260 bytes each: some 26 MB). A stream in time order holds
 * the cases opened in the last two windows, far fewer unless more than 100,000 problems are reported
 * within two windows; a stream far out of time order would otherwise hold every case it ever opened.
 */
export const MAX_OPEN_CASES = 100_000;

/** When full, the book forgets down to this share of its capacity, so that it is not full again at once. */
const REFILL_SHARE = 0.9;

/**
 * The open cases of a batch, by case key, holding only those a complaint can still join, and never more
 * than `capacity` of them. A case is forgotten once the latest complaint seen is more than two windows
 * past its opening: a complaint at most one window behind the latest (out of order within the window)
 * still finds its case; one further behind may open a new case. Memory grows with the cases opened in
 * the last two windows, never with the stream; and when even those are more than `capacity`, the book
 * forgets first the cases no complaint can join any more, then those opened first in input order.
 */
export class CaseBook<R extends { readonly openedAt: number } = OpenCaseRecord> {
  /** In input order of opening: a key opened again moves to the end. */
  private readonly cases = new Map<string, R>();
  private latest = Number.NEGATIVE_INFINITY;
  private nextSweep = Number.NEGATIVE_INFINITY;

  /**
   * @param window the case window in ms (`policy.caseWindowDays`).
   * @param capacity the most cases held at once.
   */
  constructor(
    private readonly window: number,
    readonly capacity: number = MAX_OPEN_CASES,
  ) {}

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
    this.cases.delete(key);
    this.cases.set(key, record);
    if (this.cases.size > this.capacity) this.makeRoom();
  }

  /** Complaints older than this cannot join a case opened before it. */
  private get horizon(): number {
    return this.latest - 2 * this.window;
  }

  /** Moves the clock to the latest complaint seen, forgetting cases no complaint can join any more. */
  private advance(at: number): void {
    if (at <= this.latest) return;
    this.latest = at;
    if (at < this.nextSweep) return;
    // Once per window of time: each sweep is linear in the cases held, so the cost per complaint is
    // constant on average.
    this.sweep();
    this.nextSweep = at + Math.max(this.window, 1);
  }

  private sweep(): void {
    const horizon = this.horizon;
    for (const [key, open] of this.cases) if (open.openedAt < horizon) this.cases.delete(key);
  }

  /**
   * Full: forgets the cases behind the horizon (those opened out of order far behind the clock, which
   * the sweeps as the clock moves never see again once it stops), then, if that is not enough, those
   * opened first. Down to a share of the capacity, so that the linear sweep is paid once per many
   * cases opened.
   */
  private makeRoom(): void {
    this.sweep();
    const target = Math.floor(this.capacity * REFILL_SHARE);
    for (const key of this.cases.keys()) {
      if (this.cases.size <= target) return;
      this.cases.delete(key);
    }
  }
}
