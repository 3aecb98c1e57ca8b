/** A memo key part: Map key semantics, except that -0 is refused (it would collide with 0). */
export type MemoKeyPart = string | number | boolean;

interface Node<V> {
  value?: V;
  next?: Map<MemoKeyPart, Node<V>>;
}

/**
 * A bounded memo keyed by a sequence of values. Looking up the parts one Map at a time avoids building
 * a string key per lookup, which on V8 costs more (a fresh string must be flattened and hashed) than
 * many of the results worth remembering. Past `maxEntries` it starts over, so memory stays flat.
 */
export class MemoTrie<V> {
  private root: Node<V> = {};
  private entries = 0;

  constructor(private readonly maxEntries: number) {}

  /** The value remembered for `parts`, or `make()`'s result, remembered. */
  get(parts: readonly MemoKeyPart[], make: () => V): V {
    for (const part of parts) if (Object.is(part, -0)) return make();
    let node = this.root;
    for (const part of parts) {
      node.next ??= new Map();
      let child = node.next.get(part);
      if (!child) {
        child = {};
        node.next.set(part, child);
      }
      node = child;
    }
    if (node.value !== undefined) return node.value;
    const value = make();
    if (this.entries >= this.maxEntries) {
      this.root = {};
      this.entries = 0;
      return value;
    }
    node.value = value;
    this.entries += 1;
    return value;
  }
}
