type Typed = Float64Array | Uint32Array | Uint8Array;
type TypedConstructor<T extends Typed> = new (length: number) => T;

/** Values a block holds: 2^16, so that a value's block and place are a shift and a mask. */
const BLOCK_BITS = 16;
/** Values in a full block. */
export const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;
/** The first block's size: a small input takes little room. */
const FIRST = 1024;

/**
 * A column of numbers that grows a block at a time and never copies what it holds (but the first
 * block's, while it is still small). An array that doubles copies all it holds each time, and keeps
 * the old copy until a full collection: about half of its room again, spare, at the moment it grows.
 * A replay of a million complaints kept its incident columns this way, and its peak memory came there.
 */
export class BlockColumn<T extends Typed> {
  private readonly blocks: T[];

  constructor(private readonly Make: TypedConstructor<T>) {
    this.blocks = [new Make(FIRST)];
  }

  /** The value at `k`, which must have been set. */
  get(k: number): number {
    return (this.blocks[k >>> BLOCK_BITS] as T)[k & MASK] as number;
  }

  /** Sets the value at `k`, making room for it: `k` is at most one past the last value set. */
  set(k: number, value: number): void {
    const b = k >>> BLOCK_BITS;
    let block = this.blocks[b];
    if (block === undefined) {
      block = new this.Make(BLOCK);
      this.blocks.push(block);
    } else if ((k & MASK) >= block.length) {
      // Only the first block is ever shorter than a full one.
      block = firstGrown(block, (k & MASK) + 1, BLOCK);
      this.blocks[b] = block;
    }
    block[k & MASK] = value;
  }

  /** Bytes the blocks take. */
  get byteLength(): number {
    let bytes = 0;
    for (const block of this.blocks) bytes += block.byteLength;
    return bytes;
  }
}

/**
 * A first block grown, doubling, to hold `needed` values (at most `full`), what it held copied: a small
 * input takes little room, and only the first block is ever copied.
 */
export function firstGrown<T extends Typed>(block: T, needed: number, full: number): T {
  let length = block.length * 2;
  while (length < needed && length < full) length *= 2;
  const next = new (block.constructor as TypedConstructor<T>)(Math.min(length, full));
  next.set(block);
  return next;
}
