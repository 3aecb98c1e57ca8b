import {
  type AnalysedFact,
  complement,
  type FactSet,
  fullSet,
  intersect,
  isEmptySet,
  isFull,
  unite,
} from './fact-sets';
import { COST, type Work } from './work';

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

/**
 * The intersection of two boxes; undefined when empty. Only the facts both boxes name are intersected:
 * a box never holds an empty or a full set, so a fact only one of them names keeps its set as it is.
 */
export function meet(a: Box, b: Box): Box | undefined {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let out: Map<AnalysedFact, FactSet> | undefined;
  for (const [fact, set] of small) {
    const other = large.get(fact);
    if (other === undefined) continue;
    const both = intersect(fact, other, set);
    if (isEmptySet(both)) return undefined;
    out ??= new Map(large);
    if (isFull(fact, both)) out.delete(fact);
    else out.set(fact, both);
  }
  out ??= new Map(large);
  for (const [fact, set] of small) if (!large.has(fact)) out.set(fact, set);
  return out;
}

/**
 * The smallest box holding all of `boxes`: each fact every box names, with the union of their sets.
 * What meets none of it meets none of them, which one meet can tell.
 */
export function hullOf(boxes: readonly Box[]): Box | undefined {
  const [first, ...rest] = boxes;
  if (!first) return undefined;
  const out = new Map(first);
  for (const box of rest) {
    for (const [fact, set] of out) {
      const other = box.get(fact);
      const both = other && unite(fact, set, other);
      if (!both || isFull(fact, both)) out.delete(fact);
      else out.set(fact, both);
    }
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

/**
 * Boxes without any of the `others`; undefined when the pieces would exceed `max`. Each subtraction of
 * one box from another is charged to `work`. Only the others that meet some box are taken away (the
 * rest change nothing), the widest first: they leave the fewest pieces for the ones after them.
 */
export function subtractAll(
  boxes: readonly Box[],
  others: readonly Box[],
  max: number,
  work: Work,
): Box[] | undefined {
  let current = [...boxes];
  for (const other of relevant(current, others, work)) {
    const next: Box[] = [];
    for (const box of current) {
      work.spend(COST.subtract);
      next.push(...subtract(box, other));
      if (next.length > max) return undefined;
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/** The others that meet some of the boxes, those that constrain fewer facts first (a stable order). */
function relevant(boxes: readonly Box[], others: readonly Box[], work: Work): Box[] {
  const out: Box[] = [];
  const hull = hullOf(boxes);
  for (const other of others) {
    work.spend();
    if (!hull || !meet(hull, other)) continue;
    if (boxes.length === 1) {
      out.push(other);
      continue;
    }
    for (const box of boxes) {
      work.spend();
      if (meet(box, other)) {
        out.push(other);
        break;
      }
    }
  }
  return out
    .map((box, i) => ({ box, i }))
    .sort((a, b) => a.box.size - b.box.size || a.i - b.i)
    .map((x) => x.box);
}
