import type { OpenCaseRecord } from './open-case-record';

/** What a case book keeps of each case, by slot, for the view of one case. */
export interface CaseColumns {
  /** Throws when the case in `slot` is no longer the one `stamp` was taken from. */
  check(slot: number, stamp: number): void;
  id(slot: number): string;
  openedAt(slot: number): number;
  owner(slot: number): string;
  restitution(slot: number): readonly string[];
  goodwillMinor(slot: number): number;
  give(slot: number, restitution: readonly string[], goodwillMinor: number): void;
}

/**
 * One open case of a case book, read from and written to the book's columns: what `find` hands out,
 * so that `record` adds to the case where it is held. It is good only while its case is held: a case
 * forgotten frees its slot for another, and a view of it then throws rather than read or change the
 * other case (a batch finds, recommends and records one complaint at a time, so it never happens).
 */
export class BookedCase implements OpenCaseRecord {
  constructor(
    private readonly columns: CaseColumns,
    private readonly slot: number,
    private readonly stamp: number,
  ) {}

  get id(): string {
    return this.read().id(this.slot);
  }

  get openedAt(): number {
    return this.read().openedAt(this.slot);
  }

  get owner(): string {
    return this.read().owner(this.slot);
  }

  get restitution(): readonly string[] {
    return this.read().restitution(this.slot);
  }

  set restitution(types: readonly string[]) {
    this.read().give(this.slot, types, this.goodwillMinor);
  }

  get goodwillMinor(): number {
    return this.read().goodwillMinor(this.slot);
  }

  set goodwillMinor(minor: number) {
    this.read().give(this.slot, this.restitution, minor);
  }

  private read(): CaseColumns {
    this.columns.check(this.slot, this.stamp);
    return this.columns;
  }
}
