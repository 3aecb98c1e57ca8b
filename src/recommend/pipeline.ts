import { parseComplaint } from '../complaint/parse';
import type { Complaint } from '../complaint/schema';
import { toFacts } from '../facts/to-facts';
import { isLocale, type Locale, resolveLocale, unsupportedLocale } from '../i18n/locale';
import type { Limits } from '../input/limits';
import { fromMinor, toMinor } from '../money';
import { decideHandling } from '../policy/handling';
import type { Proposal } from '../policy/selection';
import { compiledEvaluator } from '../rules/engine/compiled';
import type { FiredRule, RuleEvaluator } from '../rules/engine/evaluator';
import { referenceEvaluator } from '../rules/engine/reference';
import type { Rule, RuleSet } from '../rules/ruleset';
import { ruleSetStamp } from '../rules/stamp';
import { addDays } from '../time/utc-calendar';
import { assemble, toRemedy } from './assemble';
import { cap } from './cap';
import { explain } from './explain';
import { price, remedyContext } from './price';
import type { Recommendation } from './recommendation';
import { type IncidentRun, select } from './select';

/** Per-call options of `recommend`. */
export interface RecommendOptions {
  /** Overrides the recommender's locale for this call (`auto`: the complaint's `customer.locale`). */
  readonly locale?: Locale | 'auto';
}

/** How a pipeline is set up: a loaded rule set and the recommender's resolved options. @internal */
export interface PipelineOptions {
  readonly ruleSet: RuleSet;
  readonly limits: Limits;
  readonly locale: Locale | 'auto';
  readonly fallbackLocale: Locale;
  readonly engine: 'compiled' | 'reference';
  readonly trace: 'fired' | 'all';
}

/** A recommendation and the proposals it chose before caps (an incident's policy, if it leads one). @internal */
export interface Run {
  readonly recommendation: Recommendation;
  readonly chosen: readonly Proposal[];
}

/** One complaint through every stage, with one rule set. @internal */
export interface Pipeline {
  readonly options: PipelineOptions;
  /** The locale a complaint's recommendation is written in, given the call's request. */
  localeFor(complaint: Complaint, requested?: Locale | 'auto'): Locale;
  /** Validates an untrusted complaint and recommends for it. */
  recommend(input: unknown, options?: RecommendOptions): Promise<Recommendation>;
  /** Recommends for a validated complaint, as an incident's member when `incident` is given. */
  run(complaint: Complaint, locale: Locale, incident?: IncidentRun): Promise<Run>;
}

/**
 * The pipeline: parse → facts → rules → select → price → cap → handle → explain → assemble. Each
 * stage is a function of its own module in this folder (or of the layer it names); this one only
 * passes what each stage gives to the next.
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  const { ruleSet, limits } = options;
  const policy = ruleSet.policy;
  const evaluator: RuleEvaluator =
    options.engine === 'compiled' ? compiledEvaluator(ruleSet) : referenceEvaluator(ruleSet);
  const rulesByName = new Map<string, Rule>(ruleSet.rules.map((r) => [r.name, r]));
  // Hashing the rule set takes longer than a recommendation: once per pipeline, not per complaint.
  const stamp = ruleSetStamp(ruleSet);

  const localeFor = (complaint: Complaint, requested?: Locale | 'auto'): Locale => {
    const locale = requested ?? options.locale;
    if (locale === 'auto') return resolveLocale(complaint.customer.locale, options.fallbackLocale);
    if (!isLocale(locale)) throw unsupportedLocale(['locale'], locale);
    return locale;
  };

  async function run(complaint: Complaint, locale: Locale, incident?: IncidentRun): Promise<Run> {
    const { facts, severity, value } = toFacts(complaint, ruleSet.scoring);
    const outcomes = await evaluator.evaluate(facts, options.trace);
    const fired = outcomes.filter((o) => o.fired);
    const slots = select(policy.hit, fired, ruleSet.rules, complaint.id, incident);
    const ctx = remedyContext(complaint, facts, policy);
    const priced = price(slots, ctx, incident !== undefined);
    const capStage = cap(priced, complaint, ctx, policy, { band: severity.band, tier: value.tier });
    const { capped } = capStage;
    const handling = decideHandling({
      complaint,
      facts,
      policy,
      remedies: capped.kept,
      totalMinor: capped.restitutionMinor + capped.goodwillMinor,
      autoApproveMinor: toMinor(policy.autoApproveMaxCost, ctx.currency),
      anyRuleFired: fired.length > 0,
      compensationLimitReached: capped.customerLimitReached,
      now: ctx.now,
    });
    const remedies = capped.kept.map((c) => toRemedy(c, ctx.currency));
    const checkSatisfactionAt = new Date(addDays(ctx.now.getTime(), policy.followUpAfterDays)).toISOString();
    const firedRules: FiredRule[] = fired.map((o) => ({
      name: o.name,
      priority: o.priority,
      conditions: o.conditions,
    }));
    const rationale = explain({
      complaint,
      currency: ctx.currency,
      locale,
      policy,
      rules: rulesByName,
      severity,
      value,
      remedies,
      fired: firedRules,
      capStage,
      handling,
      totalCost: fromMinor(capped.restitutionMinor + capped.goodwillMinor, ctx.currency),
      restitutionCost: fromMinor(capped.restitutionMinor, ctx.currency),
      checkSatisfactionAt,
      ...(incident ? { incident } : {}),
    });
    const recommendation = assemble({
      complaint,
      stamp,
      locale,
      currency: ctx.currency,
      severity,
      value,
      facts,
      remedies,
      capStage,
      handling,
      checkSatisfactionAt,
      rationale,
      hit: policy.hit,
      fired: firedRules,
      ...(options.trace === 'all' ? { outcomes } : {}),
      ...(incident ? { incident } : {}),
    });
    return { recommendation, chosen: priced.chosen };
  }

  return {
    options,
    localeFor,
    recommend: async (input, callOptions = {}) => {
      const complaint = parseComplaint(input, { limits });
      return (await run(complaint, localeFor(complaint, callOptions.locale))).recommendation;
    },
    run,
  };
}
