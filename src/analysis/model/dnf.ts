import type { Condition } from '../../rules/condition';
import type { Scoring } from '../../scoring/config';
import { type Box, EVERYTHING, meet, narrow } from './box';
import { atom, complement } from './fact-sets';
import type { Work } from './work';

/** Converts one condition to boxes, with the limit, the budget and the scoring model it needs. */
class BoxWalk {
  constructor(
    private readonly scoring: Scoring,
    private readonly max: number,
    private readonly work: Work,
  ) {}

  walk(c: Condition, negated: boolean): Box[] | undefined {
    if ('not' in c) return this.walk(c.not, !negated);
    if ('all' in c || 'any' in c) {
      const children = 'all' in c ? c.all : c.any;
      // all = and; any = or; a negation swaps them (De Morgan).
      const conjunction = 'all' in c !== negated;
      return conjunction ? this.product(children, negated) : this.union(children, negated);
    }
    this.work.spend();
    const { fact, set } = atom(c.fact, c.operator, c.value, this.scoring);
    const box = narrow(EVERYTHING, fact, negated ? complement(fact, set) : set);
    return box ? [box] : [];
  }

  /** `or`: the children's boxes side by side. */
  private union(children: readonly Condition[], negated: boolean): Box[] | undefined {
    const out: Box[] = [];
    for (const child of children) {
      const boxes = this.walk(child, negated);
      if (!boxes) return undefined;
      out.push(...boxes);
      if (out.length > this.max) return undefined;
    }
    return out;
  }

  /** `and`: every meet of one box from each child, stopping as soon as none is left. */
  private product(children: readonly Condition[], negated: boolean): Box[] | undefined {
    let out: Box[] = [EVERYTHING];
    for (const child of children) {
      const boxes = this.walk(child, negated);
      if (!boxes) return undefined;
      const next = this.meets(out, boxes);
      if (!next) return undefined;
      out = next;
      if (out.length === 0) break;
    }
    return out;
  }

  private meets(as: readonly Box[], bs: readonly Box[]): Box[] | undefined {
    const next: Box[] = [];
    for (const a of as) {
      for (const b of bs) {
        this.work.spend();
        const both = meet(a, b);
        if (both) next.push(both);
        if (next.length > this.max) return undefined;
      }
    }
    return next;
  }
}

/**
 * A rule's conditions as a union of boxes (disjunctive normal form over fact sets), negations pushed
 * to the leaves where they become complements. Undefined when the form would need more than `max`
 * boxes: the caller falls back to search for that rule. Each meet is charged to `work` (which throws
 * when it runs out: an `and` of `or`s can need far more meets than it leaves boxes).
 */
export function toBoxes(condition: Condition, scoring: Scoring, max: number, work: Work): Box[] | undefined {
  return new BoxWalk(scoring, max, work).walk(condition, false);
}
