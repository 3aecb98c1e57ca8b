import type { CapLimitName } from '../../policy/caps';
import type { RemedySpec, RemedyType } from '../../remedies/catalogue';
import { alwaysExceeds, bindingAt, exceedsAt, isGoodwillSpec } from '../model/cap-bounds';
import { isExact, type RuleModel } from '../model/rule-model';
import type { Sample } from '../model/search';
import { COST } from '../model/work';
import type { CheckContext } from './context';
import { type Example, example, type FindingBase, type FindingMethod } from './finding';

/** A goodwill remedy of a rule that exceeds the goodwill limit for every complaint the rule fires for. */
export interface OverCapFinding extends FindingBase {
  readonly kind: 'over_cap';
  /** The remedy: its position in the rule's `remedies` and its type. */
  readonly remedy: { readonly index: number; readonly type: RemedyType };
  /** The limit it always exceeds on its own, or the one that binds at the example. */
  readonly limit: CapLimitName;
  readonly example: Example;
}

/** That a remedy always exceeds the caps: the limits it exceeds in every box (exact only), how, and where. */
interface Excess {
  readonly limits: CapLimitName[];
  readonly method: FindingMethod;
  readonly at: Example;
}

const LIMITS: readonly CapLimitName[] = ['severity', 'tier', 'total', 'customer'];

/** Proved over every box of the rule: the remedy's least cost exceeds a limit wherever the rule fires. */
function excessExactly(ctx: CheckContext, r: RuleModel, spec: RemedySpec): Excess | undefined {
  if (!isExact(r) || !r.witness) return undefined;
  const { policy, scoring } = ctx.ruleSet;
  const checks = r.boxes.map((box) => {
    ctx.work.spend();
    return alwaysExceeds(spec, box, policy, scoring);
  });
  if (!checks.every((c) => c.always)) return undefined;
  const limits = LIMITS.filter((l) => checks.every((c) => c.limits.includes(l)));
  return { limits, method: 'exact', at: example(r.witness) };
}

/** Seen in the search: the remedy exceeded the caps for every complaint the rule fired for. */
function excessBySearch(ctx: CheckContext, r: RuleModel, spec: RemedySpec): Excess | undefined {
  const cases = ctx.firedIn(r);
  ctx.work.spend(cases.length / COST.lookupsPerUnit);
  return cases.length > 0 && cases.every((s) => exceedsAt(spec, s.facts, ctx.ruleSet.policy))
    ? { limits: [], method: 'search', at: example(cases[0] as Sample) }
    : undefined;
}

/**
 * The finding's sentence. A limit the remedy exceeds on its own (`alone`) is not always the one that
 * binds: at a given complaint a lower limit may cut the remedy first, so the sentence says so rather
 * than contradict what the recommendation's trace shows. Without such a limit, it names the one that
 * binds at the example.
 */
export function overCapMessage(
  type: RemedyType,
  rule: string,
  { limit, alone }: { readonly limit: CapLimitName; readonly alone: boolean },
): string {
  const exceeds = alone
    ? `always exceeds the ${limit} limit on its own (a lower limit may bind first)`
    : `always exceeds the goodwill limits (at the example, the ${limit} limit binds)`;
  return `the ${type} of rule "${rule}" ${exceeds}, so it is always reduced or left out`;
}

function overCapFinding(ctx: CheckContext, r: RuleModel, spec: RemedySpec, index: number): OverCapFinding[] {
  if (!isGoodwillSpec(spec)) return [];
  const excess = isExact(r) ? excessExactly(ctx, r, spec) : excessBySearch(ctx, r, spec);
  if (!excess) return [];
  const alone = excess.limits[0];
  const limit = alone ?? bindingAt(excess.at.facts, ctx.ruleSet.policy);
  return [
    {
      kind: 'over_cap',
      rules: [r.rule.name],
      remedy: { index, type: spec.type },
      limit,
      method: excess.method,
      example: excess.at,
      message: overCapMessage(spec.type, r.rule.name, { limit, alone: alone !== undefined }),
    },
  ];
}

/** Goodwill remedies of rules that can fire which exceed the goodwill limits wherever their rule fires. */
export function overCapFindings(ctx: CheckContext): OverCapFinding[] {
  return ctx.live.flatMap(
    (r) =>
      ctx.ask(
        'over_cap',
        () => r.rule.name,
        () => r.rule.remedies.flatMap((spec, index) => overCapFinding(ctx, r, spec, index)),
      ) ?? [],
  );
}
