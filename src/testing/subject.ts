import type { ComplaintInput } from '../complaint/schema';
import { invalidOption } from '../errors';
import type { Recommendation } from '../recommend/recommendation';
import { createRecommender, type RecommenderOptions } from '../recommender/create-recommender';
import { loadRuleSet, type RuleSet, type RuleSetInput } from '../rules/ruleset';
import type { ComplaintArbitraryOptions } from './complaint-arbitrary';

/**
 * Anything that recommends with a rule set: a `Recommender`, or your own service wrapped around one.
 * Pass one to test what your customers actually get, post-processing included.
 */
export interface FairnessTarget {
  /** The rule set whose policy (caps, declared fairness) the properties hold the recommendations to. */
  readonly ruleSet: RuleSet;
  recommend(complaint: ComplaintInput): Promise<Recommendation>;
}

/**
 * What the fairness properties test: a recommender (or a service around one), a loaded rule set, or a
 * rule set as JSON — the parsed object (typed `RuleSetInput` or straight from a `.json` import) or its
 * text — which is validated with `loadRuleSet` first.
 */
export type FairnessSubject = FairnessTarget | RuleSet | RuleSetInput | object | string;

/** Options every fairness property takes. */
export interface FairnessOptions {
  /**
   * Options for the recommender the properties create for a rule set: anything `createRecommender`
   * takes except the rule set (e.g. `{ locale: 'en' }`). One recommender serves every run of a property.
   * Not allowed when the subject is already a recommender.
   */
  readonly recommender?: Omit<RecommenderOptions, 'ruleSet'>;
  /**
   * Narrows the complaints generated (categories, channels, currency, price ranges…). The currency
   * defaults to the rule set's `currency` (EUR for a rule set without one).
   */
  readonly complaints?: ComplaintArbitraryOptions;
}

/** Whether the subject is a recommender (or a service around one), not a rule set. */
export function isTarget(subject: FairnessSubject): subject is FairnessTarget {
  return (
    typeof subject === 'object' &&
    subject !== null &&
    typeof (subject as Partial<FairnessTarget>).recommend === 'function'
  );
}

/**
 * Turns a subject into the one recommender its properties run. A rule set is validated here, so a bad
 * rule file fails before any property runs.
 *
 * @throws RedressError `INVALID_RULESET` for a rule set that does not load.
 * @throws RedressError `INVALID_OPTIONS` when a recommender comes with recommender options.
 */
export function resolveSubject(subject: FairnessSubject, options: FairnessOptions = {}): FairnessTarget {
  if (isTarget(subject)) {
    if (options.recommender !== undefined) {
      throw invalidOption(
        ['recommender'],
        'only applies to a rule set, and the subject is already a recommender; create it with these options instead',
      );
    }
    return { ruleSet: loadRuleSet(subject.ruleSet), recommend: (c) => subject.recommend(c) };
  }
  const ruleSet = loadRuleSet(subject);
  return createRecommender({ ...options.recommender, ruleSet });
}

/**
 * The complaints a property generates for `target`: as `options.complaints` asks, in the rule set's
 * currency unless they name one (complaints in another currency would need exchange rates).
 */
export function complaintsFor(target: FairnessTarget, options: FairnessOptions): ComplaintArbitraryOptions {
  return { currency: target.ruleSet.currency ?? 'EUR', ...options.complaints };
}
