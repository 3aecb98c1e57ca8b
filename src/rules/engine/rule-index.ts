import type { FactName, Facts } from '../../facts/catalogue';
import type { Condition } from '../condition';
import type { Scalar } from '../operators';

/**
 * What a rule needs of one fact before it can fire: the fact's value is one of `values` (`in`) or none
 * of them (`out`). Derived from the rule's equality conditions; a guard is necessary, never sufficient.
 */
export interface FactGuard {
  readonly mode: 'in' | 'out';
  readonly values: ReadonlySet<Scalar>;
}

/** Every guard of one rule, by fact. */
export type Guards = ReadonlyMap<FactName, FactGuard>;

const NONE: Guards = new Map();

function intersect(a: ReadonlySet<Scalar>, b: ReadonlySet<Scalar>): Set<Scalar> {
  return new Set([...a].filter((v) => b.has(v)));
}

function minus(a: ReadonlySet<Scalar>, b: ReadonlySet<Scalar>): Set<Scalar> {
  return new Set([...a].filter((v) => !b.has(v)));
}

function both(a: FactGuard, b: FactGuard): FactGuard {
  if (a.mode === 'in' && b.mode === 'in') return { mode: 'in', values: intersect(a.values, b.values) };
  if (a.mode === 'in') return { mode: 'in', values: minus(a.values, b.values) };
  if (b.mode === 'in') return { mode: 'in', values: minus(b.values, a.values) };
  return { mode: 'out', values: new Set([...a.values, ...b.values]) };
}

/** The guard of "a or b", or undefined when that admits every value. */
function either(a: FactGuard, b: FactGuard): FactGuard | undefined {
  let guard: FactGuard;
  if (a.mode === 'in' && b.mode === 'in') guard = { mode: 'in', values: new Set([...a.values, ...b.values]) };
  else if (a.mode === 'in') guard = { mode: 'out', values: minus(b.values, a.values) };
  else if (b.mode === 'in') guard = { mode: 'out', values: minus(a.values, b.values) };
  else guard = { mode: 'out', values: intersect(a.values, b.values) };
  return guard.mode === 'out' && guard.values.size === 0 ? undefined : guard;
}

function conjunction(parts: readonly Guards[]): Guards {
  const out = new Map<FactName, FactGuard>();
  for (const part of parts) {
    for (const [fact, guard] of part) {
      const seen = out.get(fact);
      out.set(fact, seen ? both(seen, guard) : guard);
    }
  }
  return out;
}

function disjunction(parts: readonly Guards[]): Guards {
  const [first, ...rest] = parts;
  if (!first) return NONE;
  const out = new Map(first);
  for (const part of rest) {
    for (const [fact, guard] of out) {
      const other = part.get(fact);
      const merged = other ? either(guard, other) : undefined;
      if (merged) out.set(fact, merged);
      else out.delete(fact);
    }
  }
  return out;
}

/** Only values that `===` and `Set` agree on can be indexed; NaN is the one they disagree on. */
function indexable(values: readonly Scalar[]): boolean {
  return values.every((v) => !Number.isNaN(v));
}

/**
 * The guards a condition implies: what must hold of each fact for it to be true (or, `negated`, for it
 * to be false). `not` pushes the negation down (De Morgan), so `not notEqual` guards like `equal`.
 */
export function guardsOf(condition: Condition, negated = false): Guards {
  if ('all' in condition) {
    const parts = condition.all.map((c) => guardsOf(c, negated));
    return negated ? disjunction(parts) : conjunction(parts);
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => guardsOf(c, negated));
    return negated ? conjunction(parts) : disjunction(parts);
  }
  if ('not' in condition) return guardsOf(condition.not, !negated);
  const list: readonly Scalar[] = Array.isArray(condition.value)
    ? condition.value
    : [condition.value as Scalar];
  if (!indexable(list)) return NONE;
  let mode: 'in' | 'out';
  switch (condition.operator) {
    case 'equal':
    case 'in':
      mode = negated ? 'out' : 'in';
      break;
    case 'notEqual':
    case 'notIn':
      mode = negated ? 'in' : 'out';
      break;
    default:
      return NONE;
  }
  return new Map([[condition.fact, { mode, values: new Set(list) }]]);
}

/** A rule (or anything else) with its guards. */
export interface Guarded<T> {
  readonly item: T;
  readonly guards: Guards;
}

/** So few rules are simply tested: looking facts up would cost more than it saves. */
const FEW = 4;
/** Beyond this many classes in total, further facts are left out of a key (their rules are still tested). */
const MAX_KEY_SPACE = 2 ** 30;
/** Rule references the cached lists of one index may hold before its cache starts over. */
const MAX_CACHED_REFERENCES = 250_000;

/** Every value the guards on `fact` mention, numbered: class `i`; any other value is class `size`. */
function classesOf<T>(entries: readonly Guarded<T>[], fact: FactName): Map<Scalar, number> {
  const classes = new Map<Scalar, number>();
  for (const { guards } of entries) {
    for (const v of guards.get(fact)?.values ?? []) if (!classes.has(v)) classes.set(v, classes.size);
  }
  return classes;
}

/** Which classes of `fact` a rule's guard admits (all of them when it has no guard on it). */
function admitted(guards: Guards, fact: FactName, classes: ReadonlyMap<Scalar, number>): Uint8Array {
  const guard = guards.get(fact);
  const mask = new Uint8Array(classes.size + 1).fill(guard?.mode === 'in' ? 0 : 1);
  if (guard) for (const v of guard.values) mask[classes.get(v) as number] = guard.mode === 'in' ? 1 : 0;
  return mask;
}

interface KeyFact {
  readonly name: FactName;
  readonly classes: ReadonlyMap<Scalar, number>;
  readonly stride: number;
}

/**
 * Rules keyed by every fact they guard on: a complaint's key is its class on each such fact; for each
 * key seen, the rules whose guards admit it are listed once, in order, and reused for every later
 * complaint with the same key.
 */
class KeyedIndex<T> {
  private readonly items: readonly T[];
  private readonly keyFacts: readonly KeyFact[] = [];
  /** Per rule, the classes its guards admit on each key fact (undefined: no guard on that fact). */
  private readonly admits: readonly (readonly (Uint8Array | undefined)[])[] = [];
  private readonly cache = new Map<number, readonly T[]>();
  private cachedReferences = 0;

  constructor(
    entries: readonly Guarded<T>[],
    settled: FactName | undefined,
    private readonly maxCachedReferences: number,
  ) {
    this.items = entries.map((e) => e.item);
    if (entries.length <= FEW) return;
    const usage = new Map<FactName, number>();
    for (const { guards } of entries) {
      for (const fact of guards.keys()) if (fact !== settled) usage.set(fact, (usage.get(fact) ?? 0) + 1);
    }
    const keyFacts: KeyFact[] = [];
    let space = 1;
    for (const [name] of [...usage].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      const classes = classesOf(entries, name);
      if (space * (classes.size + 1) > MAX_KEY_SPACE) continue;
      keyFacts.push({ name, classes, stride: space });
      space *= classes.size + 1;
    }
    this.keyFacts = keyFacts;
    this.admits = entries.map(({ guards }) =>
      keyFacts.map((k) => (guards.has(k.name) ? admitted(guards, k.name, k.classes) : undefined)),
    );
  }

  candidates(facts: Facts): readonly T[] {
    const keyFacts = this.keyFacts;
    if (keyFacts.length === 0) return this.items;
    let key = 0;
    for (let k = 0; k < keyFacts.length; k++) {
      const f = keyFacts[k] as KeyFact;
      key += (f.classes.get(facts[f.name]) ?? f.classes.size) * f.stride;
    }
    const cached = this.cache.get(key);
    if (cached) return cached;
    const classes = keyFacts.map((f) => Math.floor(key / f.stride) % (f.classes.size + 1));
    const found: T[] = [];
    this.items.forEach((item, i) => {
      const masks = this.admits[i] as readonly (Uint8Array | undefined)[];
      for (let k = 0; k < masks.length; k++) {
        const mask = masks[k];
        if (mask && mask[classes[k] as number] === 0) return;
      }
      found.push(item);
    });
    if (this.cachedReferences + found.length > this.maxCachedReferences) {
      this.cache.clear();
      this.cachedReferences = 0;
    }
    this.cache.set(key, found);
    this.cachedReferences += found.length;
    return found;
  }
}

/**
 * Rules indexed by their equality guards. The fact most rules guard on (usually the category) splits
 * them first; within each branch, built when a complaint first takes it, the rules left are keyed by
 * the other facts they guard on. A complaint meets only the rules whose guards admit it, in their
 * original order, after a handful of lookups whatever the size of the rule set.
 */
export class RuleIndex<T> {
  private readonly split: FactName | undefined;
  private readonly classes: ReadonlyMap<Scalar, number> = new Map();
  private readonly branches: (KeyedIndex<T> | undefined)[] = [];
  private readonly whole: KeyedIndex<T> | undefined;

  /**
   * @param maxCachedReferences rule references each keyed index caches before its cache starts over
   *   (a parameter so that a test can fill the cache past it).
   */
  constructor(
    private readonly entries: readonly Guarded<T>[],
    private readonly maxCachedReferences = MAX_CACHED_REFERENCES,
  ) {
    const usage = new Map<FactName, number>();
    for (const { guards } of entries)
      for (const fact of guards.keys()) usage.set(fact, (usage.get(fact) ?? 0) + 1);
    const [best] = [...usage].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (entries.length <= FEW || !best) {
      this.whole = new KeyedIndex(entries, undefined, maxCachedReferences);
      return;
    }
    this.split = best[0];
    this.classes = classesOf(entries, best[0]);
    this.branches = new Array(this.classes.size + 1).fill(undefined);
  }

  /** The rules whose guards admit these facts (and perhaps a few more), in their original order. */
  candidates(facts: Facts): readonly T[] {
    if (this.whole) return this.whole.candidates(facts);
    const c = this.classes.get(facts[this.split as FactName]) ?? this.classes.size;
    return (this.branches[c] ?? this.branch(c)).candidates(facts);
  }

  private branch(c: number): KeyedIndex<T> {
    const fact = this.split as FactName;
    const kept = this.entries.filter(({ guards }) => admitted(guards, fact, this.classes)[c] === 1);
    const branch = new KeyedIndex(kept, fact, this.maxCachedReferences);
    this.branches[c] = branch;
    return branch;
  }
}
