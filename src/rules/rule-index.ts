import type { FactName, Facts } from '../facts';
import type { Condition } from './condition';
import type { Scalar } from './operators';

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

/** One fact the index is keyed on: each value a rule mentions is a class, every other value one more. */
interface KeyFact {
  readonly name: FactName;
  readonly classes: ReadonlyMap<Scalar, number>;
  /** Number of classes, including "any other value". */
  readonly radix: number;
  readonly stride: number;
}

/** Beyond this many classes in total, further facts are left out of the key (their rules are still run). */
const MAX_KEY_SPACE = 2 ** 30;
/** Cached candidate lists; the cache starts over when it is full, so memory stays bounded. */
const MAX_CACHED = 4096;

/**
 * Rules indexed by their equality guards. The facts most rules guard on form a key (one class per
 * value the rules mention, plus "anything else"); for each key seen, the rules whose guards admit it
 * are listed once, in their original order, and reused for every later complaint with the same key.
 */
export class RuleIndex<T> {
  private readonly keyFacts: readonly KeyFact[];
  /** Per item, the classes its guards admit on each key fact: `admits[item][k][class]`. */
  private readonly admits: readonly (readonly (Uint8Array | undefined)[])[];
  private readonly cache = new Map<number, readonly T[]>();

  constructor(private readonly items: readonly { readonly item: T; readonly guards: Guards }[]) {
    const usage = new Map<FactName, { count: number; values: Set<Scalar> }>();
    for (const { guards } of items) {
      for (const [fact, guard] of guards) {
        const u = usage.get(fact) ?? { count: 0, values: new Set<Scalar>() };
        u.count += 1;
        for (const v of guard.values) u.values.add(v);
        usage.set(fact, u);
      }
    }
    const keyFacts: KeyFact[] = [];
    let space = 1;
    const byUse = [...usage].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
    for (const [name, { values }] of byUse) {
      const radix = values.size + 1;
      if (space * radix > MAX_KEY_SPACE) continue;
      keyFacts.push({ name, classes: new Map([...values].map((v, i) => [v, i])), radix, stride: space });
      space *= radix;
    }
    this.keyFacts = keyFacts;
    this.admits = items.map(({ guards }) =>
      keyFacts.map((k) => {
        const guard = guards.get(k.name);
        if (!guard) return undefined;
        const mask = new Uint8Array(k.radix).fill(guard.mode === 'in' ? 0 : 1);
        for (const v of guard.values) mask[k.classes.get(v) as number] = guard.mode === 'in' ? 1 : 0;
        return mask;
      }),
    );
  }

  /** The items whose guards admit these facts, in their original order. */
  candidates(facts: Facts): readonly T[] {
    const keyFacts = this.keyFacts;
    let key = 0;
    const classes: number[] = new Array(keyFacts.length);
    for (let k = 0; k < keyFacts.length; k++) {
      const f = keyFacts[k] as KeyFact;
      const c = f.classes.get(facts[f.name]) ?? f.radix - 1;
      classes[k] = c;
      key += c * f.stride;
    }
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found: T[] = [];
    this.items.forEach(({ item }, i) => {
      const masks = this.admits[i] as readonly (Uint8Array | undefined)[];
      for (let k = 0; k < masks.length; k++) {
        const mask = masks[k];
        if (mask && mask[classes[k] as number] === 0) return;
      }
      found.push(item);
    });
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }
}
