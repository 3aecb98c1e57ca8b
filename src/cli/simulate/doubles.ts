/**
 * Numbers written one after the other straight into a `Float64Array`, which grows (doubling) only when
 * a guess of its size falls short. A replay's worker packed each chunk's numbers (about 70 a complaint)
 * into an array grown by `push` and then copied them into a typed array to transfer: the array's
 * regrowths and the copy were garbage of a few times the numbers' size, for every chunk.
 */
export class Doubles {
  private array: Float64Array<ArrayBuffer>;
  private length = 0;

  constructor(capacity: number) {
    this.array = new Float64Array(Math.max(16, capacity));
  }

  /** Writes `value` after the numbers written so far. */
  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Float64Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  /** The numbers written, over the buffer they were written in (transferable, room after them and all). */
  written(): Float64Array<ArrayBuffer> {
    return this.array.subarray(0, this.length);
  }
}
