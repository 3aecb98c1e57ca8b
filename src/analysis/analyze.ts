import type { HitPolicy } from '../policy/schema';
import { loadRuleSet, type Rule, type RuleSet } from '../rules/ruleset';
import { CheckContext } from './checks/context';
import { type GapFinding, gapFindings } from './checks/gap';
import type { NotAnalysed } from './checks/not-analysed';
import { type OverCapFinding, overCapFindings } from './checks/over-cap';
import { type OverlapFinding, overlapFindings } from './checks/overlap';
import { shadowedFindings } from './checks/shadowed';
import { type UnreachableFinding, unreachableFindings } from './checks/unreachable';
import { modelRule, opaque, type RuleModel } from './model/rule-model';
import { type LeafCount, shareOut, Work, withinBudget } from './model/work';
import { type AnalyzeOptions, resolveAnalyzeOptions } from './options';

/** One thing `analyzeRuleSet` found. */
export type Finding = UnreachableFinding | OverlapFinding | GapFinding | OverCapFinding;

/** What `analyzeRuleSet` found, and how. */
export interface RuleSetAnalysis {
  readonly ruleSet: { readonly name: string; readonly version: string };
  /** The hit policy the rules were analysed under. */
  readonly hit: HitPolicy;
  readonly findings: readonly Finding[];
  /**
   * True when every question was settled exactly; false when some needed the search, or were not
   * analysed at all.
   */
  readonly exact: boolean;
  /** Complaints the search generated (0 when none was needed). */
  readonly searched: number;
  /**
   * The checks the analysis could not finish within `maxWork`, with the questions they left open
   * (empty when it finished). Findings may hide there: raise `maxWork`, or split the rule set.
   */
  readonly notAnalysed: readonly NotAnalysed[];
  /** Units of work spent (see `maxWork`): the same for the same rule set and options, on any machine. */
  readonly work: number;
}

export type { AnalyzeOptions } from './options';

/**
 * Checks a rule set for rules that can never fire or never decide, overlaps under `unique`, gaps
 * (categories and severity bands for which no rule fires) and goodwill remedies that always exceed
 * the caps. Each finding names its rules and, where a complaint can show it, gives one.
 *
 * Reasoning is exact where the conditions allow: each rule becomes a union of boxes (a set of values
 * per fact: intervals for numbers, sets for the others), boxes are intersected and subtracted, and a
 * box is turned into a real complaint through the scoring model (severity and value are sums of
 * factors; bands, tiers and repeats follow from them), which also proves when none exists. Rules
 * whose conditions expand beyond `maxBoxes` are left to a seeded search over generated complaints,
 * and what it finds says `method: 'search'`.
 *
 * The work is bounded: counted in units (`maxWork` in all, `maxWorkPerRule` for one rule or one
 * question), so that the same rule set gives the same findings on every machine. A question that
 * needs more than its own budget goes to the search; the questions left when the whole budget is
 * spent are listed in `notAnalysed`, and the analysis is then not `exact`. Bad options throw a
 * RedressError `INVALID_OPTIONS`; a bad rule set, `INVALID_RULESET`.
 *
 * @example
 * ```ts
 * import { defaultRuleSet } from 'redress';
 * import { analyzeRuleSet } from 'redress/analysis';
 *
 * analyzeRuleSet(defaultRuleSet); //=> { ruleSet: { name: 'default', … }, hit: 'collect', findings: [], exact: true, searched: 0, notAnalysed: [], … }
 *
 * const late = (name: string, days: [number, number]) => ({
 *   name,
 *   priority: 50,
 *   conditions: { all: [{ fact: 'daysLate', operator: 'between', value: days }] },
 *   remedies: [{ type: 'apology' }],
 * });
 * const { findings } = analyzeRuleSet({ name: 'mine', version: '1', rules: [late('a', [3, 6]), late('b', [5, 9])] }, { hit: 'unique' });
 * findings.filter((f) => f.kind === 'overlap').map((f) => f.message);
 * //=> ['rules "a" and "b" can fire for the same complaint, which the hit policy "unique" refuses']
 * ```
 */
export function analyzeRuleSet(input: unknown, options: AnalyzeOptions = {}): RuleSetAnalysis {
  const {
    maxBoxes,
    maxWork,
    maxWorkPerRule: perRule,
    searchRuns,
    seed,
    ...o
  } = resolveAnalyzeOptions(options);
  const ruleSet = loadRuleSet(input);
  const hit = o.hit ?? ruleSet.policy.hit;
  const total = new Work(maxWork);
  // Modelling the rules is worth two checks' shares: every exact answer after it rests on it.
  const share = shareOut(total, [2, ...CHECKS.map(() => 1)]);
  const modelling = share();
  const evaluated: LeafCount = { leaves: 0 };
  const rules = ruleSet.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.enabled)
    .map(({ rule, index }) => modelWithin(modelling, perRule, { rule, index, ruleSet, maxBoxes, evaluated }));
  const ctx = new CheckContext(
    ruleSet,
    hit,
    rules,
    maxBoxes * 16,
    searchRuns,
    seed,
    perRule,
    evaluated,
    total,
  );
  const findings: Finding[] = CHECKS.flatMap((check) => ctx.during(share(), () => check(ctx)));
  const notAnalysed = ctx.open.report(maxWork);
  return {
    ruleSet: { name: ruleSet.name, version: ruleSet.version },
    hit,
    findings,
    exact: ctx.searched === undefined && notAnalysed.length === 0,
    searched: ctx.searched ?? 0,
    notAnalysed,
    work: Math.ceil(total.used),
  };
}

/** The checks, in the order they run (and report). */
const CHECKS: readonly ((ctx: CheckContext) => readonly Finding[])[] = [
  unreachableFindings,
  shadowedFindings,
  overlapFindings,
  gapFindings,
  overCapFindings,
];

/**
 * One rule modelled within its own budget, spent from the modelling's share; when that share is spent,
 * the rule is left to the search like a rule too large to model.
 */
function modelWithin(
  modelling: Work,
  perRule: number,
  at: { rule: Rule; index: number; ruleSet: RuleSet; maxBoxes: number; evaluated: LeafCount },
): RuleModel {
  const { rule, index, ruleSet, maxBoxes, evaluated } = at;
  const model = () => modelRule(rule, index, ruleSet, maxBoxes, modelling.within(perRule), evaluated);
  return (modelling.exhausted ? undefined : withinBudget(modelling, model)) ?? opaque(rule, index, evaluated);
}
