import { meet } from '../model/box';
import { type ExactRule, isExact, type RuleModel } from '../model/rule-model';
import { findWitness } from '../model/witness';
import { type CheckContext, fires } from './context';
import { type Example, example, type FindingBase, type Found } from './finding';

/** Two rules that fire for the same complaint, which the `unique` hit policy refuses. */
export interface OverlapFinding extends FindingBase {
  readonly kind: 'overlap';
  readonly example: Example;
}

/** A complaint in the meet of a box of each rule, if any: both rules are settled exactly. */
function overlapExactly(ctx: CheckContext, a: ExactRule, b: ExactRule): Found | undefined {
  for (const x of a.boxes) {
    for (const y of b.boxes) {
      const both = meet(x, y);
      const w = both && findWitness(both, ctx.ruleSet.scoring);
      if (w && w.status === 'found') return { at: example(w), method: 'exact' };
    }
  }
  return undefined;
}

/** A complaint for which both rules fire: proved when the model settled both, else searched. */
function overlapOf(ctx: CheckContext, a: RuleModel, b: RuleModel): Found | undefined {
  if (isExact(a) && isExact(b)) return overlapExactly(ctx, a, b);
  const s = ctx.search().find((x) => fires(a, x.facts) && fires(b, x.facts));
  return s ? { at: example(s), method: 'search' } : undefined;
}

/** Under the `unique` hit policy: every pair of rules that can fire for the same complaint. */
export function overlapFindings(ctx: CheckContext): OverlapFinding[] {
  if (ctx.hit !== 'unique') return [];
  const live = ctx.live;
  const findings: OverlapFinding[] = [];
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i] as RuleModel;
      const b = live[j] as RuleModel;
      const found = overlapOf(ctx, a, b);
      if (!found) continue;
      findings.push({
        kind: 'overlap',
        rules: [a.rule.name, b.rule.name],
        method: found.method,
        example: found.at,
        message: `rules "${a.rule.name}" and "${b.rule.name}" can fire for the same complaint, which the hit policy "unique" refuses`,
      });
    }
  }
  return findings;
}
