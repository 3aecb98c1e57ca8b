import {
  type AnalysedFact,
  complement,
  type FactSet,
  fullSet,
  intersect,
  isEmptySet,
  isFull,
} from './fact-sets';

/**
 * A box: one set per fact, the facts independent of each other. A complaint's facts are in the box
 * when each fact is in its set; facts the box does not name may be anything.
 */
export type Box = ReadonlyMap<AnalysedFact, FactSet>;

/** The box with no constraint. */
export const EVERYTHING: Box = new Map();

/** The set a box allows for one fact. */
export function setOf(box: Box, fact: AnalysedFact): FactSet {
  return box.get(fact) ?? fullSet(fact);
}

/** The box narrowed on one fact; undefined when that leaves nothing. */
export function narrow(box: Box, fact: AnalysedFact, set: FactSet): Box | undefined {
  const next = intersect(fact, setOf(box, fact), set);
  if (isEmptySet(next)) return undefined;
  const out = new Map(box);
  if (isFull(fact, next)) out.delete(fact);
  else out.set(fact, next);
  return out;
}

/** The intersection of two boxes; undefined when empty. */
export function meet(a: Box, b: Box): Box | undefined {
  let out: Box | undefined = a;
  for (const [fact, set] of b) {
    out = narrow(out, fact, set);
    if (!out) return undefined;
  }
  return out;
}

/** `a` without `b`, as disjoint boxes. */
export function subtract(a: Box, b: Box): Box[] {
  if (!meet(a, b)) return [a];
  const pieces: Box[] = [];
  let rest: Box = a;
  for (const [fact, set] of b) {
    const outside = narrow(rest, fact, complement(fact, set));
    if (outside) pieces.push(outside);
    const inside = narrow(rest, fact, set);
    if (!inside) return [...pieces];
    rest = inside;
  }
  return pieces;
}

/** Boxes without any of the `others`; undefined when the pieces would exceed `max`. */
export function subtractAll(boxes: readonly Box[], others: readonly Box[], max: number): Box[] | undefined {
  let current = [...boxes];
  for (const other of others) {
    const next: Box[] = [];
    for (const box of current) {
      next.push(...subtract(box, other));
      if (next.length > max) return undefined;
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}
