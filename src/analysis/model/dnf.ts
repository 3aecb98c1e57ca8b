import type { Condition } from '../../rules/condition';
import type { Scoring } from '../../scoring/config';
import { type Box, EVERYTHING, meet, narrow } from './box';
import { atom, complement } from './fact-sets';

/**
 * A rule's conditions as a union of boxes (disjunctive normal form over fact sets), negations pushed
 * to the leaves where they become complements. Undefined when the form would need more than `max`
 * boxes: the caller falls back to search for that rule.
 */
export function toBoxes(condition: Condition, scoring: Scoring, max: number): Box[] | undefined {
  const walk = (c: Condition, negated: boolean): Box[] | undefined => {
    if ('not' in c) return walk(c.not, !negated);
    if ('all' in c || 'any' in c) {
      const children = 'all' in c ? c.all : c.any;
      // all = and; any = or; a negation swaps them (De Morgan).
      const conjunction = 'all' in c !== negated;
      if (!conjunction) {
        const out: Box[] = [];
        for (const child of children) {
          const boxes = walk(child, negated);
          if (!boxes) return undefined;
          out.push(...boxes);
          if (out.length > max) return undefined;
        }
        return out;
      }
      let out: Box[] = [EVERYTHING];
      for (const child of children) {
        const boxes = walk(child, negated);
        if (!boxes) return undefined;
        const next: Box[] = [];
        for (const a of out) {
          for (const b of boxes) {
            const both = meet(a, b);
            if (both) next.push(both);
            if (next.length > max) return undefined;
          }
        }
        out = next;
        if (out.length === 0) break;
      }
      return out;
    }
    const { fact, set } = atom(c.fact, c.operator, c.value, scoring);
    const box = narrow(EVERYTHING, fact, negated ? complement(fact, set) : set);
    return box ? [box] : [];
  };
  return walk(condition, false);
}
