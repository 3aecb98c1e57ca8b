/**
 * redress/testing: prove in your own test suite that a rule set treats customers fairly.
 *
 * fast-check arbitraries that generate valid complaints and variants of them, one fast-check property
 * per fairness guarantee, and `assertFair`, which runs them all. Needs the `fast-check` package (a peer
 * dependency of this entry only; the main `redress` entry never loads it).
 * @packageDocumentation
 */

export {
  type AssertFairOptions,
  assertFair,
  DEFAULT_SEED,
  FAIRNESS_PROPERTIES,
  FAIRNESS_PROPERTY_NAMES,
  FairnessError,
  type FairnessFailure,
  type FairnessPropertyName,
  type FairnessResult,
} from './assert-fair';
export { capViolations } from './cap-check';
export {
  COMPLAINT_SHAPES,
  type ComplaintArbitraryOptions,
  type ComplaintShape,
  complaintArbitrary,
} from './complaint-arbitrary';
export {
  type CustomerValueProfile,
  customerValueArbitrary,
  lowestValueTwin,
  withCustomerValue,
} from './customer-value';
export { generosityShortfalls, offeredCost, topRemedy } from './generosity';
export {
  describeHarmChange,
  HARM_CHANGE_KINDS,
  type HarmChange,
  type HarmChangeKind,
  harmChangeArbitrary,
  worsenHarm,
} from './harm-change';
export {
  NON_FACT_FIELDS,
  type NonFactChange,
  nonFactChangeArbitrary,
  withNonFactChange,
} from './non-fact-change';
export { boundedDisparity } from './properties/bounded-disparity';
export { capsHold } from './properties/caps-hold';
export { compensationHistory } from './properties/compensation-history';
export {
  type CurrencyInvarianceOptions,
  currencyInvariance,
  FAIRNESS_EXCHANGE_RATES,
} from './properties/currency-invariance';
export { type DeterminismOptions, determinism } from './properties/determinism';
export { harmFloor } from './properties/harm-floor';
export { invariance } from './properties/invariance';
export { type SeverityMonotonicityOptions, severityMonotonicity } from './properties/severity-monotonicity';
export { splitInvariance } from './properties/split-invariance';
export { type RemedySpecArbitraryOptions, remedySpecArbitrary } from './remedy-arbitrary';
export type { FairnessOptions, FairnessSubject, FairnessTarget } from './subject';
export { FairnessViolation } from './violation';
