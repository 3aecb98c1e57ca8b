/** Below this many, a run is sorted by insertion (merging runs of one costs more than it saves). */
const RUN = 32;

/**
 * Sorts `items` in place, stably (items that compare equal keep their order), with a buffer of the
 * same length in typed memory. `TypedArray#sort` with a comparator copies the array into the JS heap
 * and sorts it there with a scratch array of its own: for a million complaints' ordinals some 12 MB of
 * heap at once, at the end of a replay, where its peak memory was.
 */
export function sortStable(items: Uint32Array, compare: (a: number, b: number) => number): void {
  const n = items.length;
  for (let lo = 0; lo < n; lo += RUN) insertionSort(items, lo, Math.min(lo + RUN, n), compare);
  if (n <= RUN) return;
  let from: Uint32Array = items;
  let to: Uint32Array = new Uint32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      merge(from, to, lo, Math.min(lo + width, n), Math.min(lo + 2 * width, n), compare);
    }
    [from, to] = [to, from];
  }
  if (from !== items) items.set(from);
}

/** Sorts `items[lo, hi)` by insertion, stably. */
function insertionSort(
  items: Uint32Array,
  lo: number,
  hi: number,
  compare: (a: number, b: number) => number,
): void {
  for (let i = lo + 1; i < hi; i++) {
    const item = items[i] as number;
    let j = i - 1;
    while (j >= lo && compare(items[j] as number, item) > 0) {
      items[j + 1] = items[j] as number;
      j--;
    }
    items[j + 1] = item;
  }
}

/** Merges the sorted `from[lo, mid)` and `from[mid, hi)` into `to[lo, hi)`, the left first at a tie. */
function merge(
  from: Uint32Array,
  to: Uint32Array,
  lo: number,
  mid: number,
  hi: number,
  compare: (a: number, b: number) => number,
): void {
  let i = lo;
  let j = mid;
  for (let k = lo; k < hi; k++) {
    if (i < mid && (j >= hi || compare(from[i] as number, from[j] as number) <= 0))
      to[k] = from[i++] as number;
    else to[k] = from[j++] as number;
  }
}
