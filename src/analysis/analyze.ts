import type { HitPolicy } from '../policy/schema';
import { loadRuleSet } from '../rules/ruleset';
import { CheckContext } from './checks/context';
import { type GapFinding, gapFindings } from './checks/gap';
import { type OverCapFinding, overCapFindings } from './checks/over-cap';
import { type OverlapFinding, overlapFindings } from './checks/overlap';
import { shadowedFindings } from './checks/shadowed';
import { type UnreachableFinding, unreachableFindings } from './checks/unreachable';
import { modelRule } from './model/rule-model';

/** One thing `analyzeRuleSet` found. */
export type Finding = UnreachableFinding | OverlapFinding | GapFinding | OverCapFinding;

/** What `analyzeRuleSet` found, and how. */
export interface RuleSetAnalysis {
  readonly ruleSet: { readonly name: string; readonly version: string };
  /** The hit policy the rules were analysed under. */
  readonly hit: HitPolicy;
  readonly findings: readonly Finding[];
  /** True when every question was settled exactly; false when some needed the search. */
  readonly exact: boolean;
  /** Complaints the search generated (0 when none was needed). */
  readonly searched: number;
}

/** Options of `analyzeRuleSet`. */
export interface AnalyzeOptions {
  /** Analyse as if the rule set had this hit policy (e.g. `unique`, to list overlaps). Default: its own. */
  readonly hit?: HitPolicy;
  /**
   * Most boxes (conjunctions of fact sets) one rule's conditions may expand to before that rule is left
   * to the search; the remainders of gap and shadow checks may have 16 times as many. Default 256.
   */
  readonly maxBoxes?: number;
  /** Complaints the search generates when it is needed. Default 2,000. */
  readonly searchRuns?: number;
  /** Seed of the search. Default 20261125. */
  readonly seed?: number;
}

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
 * @example
 * ```ts
 * import { defaultRuleSet } from 'redress';
 * import { analyzeRuleSet } from 'redress/analysis';
 *
 * analyzeRuleSet(defaultRuleSet); //=> { ruleSet: { name: 'default', … }, hit: 'collect', findings: [], exact: true, searched: 0 }
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
  const ruleSet = loadRuleSet(input);
  const hit = options.hit ?? ruleSet.policy.hit;
  const maxBoxes = options.maxBoxes ?? 256;
  const rules = ruleSet.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.enabled)
    .map(({ rule, index }) => modelRule(rule, index, ruleSet, maxBoxes));
  const ctx = new CheckContext(
    ruleSet,
    hit,
    rules,
    maxBoxes * 16,
    options.searchRuns ?? 2000,
    options.seed ?? 20261125,
  );
  const findings: Finding[] = [
    ...unreachableFindings(ctx),
    ...shadowedFindings(ctx),
    ...overlapFindings(ctx),
    ...gapFindings(ctx),
    ...overCapFindings(ctx),
  ];
  return {
    ruleSet: { name: ruleSet.name, version: ruleSet.version },
    hit,
    findings,
    exact: ctx.searched === undefined,
    searched: ctx.searched ?? 0,
  };
}
