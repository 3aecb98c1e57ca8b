import { readLine } from '../batch';
import { isBlank, type RawLine } from '../line-reader';
import type { LineError } from '../line-record';
import type { TextRecord } from './replay-side';

/** A non-blank line: its text to decide, or why it never reaches the rule sets (not UTF-8, too long). */
export type Line =
  | (TextRecord & { readonly bytes: number; readonly failure?: undefined })
  | { readonly line: number; readonly bytes: number; readonly failure: LineError };

/**
 * The non-blank lines of a replay's input, numbered, each with the bytes of the blank lines before it,
 * taken one at a time from batches of lines (`readLineBatches`): `take` answers at once from the batch
 * at hand, and only `next` waits, once a batch. A replay reads a million lines: an async step per line
 * (a generator's promise and microtasks, twice over) was a cost of its own on the calling thread.
 */
export class RecordSource {
  private batch: readonly RawLine[] = [];
  private at = 0;
  /** Bytes of blank lines, counted with the next record. */
  private carried = 0;
  private index = 0;
  /** A record given back (`giveBack`), taken again first. */
  private held: Line | undefined;
  /**
   * The batch being read, shared by every `next` that finds the batch at hand used up: two overlapping
   * calls reading a batch each would see the second replace the first before its rest was taken.
   */
  private refilling: Promise<boolean> | undefined;

  constructor(
    private readonly batches: AsyncIterator<readonly RawLine[]>,
    private readonly maxLineBytes: number,
  ) {}

  /** The next record of the batch at hand, or undefined once it is used up (then `more`). */
  take(): Line | undefined {
    const held = this.held;
    if (held !== undefined) {
      this.held = undefined;
      return held;
    }
    while (this.at < this.batch.length) {
      const raw = this.batch[this.at++] as RawLine;
      this.carried += raw.bytes;
      if ('text' in raw && isBlank(raw.text)) continue;
      const bytes = this.carried;
      this.carried = 0;
      if ('problem' in raw)
        return { line: raw.line, bytes, failure: readLine(raw, this.maxLineBytes).failure as LineError };
      return { line: raw.line, index: this.index++, text: raw.text, bytes };
    }
    return undefined;
  }

  /** `line`, just taken, to be taken again next (the replay looks ahead to see whether input is left). */
  giveBack(line: Line): void {
    this.held = line;
  }

  /** The next record, waiting for the next batch when the one at hand is used up; undefined at the end. */
  async next(): Promise<Line | undefined> {
    for (;;) {
      const line = this.take();
      if (line !== undefined) return line;
      if (!(await this.refill())) return undefined;
    }
  }

  /** Reads the next batch into `batch`, once for every caller waiting on it; false at the end. */
  private refill(): Promise<boolean> {
    this.refilling ??= this.batches
      .next()
      .then((step) => {
        if (step.done) return false;
        this.batch = step.value;
        this.at = 0;
        return true;
      })
      .finally(() => {
        this.refilling = undefined;
      });
    return this.refilling;
  }
}
