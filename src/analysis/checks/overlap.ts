import { meet } from '../model/box';
import { type ExactRule, isExact, type RuleModel } from '../model/rule-model';
import type { Sample } from '../model/search';
import { witnessIn } from '../model/witness';
import { COST, type Work, withinBudget } from '../model/work';
import type { CheckContext } from './context';
import { type Example, example, type FindingBase, type Found } from './finding';

/** Two rules that fire for the same complaint, which the `unique` hit policy refuses. */
export interface OverlapFinding extends FindingBase {
  readonly kind: 'overlap';
  readonly example: Example;
}

/** A complaint in the meet of a box of each rule, if any: both rules are settled exactly. */
function overlapExactly(ctx: CheckContext, a: ExactRule, b: ExactRule, work: Work): Found | undefined {
  work.spend();
  if (!meet(a.hull, b.hull)) return undefined;
  for (const x of a.boxes) {
    work.spend();
    if (!meet(x, b.hull)) continue;
    for (const y of b.boxes) {
      work.spend();
      const both = meet(x, y);
      if (!both) continue;
      work.spend(COST.witness);
      const w = witnessIn(both, ctx.ruleSet);
      if (w.status === 'found') return { at: example(w), method: 'exact' };
    }
  }
  return undefined;
}

/** A complaint for which both rules fire, found by the search; undefined when none was. */
function overlapBySearch(ctx: CheckContext, a: RuleModel, b: RuleModel): Found | undefined {
  // Sets keep the search's order, so scanning the smaller one finds the same first complaint.
  const [small, large] = [ctx.firedSet(a), ctx.firedSet(b)].sort((x, y) => x.size - y.size) as [
    ReadonlySet<Sample>,
    ReadonlySet<Sample>,
  ];
  ctx.work.spend(small.size / COST.lookupsPerUnit);
  for (const s of small) if (large.has(s)) return { at: example(s), method: 'search' };
  return undefined;
}

/**
 * A complaint for which both rules fire, when the model settled both: proved within a question's
 * budget, else searched. `null` when there is none.
 */
function overlapOfExact(ctx: CheckContext, a: ExactRule, b: ExactRule): Found | null {
  const work = ctx.question();
  const settled = withinBudget(work, () => overlapExactly(ctx, a, b, work) ?? null);
  return settled !== undefined ? settled : (overlapBySearch(ctx, a, b) ?? null);
}

/** What one step tells of a pair: no overlap, an overlap found, or that the model must work it out. */
function firstLook(ctx: CheckContext, a: RuleModel, b: RuleModel): Found | null | 'model' {
  if (!isExact(a) || !isExact(b)) return overlapBySearch(ctx, a, b) ?? null;
  ctx.work.spend();
  return meet(a.hull, b.hull) ? 'model' : null;
}

const pairName = (a: RuleModel, b: RuleModel) => `"${a.rule.name}" + "${b.rule.name}"`;

function overlapFinding(a: RuleModel, b: RuleModel, found: Found): OverlapFinding {
  return {
    kind: 'overlap',
    rules: [a.rule.name, b.rule.name],
    method: found.method,
    example: found.at,
    message: `rules "${a.rule.name}" and "${b.rule.name}" can fire for the same complaint, which the hit policy "unique" refuses`,
  };
}

/**
 * Under the `unique` hit policy: every pair of rules that can fire for the same complaint, in the
 * order of the rules. Pairs that one step settles go first, and the pairs the model must work out
 * after them, so that a budget running out leaves only those open.
 */
export function overlapFindings(ctx: CheckContext): OverlapFinding[] {
  if (ctx.hit !== 'unique') return [];
  const live = ctx.live;
  const found: { i: number; j: number; finding: OverlapFinding }[] = [];
  const costly: [ExactRule, ExactRule, number, number][] = [];
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i] as RuleModel;
      const b = live[j] as RuleModel;
      const look = ctx.ask(
        'overlap',
        () => pairName(a, b),
        () => firstLook(ctx, a, b),
      );
      if (look === 'model') costly.push([a as ExactRule, b as ExactRule, i, j]);
      else if (look) found.push({ i, j, finding: overlapFinding(a, b, look) });
    }
  }
  for (const [a, b, i, j] of costly) {
    const look = ctx.ask(
      'overlap',
      () => pairName(a, b),
      () => overlapOfExact(ctx, a, b),
    );
    if (look) found.push({ i, j, finding: overlapFinding(a, b, look) });
  }
  return found.sort((x, y) => x.i - y.i || x.j - y.j).map((x) => x.finding);
}
