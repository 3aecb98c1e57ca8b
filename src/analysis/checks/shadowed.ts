import type { HitPolicy } from '../../policy/schema';
import { compareOutputRank, outputRank } from '../../policy/selection';
import { byPriority } from '../../rules/engine/evaluator';
import { type Box, subtractAll } from '../model/box';
import { isExact, type RuleModel } from '../model/rule-model';
import type { Sample } from '../model/search';
import { witnessIn } from '../model/witness';
import { COST, type Work, withinBudget } from '../model/work';
import type { CheckContext } from './context';
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
 * The rules that win before one rule: its rivals, with what the checks need of them together. Valid
 * while that rule is judged (the lists grow for the next one).
 */
interface Rivals {
  /** The rivals, in winning order. */
  rules(): readonly RuleModel[];
  /** Their boxes, all of them, when every rival was settled exactly; undefined otherwise. */
  readonly boxes: readonly Box[] | undefined;
  /** The searched complaints some rival fires for (computed on first use). */
  covered(): ReadonlySet<Sample>;
}

/**
 * Subtracts the rivals' boxes from the rule's: a complaint left over proves it can decide; nothing
 * possible left over proves it shadowed. Undefined when the model cannot say within `work`.
 */
function settleExactly(ctx: CheckContext, r: RuleModel, rivals: Rivals, work: Work): Verdict | undefined {
  if (!isExact(r) || !rivals.boxes) return undefined;
  const rest = subtractAll(r.boxes, rivals.boxes, ctx.maxPieces, work);
  if (!rest) return undefined;
  let undecided = false;
  for (const box of rest) {
    work.spend(COST.witness);
    const w = witnessIn(box, ctx.ruleSet);
    if (w.status === 'found') return { shadowed: false, method: 'exact' };
    if (w.status !== 'impossible') undecided = true;
  }
  return undecided ? undefined : { shadowed: true, method: 'exact', at: r.witness && example(r.witness) };
}

/** Shadowed by the search: it fired for some complaints, and a rival fired for each of them. */
function settleBySearch(ctx: CheckContext, r: RuleModel, rivals: Rivals): Verdict {
  const cases = ctx.firedIn(r);
  const covered = rivals.covered();
  ctx.work.spend(cases.length / COST.lookupsPerUnit);
  const free = cases.find((s) => !covered.has(s));
  return free || cases.length === 0
    ? { shadowed: false, method: 'search' }
    : { shadowed: true, method: 'search', at: example(cases[0] as Sample) };
}

/** Whether a rule is shadowed: settled exactly within a question's budget, or else by the search. */
function settle(ctx: CheckContext, r: RuleModel, rivals: Rivals): Verdict {
  const work = ctx.question();
  return withinBudget(work, () => settleExactly(ctx, r, rivals, work)) ?? settleBySearch(ctx, r, rivals);
}

function shadowedFinding(
  ctx: CheckContext,
  r: RuleModel,
  rivals: Rivals,
  verdict: Verdict,
  at: Example,
): UnreachableFinding {
  const by = rivals
    .rules()
    .filter((x) => ctx.firesAt(x, at.facts, ctx.work))
    .map((x) => x.rule.name);
  return {
    kind: 'unreachable',
    cause: 'shadowed',
    rules: [r.rule.name],
    shadowedBy: by,
    method: verdict.method,
    example: at,
    message: `rule "${r.rule.name}" never decides under the hit policy "${ctx.hit}": whenever it fires, a rule that wins fires too (here ${quote(by)})`,
  };
}

/**
 * The rivals of each rule in winning order, grown one rule at a time: their boxes and the complaints
 * they cover are gathered as the order goes, rather than again for every rule.
 */
class GrowingRivals {
  private readonly boxes: Box[] = [];
  private exact = true;
  private readonly covered = new Set<Sample>();
  private coveredUpTo = 0;

  constructor(
    private readonly ctx: CheckContext,
    private readonly order: readonly RuleModel[],
  ) {}

  /** The rivals of the rule at `position`; call with positions in increasing order. */
  at(position: number): Rivals {
    return {
      rules: () => this.order.slice(0, position),
      // Not copied: the rule is judged before `passed` adds its boxes for the next one.
      boxes: this.exact ? this.boxes : undefined,
      covered: () => this.coveredBy(position),
    };
  }

  /** Counts the rule at `position` among the rivals of the rules after it. */
  passed(position: number): void {
    const r = this.order[position] as RuleModel;
    if (isExact(r)) this.boxes.push(...r.boxes);
    else this.exact = false;
  }

  private coveredBy(position: number): ReadonlySet<Sample> {
    for (; this.coveredUpTo < position; this.coveredUpTo++) {
      const fired = this.ctx.firedSet(this.order[this.coveredUpTo] as RuleModel);
      this.ctx.work.spend(fired.size / COST.lookupsPerUnit);
      for (const s of fired) this.covered.add(s);
    }
    return this.covered;
  }
}

/**
 * Rules that never decide under a single-winner hit policy (`first`, `priority`): whenever one fires,
 * a rule that wins before it fires too. Only rules that can fire are judged.
 */
export function shadowedFindings(ctx: CheckContext): UnreachableFinding[] {
  const { hit } = ctx;
  if (hit !== 'first' && hit !== 'priority') return [];
  const order = winningOrder(hit, ctx.live);
  const rivals = new GrowingRivals(ctx, order);
  const findings: UnreachableFinding[] = [];
  order.forEach((r, position) => {
    if (position > 0) {
      const those = rivals.at(position);
      const finding = ctx.ask(
        'shadowed',
        () => r.rule.name,
        () => {
          const verdict = settle(ctx, r, those);
          return verdict.shadowed && verdict.at ? shadowedFinding(ctx, r, those, verdict, verdict.at) : null;
        },
      );
      if (finding) findings.push(finding);
    }
    rivals.passed(position);
  });
  return findings;
}
