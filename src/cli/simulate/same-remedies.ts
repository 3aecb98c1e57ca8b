import type { Remedy } from '../../index';

/**
 * Two lists of remedies compared as their JSON text would compare them, without writing the text: a
 * replay compares every complaint's two decisions, and writing both lists as JSON cost about 1.3 µs
 * each, most of a decision's summary (`tallied`), for the three complaints in four that the two rule
 * sets treat alike. Values compare as `JSON.stringify` writes them: keys in their order, a key whose
 * value JSON leaves out as absent, every number JSON cannot write as `null`, two objects with their own
 * `toJSON` (dates) by the text they write. A remedy is plain data (what `materialise` makes), so one
 * case is left out: a value with its own `toJSON` against a string or number (a date against its ISO
 * text) counts as different, though `JSON.stringify` would write both alike.
 */

/** Whether `key` says where a remedy came from (which rule, at what priority), not what the customer gets. */
const isOrigin = (key: string) => key === 'rule' || key === 'priority';

/** Whether JSON writes `value` as `null` (in an array; as a property, as absent when undefined). */
const writtenAsNull = (value: unknown) =>
  value === null || (typeof value === 'number' && !Number.isFinite(value));

/** Whether JSON leaves out a property with this value. */
const leftOut = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** The position of the first field at or after `from` that the comparison does not leave out. */
function nextField(
  keys: readonly string[],
  values: readonly unknown[],
  from: number,
  origin: boolean,
): number {
  let at = from;
  while (at < keys.length && (leftOut(values[at]) || (origin && isOrigin(keys[at] as string)))) at++;
  return at;
}

/** Whether JSON writes the two arrays alike, item by item. */
function sameArrays(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    // In an array, JSON writes what it leaves out of an object as null.
    if (!(sameJson(x, y) || ((writtenAsNull(x) || leftOut(x)) && (writtenAsNull(y) || leftOut(y)))))
      return false;
  }
  return true;
}

/**
 * The fields JSON writes, in order, walked side by side: keys and values read in bulk, as a property
 * read by a key that varies (`a[key]`) cost about as much as writing the text.
 */
function sameObjects(a: Record<string, unknown>, b: Record<string, unknown>, origin: boolean): boolean {
  // An object with its own JSON form (a date) is compared in that form.
  if (typeof a.toJSON === 'function' || typeof b.toJSON === 'function')
    return JSON.stringify(a) === JSON.stringify(b);
  const keys = Object.keys(a);
  const values = Object.values(a);
  const otherKeys = Object.keys(b);
  const otherValues = Object.values(b);
  let i = nextField(keys, values, 0, origin);
  let j = nextField(otherKeys, otherValues, 0, origin);
  while (i < keys.length && j < otherKeys.length) {
    if (keys[i] !== otherKeys[j] || !sameJson(values[i], otherValues[j])) return false;
    i = nextField(keys, values, i + 1, origin);
    j = nextField(otherKeys, otherValues, j + 1, origin);
  }
  return i === keys.length && j === otherKeys.length;
}

/** Whether `JSON.stringify` writes `a` and `b` alike (`origin`: a remedy's origin left out of both). */
function sameJson(a: unknown, b: unknown, origin = false): boolean {
  if (a === b) return true;
  if (writtenAsNull(a) || writtenAsNull(b)) return writtenAsNull(a) && writtenAsNull(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameArrays(a, b);
  return sameObjects(a as Record<string, unknown>, b as Record<string, unknown>, origin);
}

/** Whether the two lists' JSON texts are the same: the same remedies from the same rules, in the same order. */
export function sameRemedyText(a: readonly Remedy[], b: readonly Remedy[]): boolean {
  return sameArrays(a, b);
}

/**
 * The remedies with their parameters, in an order of their own: each without its origin (the rule that
 * gave it, its priority) as JSON text, sorted. Two lists with the same signature are the same for the
 * customer; `sameRemedies` answers that without writing any text, except for lists too long to mark as
 * matched in a number.
 */
export function remedySignature(list: readonly Remedy[]): string {
  return JSON.stringify(
    list.map(({ rule: _rule, priority: _priority, ...rest }) => JSON.stringify(rest)).sort(),
  );
}

/**
 * Whether the two lists hold the same remedies with the same parameters, whichever rules gave them and
 * in whatever order: each remedy, its origin left out, written as JSON, the two lists of texts the same
 * once sorted (`remedySignature`, which this answers for without writing any text).
 */
export function sameRemedies(a: readonly Remedy[], b: readonly Remedy[]): boolean {
  if (a.length !== b.length) return false;
  if (b.length > 31) return remedySignature(a) === remedySignature(b);
  let matched = 0; // a bit per remedy of `b` matched already (a few remedies a decision)
  for (const remedy of a) {
    let at = 0;
    while (at < b.length && ((matched >> at) & 1 || !sameJson(remedy, b[at], true))) at++;
    if (at === b.length) return false;
    matched |= 1 << at;
  }
  return true;
}
