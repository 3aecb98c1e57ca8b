import type { HitPolicy } from '../../policy/schema';
import { compareOutputRank, outputRank } from '../../policy/selection';
import { byPriority } from '../../rules/engine/evaluator';
import { subtractAll } from '../model/box';
import { isExact, type RuleModel } from '../model/rule-model';
import type { Sample } from '../model/search';
import { findWitness } from '../model/witness';
import { type CheckContext, fires } from './context';
import { type Example, example, type FindingMethod } from './finding';
import type { UnreachableFinding } from './unreachable';

/** Whether a rule is shadowed by the rules that win before it, how that was settled, and where. */
interface Verdict {
  readonly shadowed: boolean;
  readonly method: FindingMethod;
  readonly at?: Example;
}

const quote = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** The order in which rules win under a single-winner hit policy: each rule's rivals come before it. */
function winningOrder(hit: HitPolicy, rules: readonly RuleModel[]): RuleModel[] {
  const ranked = rules.map((r) => ({ r, rank: outputRank(r.rule) }));
  ranked.sort((a, b) => {
    const byRule = byPriority(
      { priority: a.r.rule.priority, index: a.r.index },
      { priority: b.r.rule.priority, index: b.r.index },
    );
    return hit === 'priority' ? compareOutputRank(a.rank, b.rank) || byRule : byRule;
  });
  return ranked.map((x) => x.r);
}

/**
 * Subtracts the rivals' boxes from the rule's: a complaint left over proves it can decide; nothing
 * possible left over proves it shadowed. Undefined when the model cannot say.
 */
function settleExactly(ctx: CheckContext, r: RuleModel, rivals: readonly RuleModel[]): Verdict | undefined {
  if (!isExact(r) || !rivals.every(isExact)) return undefined;
  const rest = subtractAll(
    r.boxes,
    rivals.flatMap((x) => x.boxes),
    ctx.maxPieces,
  );
  if (!rest) return undefined;
  const witnesses = rest.map((box) => findWitness(box, ctx.ruleSet.scoring));
  if (witnesses.some((w) => w.status === 'found')) return { shadowed: false, method: 'exact' };
  if (witnesses.every((w) => w.status === 'impossible'))
    return { shadowed: true, method: 'exact', at: r.witness && example(r.witness) };
  return undefined;
}

/** Shadowed by the search: it fired for some complaints, and a rival fired for each of them. */
function settleBySearch(ctx: CheckContext, r: RuleModel, rivals: readonly RuleModel[]): Verdict {
  const cases = ctx.firedIn(r);
  const free = cases.find((s) => !rivals.some((x) => fires(x, s.facts)));
  return free || cases.length === 0
    ? { shadowed: false, method: 'search' }
    : { shadowed: true, method: 'search', at: example(cases[0] as Sample) };
}

function shadowedFinding(
  r: RuleModel,
  rivals: readonly RuleModel[],
  hit: HitPolicy,
  verdict: Verdict,
  at: Example,
): UnreachableFinding {
  const by = rivals.filter((x) => fires(x, at.facts)).map((x) => x.rule.name);
  return {
    kind: 'unreachable',
    cause: 'shadowed',
    rules: [r.rule.name],
    shadowedBy: by,
    method: verdict.method,
    example: at,
    message: `rule "${r.rule.name}" never decides under the hit policy "${hit}": whenever it fires, a rule that wins fires too (here ${quote(by)})`,
  };
}

/**
 * Rules that never decide under a single-winner hit policy (`first`, `priority`): whenever one fires,
 * a rule that wins before it fires too. Only rules that can fire are judged.
 */
export function shadowedFindings(ctx: CheckContext): UnreachableFinding[] {
  const { hit } = ctx;
  if (hit !== 'first' && hit !== 'priority') return [];
  const order = winningOrder(hit, ctx.live);
  const findings: UnreachableFinding[] = [];
  order.forEach((r, position) => {
    const rivals = order.slice(0, position);
    if (rivals.length === 0) return;
    const verdict = settleExactly(ctx, r, rivals) ?? settleBySearch(ctx, r, rivals);
    if (verdict.shadowed && verdict.at) findings.push(shadowedFinding(r, rivals, hit, verdict, verdict.at));
  });
  return findings;
}
