import { BlockColumn, firstGrown } from './block-column';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Bytes a block holds: 1 MiB, so that a byte's block and place are a shift and a mask. */
const BLOCK_BITS = 20;
/** Bytes in a full block. */
export const TEXT_BLOCK = 1 << BLOCK_BITS;
const MASK = TEXT_BLOCK - 1;
/** The first block's size: a small input takes little room. */
const FIRST = 16_384;

/**
 * Texts numbered in the order they are added (complaint ids), one after the other as UTF-8 in blocks
 * of bytes that are never copied once full (see `BlockColumn`), with where each ends. A text may run
 * from the end of one block into the next: each text costs its bytes and four, nothing for the room a
 * block could not give it.
 */
export class BlockTexts {
  private readonly blocks: Uint8Array[] = [new Uint8Array(FIRST)];
  /** Where each text ends, counted over all blocks; it starts where the one before ended. */
  private readonly ends = new BlockColumn(Uint32Array);
  /** Where the next text starts. */
  private end = 0;
  /** Texts added. */
  length = 0;

  /** Adds `text`; it is numbered `length` before the call. */
  add(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    const most = text.length * 3;
    const at = this.end & MASK;
    const block = this.blockFor(this.end >>> BLOCK_BITS, at + most);
    const written =
      block.length - at >= most
        ? encoder.encodeInto(text, block.subarray(at)).written
        : this.across(text, at);
    this.end += written;
    this.ends.set(this.length++, this.end);
  }

  /** Text `k`, which must have been added. */
  text(k: number): string {
    const start = k === 0 ? 0 : this.ends.get(k - 1);
    const end = this.ends.get(k);
    if (end === start) return '';
    const first = start >>> BLOCK_BITS;
    if (first === (end - 1) >>> BLOCK_BITS) {
      return decoder.decode(
        (this.blocks[first] as Uint8Array).subarray(start & MASK, ((end - 1) & MASK) + 1),
      );
    }
    // The text runs into the next block (a text is far shorter than a block: never two blocks further).
    const bytes = new Uint8Array(end - start);
    const head = (this.blocks[first] as Uint8Array).subarray(start & MASK);
    bytes.set(head);
    bytes.set((this.blocks[first + 1] as Uint8Array).subarray(0, bytes.length - head.length), head.length);
    return decoder.decode(bytes);
  }

  /** Bytes the blocks and the ends take. */
  get byteLength(): number {
    let bytes = this.ends.byteLength;
    for (const block of this.blocks) bytes += block.byteLength;
    return bytes;
  }

  /** Block `b`, made if it is new, and the first block grown (doubling) towards `needed` bytes. */
  private blockFor(b: number, needed: number): Uint8Array {
    let block = this.blocks[b];
    if (block === undefined) {
      block = new Uint8Array(TEXT_BLOCK);
      this.blocks.push(block);
    } else if (needed > block.length && block.length < TEXT_BLOCK) {
      block = firstGrown(block, needed, TEXT_BLOCK);
      this.blocks[b] = block;
    }
    return block;
  }

  /** Writes `text` from `at` in the last block on into a new one; the bytes written. */
  private across(text: string, at: number): number {
    const bytes = encoder.encode(text);
    const block = this.blocks[this.blocks.length - 1] as Uint8Array;
    const room = block.length - at;
    block.set(bytes.subarray(0, room), at);
    if (bytes.length > room) this.blockFor(this.blocks.length, 0).set(bytes.subarray(room));
    return bytes.length;
  }
}
