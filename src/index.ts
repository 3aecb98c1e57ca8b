/**
 * redress: turn a customer complaint into a concrete, fair, explained remedy.
 *
 * The main entry: everything a helpdesk backend needs to recommend, and the types of what it gets
 * back. Grouped as the data flows: the complaint in, the scores and facts the rules read, the rule
 * set, the remedies and the policy that caps and routes them, and the recommendation out.
 *
 * Left out on purpose, each behind its own entry point so that a backend never loads it:
 * - `redress/analysis` — `analyzeRuleSet`, the static analysis of a rule set an analyst runs before
 *   going live (it carries a solver and a search the request path never needs);
 * - `redress/incidents` — `detectIncidents` and the streaming detector, for analysts and crisis
 *   dashboards (crisis mode itself is `recommendMany({ incidents })`, here);
 * - `redress/outcomes` — `summarizeOutcomes` and the outcome record, for analysts joining what came
 *   back (CSAT, repeats, churn) to stored recommendations;
 * - `redress/testing` — the fairness kit, built on fast-check, a peer dependency only tests install.
 * Internals (the compiled evaluator, the pipeline's stages, the worker pool) are not exported: they
 * change between versions without notice.
 * @packageDocumentation
 */

export { isRecommendationError, type ManyOptions } from './batch/many';
export { parseComplaint, safeParseComplaint } from './complaint/parse';
export {
  CATEGORIES,
  type Category,
  CHANNELS,
  type Channel,
  COMPENSATION_TYPES,
  type CompensationType,
  type Complaint,
  type ComplaintInput,
  ComplaintSchema,
  PREFERENCES,
  type Preference,
  TONES,
  type Tone,
} from './complaint/schema';
// Errors and results
export {
  isRedressError,
  type PathSegment,
  RedressError,
  type RedressErrorCode,
  type RedressIssue,
} from './errors';
// Exchange rates the caller passes in (`createRecommender({ exchangeRates })`): redress never fetches them
export type { ExchangeRates } from './exchange/rates';
export { FACT_NAMES, FACTS, type FactName, type FactSpec, type Facts } from './facts/catalogue';
export { type ScoredFacts, toFacts } from './facts/to-facts';
// Languages
export { LOCALE_CODES, type Locale, localeDirection, resolveLocale } from './i18n/locale';
export type { IncidentOptions } from './incidents/options';
// The complaint: limits on untrusted input, the schema, parsing
export {
  defaultLimits,
  LIMIT_CODES,
  type LimitCode,
  type LimitName,
  type Limits,
  type LimitsOption,
  limits,
  lineTooLong,
} from './input/limits';
export { CAP_LIMIT_NAMES, type Cap, type CapLimitName } from './policy/caps';
export type { DroppedRemedy } from './policy/dropped';
export type { Handling, HandlingReasonCode } from './policy/handling';
export type { IncidentCause, IncidentMark } from './policy/incident-mark';
export { HIT_POLICIES, type HitPolicy, type Policy } from './policy/schema';
export type { EvidenceStep, HandlingStep, TraceStep } from './policy/steps';
// Recommending
export type { CustomerMessage, MessagePart, MessagePartKind } from './rationale/message';
export type { RationaleSentence } from './rationale/sentence';
export type { Alternative } from './recommend/alternatives';
export type { FollowUp, SatisfactionSurvey } from './recommend/follow-up';
export type { RecommendOptions } from './recommend/pipeline';
export type { Recommendation, RecommendationError, Trace } from './recommend/recommendation';
export {
  createRecommender,
  type Recommender,
  type RecommenderOptions,
  type RecommendManyOptions,
} from './recommender/create-recommender';
// Remedies and the policy that selects, caps and routes them
export {
  REMEDY_TYPES,
  type Remedy,
  type RemedySpec,
  type RemedySpecInput,
  type RemedyType,
  remedyRank,
} from './remedies/catalogue';
export type { RemedyKind } from './remedies/context';
export type { Result } from './result';
// The rule set
export type { Condition, LeafCondition, TopLevelCondition } from './rules/condition';
export { defaultRuleSet } from './rules/default/rule-set';
export type { ConditionTrace, FiredRule, RuleOutcome } from './rules/engine/evaluator';
export { ruleSetJsonSchema } from './rules/json-schema';
export { OPERATORS, type Operator, type Scalar } from './rules/operators';
export { loadRuleSet, type Rule, type RuleSet, type RuleSetInput } from './rules/ruleset';
export { type RuleSetStamp, ruleSetHash } from './rules/stamp';
export {
  type CurrencyWarning,
  type RationaleWarning,
  type RuleSetWarning,
  ruleSetWarnings,
} from './rules/warnings';
// Scores and facts
export { defaultScoring, type Scoring, type SeverityScoring, type ValueScoring } from './scoring/config';
export {
  type Factor,
  type FactorCode,
  SEVERITY_BANDS,
  SEVERITY_FACTOR_CODES,
  type SeverityBand,
  type SeverityFactorCode,
  type SeverityScore,
  VALUE_FACTOR_CODES,
  VALUE_TIERS,
  type ValueFactorCode,
  type ValueScore,
  type ValueTier,
} from './scoring/score';
export { scoreSeverity } from './scoring/severity';
export { scoreCustomerValue } from './scoring/value';
export type { Duration } from './time/duration';
