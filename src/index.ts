/**
 * redress: turn a customer complaint into a concrete, fair, explained remedy.
 *
 * This is the public API; nothing else is exported.
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
} from './analysis/analyze';
export { isRecommendationError, type ManyOptions } from './batch/many';
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
  parseComplaint,
  safeParseComplaint,
  TONES,
  type Tone,
} from './complaint/schema';
export {
  isRedressError,
  type PathSegment,
  RedressError,
  type RedressErrorCode,
  type RedressIssue,
} from './errors';
export {
  FACT_NAMES,
  FACTS,
  type FactName,
  type FactSpec,
  type Facts,
  type ScoredFacts,
  toFacts,
} from './facts/facts';
export { LOCALE_CODES, type Locale, localeDirection, resolveLocale } from './i18n/locale';
export {
  createIncidentDetector,
  detectIncidents,
  INCIDENT_DEFAULTS,
  type Incident,
  type IncidentCause,
  type IncidentComplaint,
  type IncidentDetector,
  type IncidentGroupBy,
  type IncidentOptions,
} from './incidents/detect';
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
export { CAP_LIMIT_NAMES, type CapLimitName } from './policy/caps';
export { HIT_POLICIES, type HitPolicy, type Policy } from './policy/schema';
export {
  createRecommender,
  type Recommender,
  type RecommenderOptions,
  type RecommendManyOptions,
  type RecommendOptions,
} from './recommend/pipeline';
export type {
  Cap,
  DroppedRemedy,
  FiredRule,
  Handling,
  HandlingReasonCode,
  IncidentMark,
  RationaleSentence,
  Recommendation,
  RecommendationError,
  Trace,
} from './recommend/recommendation';
export {
  REMEDY_TYPES,
  type Remedy,
  type RemedySpec,
  type RemedyType,
  remedyRank,
} from './remedies/catalogue';
export type { RemedyKind } from './remedies/context';
export type { Result } from './result';
export type { Condition, LeafCondition, TopLevelCondition } from './rules/condition';
export { defaultRuleSet } from './rules/default/rule-set';
export type { ConditionTrace, RuleOutcome } from './rules/engine/evaluator';
export { ruleSetJsonSchema } from './rules/json-schema';
export { OPERATORS, type Operator, type Scalar } from './rules/operators';
export { loadRuleSet, type Rule, type RuleSet, type RuleSetInput } from './rules/ruleset';
export { type RuleSetWarning, ruleSetWarnings } from './rules/warnings';
export { defaultScoring, type Scoring, type SeverityScoring, type ValueScoring } from './scoring/config';
export {
  type Factor,
  SEVERITY_BANDS,
  type SeverityBand,
  type SeverityScore,
  VALUE_TIERS,
  type ValueScore,
  type ValueTier,
} from './scoring/score';
export { scoreSeverity } from './scoring/severity';
export { scoreCustomerValue } from './scoring/value';
export type { Duration } from './time/duration';
