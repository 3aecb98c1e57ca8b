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
  type Example,
  type Finding,
  type FindingMethod,
  type GapFinding,
  type OverCapFinding,
  type OverlapFinding,
  type RuleSetAnalysis,
  type UnreachableFinding,
} from './analyze';
