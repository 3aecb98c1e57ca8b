/** A part of a memo's key, compared as a Map compares keys. */
export type MemoKey = string | number | boolean;

/**
 * Entries a memo keeps before it starts over, unless it is given another bound. Formatting with `Intl`
 * costs microseconds and batches repeat the same numbers, amounts, days, lists and factor texts; the
 * bound keeps memory flat whatever runs.
 */
export const MEMO_SIZE = 1024;

/**
 * A bounded memo: a value made once per key and handed out again, for the formatted text the renderer
 * and the factor descriptions produce many times over.
 *
 * - Keys are single values looked up in one Map, or, for a key of several parts (a factor's code and
 *   then its parameters), a path of memos through `at`: building a joined string key per lookup would
 *   cost more on V8 (a fresh string is flattened and hashed) than many of the values are worth.
 * - `-0` is never remembered: as a Map key it is `0`, and `Intl` writes the two differently.
 * - The bound counts the values of a memo and of every memo under it; past it, all of them start over
 *   at once (the value just made is handed out, not kept), so memory stays flat.
 */
export class Memo<V, K extends MemoKey = MemoKey> {
  private readonly values = new Map<K, V>();
  private readonly children = new Map<K, Memo<V>>();
  /** On the memo at the top of a path: values held by it and every memo under it. */
  private held = 0;
  private readonly top: Memo<V, MemoKey>;

  constructor(
    private readonly capacity = MEMO_SIZE,
    top?: Memo<V, MemoKey>,
  ) {
    this.top = top ?? (this as unknown as Memo<V, MemoKey>);
  }

  /** The value remembered for `key`, or `make(key)`'s, remembered. */
  get(key: K, make: (key: K) => V): V {
    if (Object.is(key, -0)) return make(key);
    let value = this.values.get(key);
    if (value === undefined) {
      value = make(key);
      this.keep(key, value);
    }
    return value;
  }

  /**
   * The value remembered for `key`, or undefined: a caller on a hot path whose `make` closes over the
   * call's own values asks first, so that closure is made only on a miss (a closure is an allocation on
   * every call). A `make` that reads only the key and its owner is made once and handed to `get`.
   */
  peek(key: K): V | undefined {
    return Object.is(key, -0) ? undefined : this.values.get(key);
  }

  /** The memo for the keys that continue with `key`, sharing this one's bound. */
  at<C extends MemoKey = MemoKey>(key: K): Memo<V, C> {
    let child = this.children.get(key);
    if (child === undefined) {
      child = new Memo<V>(this.capacity, this.top);
      if (!Object.is(key, -0)) this.children.set(key, child);
    }
    return child as unknown as Memo<V, C>;
  }

  private keep(key: K, value: V): void {
    const top = this.top;
    if (top.held >= top.capacity) {
      top.clear();
      return;
    }
    this.values.set(key, value);
    top.held += 1;
  }

  private clear(): void {
    this.values.clear();
    this.children.clear();
    this.held = 0;
  }
}
