/**
 * redress/outcomes: what each rule's remedies actually achieved.
 *
 * Outcome records (CSAT, reopen, repeat complaint, churn, the customer's answer to the offer) join back
 * to the stamped recommendations by complaint id; `summarizeOutcomes` reports per rule, remedy type,
 * category, severity band and rule set, with 95% intervals, and marks the rules whose customers are
 * less satisfied than the rest of their category. An entry of its own because a helpdesk backend
 * never needs it on the request path; `redress outcomes` runs it for you.
 * @packageDocumentation
 */

export { OUTCOME_DEFAULTS, type OutcomeSummaryOptions } from './options';
export {
  ACCEPTANCES,
  type Acceptance,
  MAX_REPEAT_DAYS,
  type Outcome,
  type OutcomeInput,
  OutcomeSchema,
  outcomeJsonSchema,
} from './outcome';
export { parseOutcome, safeParseOutcome } from './parse';
export type { Difference, Share } from './share';
export { type OutcomeRecords, summarizeOutcomes } from './summarize';
export type {
  CostPerSatisfied,
  OutcomeGroup,
  OutcomeLineError,
  OutcomeSummary,
  RuleSetOutcomes,
  RuleVerdict,
  Verdict,
} from './summary';
