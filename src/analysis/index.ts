/**
 * redress/analysis: what a rule set can and cannot do, found before it goes live.
 *
 * `analyzeRuleSet` reports rules that can never fire, overlaps under the `unique` hit policy, gaps
 * (a category and severity band no rule answers) and goodwill that is always capped, each with an
 * example complaint. It is an entry of its own because a helpdesk backend never needs it on the
 * request path; `redress validate` runs it for you.
 * @packageDocumentation
 */

export {
  type AnalyzeOptions,
  analyzeRuleSet,
  type Finding,
  type RuleSetAnalysis,
} from './analyze';
export type { Example, FindingMethod } from './checks/finding';
export type { GapFinding } from './checks/gap';
export type { CheckName, NotAnalysed } from './checks/not-analysed';
export type { OverCapFinding } from './checks/over-cap';
export type { OverlapFinding } from './checks/overlap';
export type { UnreachableFinding } from './checks/unreachable';
