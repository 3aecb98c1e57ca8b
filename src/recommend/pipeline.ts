import { type ManyOptions, recommendEach, recommendEachAsJson } from '../batch/many';
import { WorkerThreads } from '../batch/worker-pool';
import {
  affectedUnits,
  affectedValue,
  complaintCurrency,
  daysLate,
  goodwillWithin,
  receivedAt,
} from '../complaint/measures';
import { type Complaint, parseComplaint } from '../complaint/schema';
import { asRedressError } from '../errors';
import { toFacts } from '../facts/facts';
import { isLocale, type Locale, resolveLocale } from '../i18n/locale';
import { rendererOf } from '../i18n/renderer';
import { recommendWithIncidents } from '../incidents/crisis';
import type { IncidentOptions } from '../incidents/detect';
import { type Limits, resolveLimits } from '../input/limits';
import { fromMinor, toMinor } from '../money';
import {
  applyCaps,
  type Candidate,
  type GoodwillLimits,
  type PricedSlot,
  type Reducer,
} from '../policy/caps';
import { decideHandling } from '../policy/handling';
import { assertUnique, type Proposal, type Slot, selectSlots } from '../policy/selection';
import { composeRationale } from '../rationale/compose';
import { materialise, type Remedy, reduceSpec } from '../remedies/catalogue';
import type { RemedyContext } from '../remedies/context';
import { defaultRuleSet } from '../rules/default/rule-set';
import { compiledEvaluator } from '../rules/engine/compiled';
import type { RuleEvaluator } from '../rules/engine/evaluator';
import { referenceEvaluator } from '../rules/engine/reference';
import { loadRuleSet, type Rule, type RuleSet } from '../rules/ruleset';
import { addDays } from '../time/utc-calendar';
import type {
  Cap,
  DroppedRemedy,
  FiredRule,
  IncidentMark,
  Recommendation,
  RecommendationError,
} from './recommendation';

/** How a recommender is set up. */
export interface RecommenderOptions {
  /** The rules to run; defaults to the built-in `defaultRuleSet`. */
  readonly ruleSet?: RuleSet;
  /**
   * Language of the rationale: `en` (default), `tr` or `fa`; or `auto`: the complaint's own
   * `customer.locale` (a BCP 47 tag such as `tr-TR` or `fa`), or `fallbackLocale` when it has none
   * that redress writes.
   */
  readonly locale?: Locale | 'auto';
  /** The language `auto` falls back to. Default `en`. */
  readonly fallbackLocale?: Locale;
  /** `fired` (default): the trace lists the rules that fired; `all`: every rule with its condition results. */
  readonly trace?: 'fired' | 'all';
  /**
   * What runs the rules: `compiled` (default), redress's own evaluator of the condition language, or
   * `reference`, json-rules-engine itself. Both give identical recommendations; the compiled one is
   * hundreds of times faster, the reference one is the yardstick it is tested against.
   */
  readonly engine?: 'compiled' | 'reference';
  /** Limits for complaints (and for `ruleSet` when it is not loaded yet); see `Limits`. */
  readonly limits?: Partial<Limits>;
}

/** Per-call options of `recommend`. */
export interface RecommendOptions {
  /** Overrides the recommender's locale for this call (`auto`: the complaint's `customer.locale`). */
  readonly locale?: Locale | 'auto';
}

/** Options of `recommendMany`. */
export interface RecommendManyOptions extends ManyOptions, RecommendOptions {
  /**
   * Crisis mode: find incidents in the batch (`true` for the defaults, or `detectIncidents` options) and
   * give every complaint in one at least the remedies of the incident's most severe complaint, within
   * its own caps, marked with the incident. Complaints outside incidents get exactly what they would
   * get without it. The batch is read to its end before the first result.
   */
  readonly incidents?: boolean | IncidentOptions;
}

/** An incident's shared policy, as one of its members is recommended for. @internal */
export interface IncidentRun {
  readonly mark: IncidentMark;
  /** The remedies of the incident's most severe complaint, as rule proposals marked with the incident. */
  readonly policy: readonly Proposal[];
}

/** A recommendation and the proposals it chose before caps (an incident's policy, if it leads one). @internal */
export interface Run {
  readonly recommendation: Recommendation;
  readonly chosen: readonly Proposal[];
}

/** Turns complaints into recommendations with one rule set. Safe to call concurrently. */
export interface Recommender {
  /** The validated rule set this recommender runs. */
  readonly ruleSet: RuleSet;
  /**
   * Validates a complaint (unknown JSON, or its text) and recommends remedies for it. Every failure is a
   * `RedressError`: a fault inside redress (a rule evaluator or a remedy that throws) is `INTERNAL`, with
   * the original error as `cause`.
   * @throws RedressError `INVALID_COMPLAINT` naming the offending field, `LIMIT_EXCEEDED`,
   *   `INVALID_JSON`, `INTERNAL`, or `RULE_CONFLICT` under the `unique` hit policy when more than one
   *   rule fires (naming the rules; its path points into the rule set).
   */
  recommend(complaint: unknown, options?: RecommendOptions): Promise<Recommendation>;
  /**
   * Recommends for many complaints; yields one result or error record per input, in input order, with a
   * bounded number in flight (a stream of any length runs in constant memory). Large batches are
   * spread over worker threads, one per core by default (see `ManyOptions`).
   */
  recommendMany(
    complaints: Iterable<unknown> | AsyncIterable<unknown>,
    options?: RecommendManyOptions,
  ): AsyncIterable<Recommendation | RecommendationError>;
  /**
   * `recommendMany`, yielding each result as its JSON text (one line of JSON Lines, without the newline).
   * Worker threads hand over JSON anyway, so this spares the calling thread from reading every result
   * back into objects only to write it out again: the fast way to stream results to a file or socket.
   */
  recommendManyAsJson(
    complaints: Iterable<unknown> | AsyncIterable<unknown>,
    options?: ManyOptions & RecommendOptions,
  ): AsyncIterable<string>;
}

const APOLOGY: Proposal = { spec: { type: 'apology', form: 'standard' }, rule: 'policy', priority: 0 };

/** Creates a recommender. With no options it runs the built-in default rules in English. */
export function createRecommender(options: RecommenderOptions = {}): Recommender {
  const limits = resolveLimits(options.limits);
  const ruleSet = loadRuleSet(options.ruleSet ?? defaultRuleSet, { limits });
  const defaultLocale = options.locale ?? 'en';
  if (defaultLocale !== 'auto' && !isLocale(defaultLocale)) {
    throw new TypeError(
      `unsupported locale "${String(defaultLocale)}"; use ${['en', 'tr', 'fa', 'auto'].join(', ')}`,
    );
  }
  const fallbackLocale = options.fallbackLocale ?? 'en';
  if (!isLocale(fallbackLocale))
    throw new TypeError(`unsupported fallback locale "${String(fallbackLocale)}"`);
  const localeFor = (complaint: Complaint, requested: Locale | 'auto' | undefined): Locale => {
    const locale = requested ?? defaultLocale;
    if (locale === 'auto') return resolveLocale(complaint.customer.locale, fallbackLocale);
    if (!isLocale(locale)) throw new TypeError(`unsupported locale "${String(locale)}"`);
    return locale;
  };
  const engine = options.engine ?? 'compiled';
  if (engine !== 'compiled' && engine !== 'reference')
    throw new TypeError(`unknown engine "${String(engine)}"; use "compiled" or "reference"`);
  const evaluator: RuleEvaluator =
    engine === 'compiled' ? compiledEvaluator(ruleSet) : referenceEvaluator(ruleSet);
  const scope = options.trace === 'all' ? 'all' : 'fired';
  const rulesByName = new Map<string, Rule>(ruleSet.rules.map((r) => [r.name, r]));

  async function recommend(input: unknown, callOptions: RecommendOptions = {}): Promise<Recommendation> {
    const complaint = parseComplaint(input, { limits });
    return (await run(complaint, localeFor(complaint, callOptions.locale))).recommendation;
  }

  async function run(complaint: Complaint, locale: Locale, incident?: IncidentRun): Promise<Run> {
    const { facts, severity, value } = toFacts(complaint, ruleSet.scoring);
    const outcomes = await evaluator.evaluate(facts, scope);
    const fired = outcomes.filter((o) => o.fired);
    const policy = ruleSet.policy;
    if (policy.hit === 'unique') assertUnique(fired, complaint.id);
    const slots = selectSlots(policy.hit, fired, ruleSet.rules);
    if (!slots.some((slot) => slot.type === 'apology'))
      slots.push({ type: 'apology', candidates: [APOLOGY] });
    if (incident) withIncidentPolicy(slots, incident.policy);

    const currency = complaintCurrency(complaint);
    const now = receivedAt(complaint);
    const minor = (amount: number) => toMinor(amount, currency);
    const ctx: RemedyContext = {
      complaint,
      facts,
      currency,
      now,
      affectedValueMinor: minor(affectedValue(complaint)),
      orderLines: (complaint.order?.items ?? []).map((i) => ({
        sku: i.sku,
        quantity: i.quantity,
        unitPriceMinor: minor(i.unitPrice),
      })),
      affectedUnits: affectedUnits(complaint).map((u) => ({
        sku: u.sku,
        quantity: u.quantity,
        unitPriceMinor: minor(u.unitPrice),
      })),
      shippingCostMinor: {
        standard: minor(policy.shippingCost.standard),
        express: minor(policy.shippingCost.express),
      },
    };

    const dropped: DroppedRemedy[] = [];
    const pricedSlots: PricedSlot[] = [];
    const chosen: Proposal[] = [];
    for (const slot of slots) {
      const candidates: Candidate[] = [];
      const proposals = new Map<Candidate, Proposal>();
      for (const proposal of slot.candidates) {
        const made = materialise(proposal.spec, ctx);
        if ('notApplicable' in made) {
          dropped.push({
            type: slot.type,
            rule: proposal.rule,
            reason: 'not_applicable',
            code: made.notApplicable,
            detail: made.notApplicable.replaceAll('_', ' '),
          });
        } else {
          const candidate: Candidate = {
            ...made,
            rule: proposal.rule,
            priority: proposal.priority,
            spec: proposal.spec,
            ...(proposal.incident === undefined ? {} : { incident: proposal.incident }),
          };
          candidates.push(candidate);
          proposals.set(candidate, proposal);
        }
      }
      // In an incident, the shared policy and the complaint's own proposals compete: the more generous
      // for this customer comes first (the policy on a tie), so that no remedy type is offered less
      // generously than the complaint's own rules would offer it; the caps then apply as always.
      if (incident && candidates.some((c) => c.incident !== undefined)) {
        candidates.sort((a, b) => b.costMinor - a.costMinor);
      }
      if (candidates.length > 0) {
        pricedSlots.push({ type: slot.type, candidates });
        chosen.push(proposals.get(candidates[0] as Candidate) as Proposal);
      }
    }

    const perCustomer = policy.perCustomer;
    const used = perCustomer ? goodwillWithin(complaint, perCustomer.windowDays) : undefined;
    const goodwillLimits: GoodwillLimits = {
      severity: Math.round(ctx.affectedValueMinor * policy.maxGoodwillShareBySeverity[severity.band]),
      tier: minor(policy.maxGoodwillByTier[value.tier]),
      total: Math.round(ctx.affectedValueMinor * policy.maxTotalShareOfValue),
      customer:
        perCustomer && used
          ? perCustomer.maxCount !== undefined && used.count >= perCustomer.maxCount
            ? 0
            : perCustomer.maxGoodwill === undefined
              ? null
              : Math.max(0, minor(perCustomer.maxGoodwill) - used.amountMinor)
          : null,
    };
    const reduce: Reducer = (candidate, maxMinor) => {
      const spec = reduceSpec(candidate.spec, maxMinor, ctx);
      if (!spec) return undefined;
      const made = materialise(spec, ctx);
      return 'notApplicable' in made
        ? undefined
        : {
            ...made,
            rule: candidate.rule,
            priority: candidate.priority,
            spec,
            ...(candidate.incident === undefined ? {} : { incident: candidate.incident }),
          };
    };
    const capped = applyCaps(pricedSlots, goodwillLimits, reduce);
    const { kept, superseded } = capped;
    for (const { candidate, by } of superseded) {
      dropped.push({
        type: candidate.type,
        rule: candidate.rule,
        reason: 'superseded',
        by: by.rule,
        detail: `rule "${by.rule}" (priority ${by.priority}) gives the ${candidate.type}`,
      });
    }
    const goodwillLimit = fromMinor(capped.goodwillLimitMinor, currency);
    for (const { candidate, keptCostMinor, limit } of capped.capped) {
      const common = {
        type: candidate.type,
        rule: candidate.rule,
        limit,
        estimatedCost: fromMinor(candidate.costMinor, currency),
      };
      dropped.push(
        keptCostMinor > 0
          ? {
              ...common,
              reason: 'reduced',
              keptCost: fromMinor(keptCostMinor, currency),
              detail: `reduced to ${fromMinor(keptCostMinor, currency)} ${currency}: goodwill is limited to ${goodwillLimit} ${currency} (${limit} limit)`,
            }
          : {
              ...common,
              reason: 'cap',
              detail: `no goodwill left: it is limited to ${goodwillLimit} ${currency} (${limit} limit)`,
            },
      );
    }

    const totalMinor = capped.restitutionMinor + capped.goodwillMinor;
    const handling = decideHandling({
      complaint,
      facts,
      policy,
      remedies: kept,
      totalMinor,
      autoApproveMinor: minor(policy.autoApproveMaxCost),
      anyRuleFired: fired.length > 0,
      compensationLimitReached: capped.customerLimitReached,
      now,
    });
    const remedies: Remedy[] = kept.map(
      ({ costMinor, spec: _spec, ...rest }) =>
        ({ ...rest, estimatedCost: fromMinor(costMinor, currency) }) as Remedy,
    );
    const checkSatisfactionAt = new Date(addDays(now.getTime(), policy.followUpAfterDays)).toISOString();
    const firedRules: FiredRule[] = fired.map((o) => ({
      name: o.name,
      priority: o.priority,
      conditions: o.conditions,
    }));
    const totalCost = fromMinor(totalMinor, currency);
    const restitutionCost = fromMinor(capped.restitutionMinor, currency);
    const cap: Cap = {
      affectedValue: fromMinor(ctx.affectedValueMinor, currency),
      goodwillLimit,
      binding: capped.binding,
      severityLimit: fromMinor(goodwillLimits.severity, currency),
      tierLimit: fromMinor(goodwillLimits.tier, currency),
      totalLimit: fromMinor(goodwillLimits.total, currency),
      customerLimit: goodwillLimits.customer === null ? null : fromMinor(goodwillLimits.customer, currency),
    };

    const recommendation: Recommendation = {
      complaintId: complaint.id,
      ruleSet: { name: ruleSet.name, version: ruleSet.version },
      locale,
      severity,
      value,
      remedies,
      currency,
      totalCost,
      restitutionCost,
      goodwillCost: fromMinor(capped.goodwillMinor, currency),
      cap,
      handling,
      followUp: { checkSatisfactionAt, channel: complaint.channel },
      rationale: composeRationale(rendererOf(locale), {
        complaint,
        daysLate: daysLate(complaint),
        currency,
        severity,
        value,
        remedies,
        dropped,
        fired: firedRules,
        rules: rulesByName,
        handling,
        totalCost,
        cap,
        severityShare: policy.maxGoodwillShareBySeverity[severity.band],
        totalShare: policy.maxTotalShareOfValue,
        restitutionCost,
        perCustomer:
          perCustomer && used
            ? {
                windowDays: perCustomer.windowDays,
                used: fromMinor(used.amountMinor, currency),
                count: used.count,
                maxGoodwill: perCustomer.maxGoodwill ?? null,
                maxCount: perCustomer.maxCount ?? null,
              }
            : null,
        autoApproveMaxCost: policy.autoApproveMaxCost,
        checkSatisfactionAt,
        ...(incident ? { incident: incident.mark } : {}),
      }),
      trace: {
        hit: policy.hit,
        facts,
        fired: firedRules,
        dropped,
        ...(options.trace === 'all' ? { rules: outcomes } : {}),
      },
      ...(incident ? { incident: incident.mark } : {}),
    };
    return { recommendation, chosen };
  }

  // The one place where a fault inside redress becomes a RedressError, so that a caller (or a batch)
  // only ever has one kind of failure to handle.
  const guarded = (input: unknown, callOptions?: RecommendOptions) =>
    recommend(input, callOptions).catch((error: unknown) => {
      throw asRedressError(error);
    });

  const localRecommend = (manyOptions: RecommendOptions) => (c: unknown) =>
    guarded(c, manyOptions.locale ? { locale: manyOptions.locale } : {});
  // Started by the first large batch; each worker builds this same recommender.
  const threads = new WorkerThreads({
    ruleSet,
    locale: defaultLocale,
    fallbackLocale,
    engine,
    trace: options.trace ?? 'fired',
    limits,
  });

  return {
    ruleSet,
    recommend: guarded,
    recommendMany: (complaints, manyOptions = {}) => {
      const { incidents, ...rest } = manyOptions;
      if (incidents !== undefined && incidents !== false) {
        return recommendWithIncidents(complaints, {
          run,
          localeFor: (c) => localeFor(c, rest.locale),
          severity: (c) => toFacts(c, ruleSet.scoring).severity.score,
          options: rest,
          incidents: incidents === true ? {} : incidents,
          limits,
        });
      }
      return recommendEach(complaints, localRecommend(rest), rest, threads, rest.locale);
    },
    recommendManyAsJson: (complaints, manyOptions = {}) =>
      recommendEachAsJson(complaints, localRecommend(manyOptions), manyOptions, threads, manyOptions.locale),
  };
}

/**
 * Puts an incident's policy in front of the complaint's own proposals, one per remedy type, so that
 * each type is offered as the policy has it (or more, if the complaint's own rules give more).
 */
function withIncidentPolicy(slots: Slot[], policy: readonly Proposal[]): void {
  for (const proposal of policy) {
    const index = slots.findIndex((slot) => slot.type === proposal.spec.type);
    const slot = slots[index];
    // The complaint's own proposal of the very same remedy is the policy's: keep it once, marked.
    const own = slot?.candidates.filter((c) => c.spec !== proposal.spec) ?? [];
    if (slot) slots[index] = { type: slot.type, candidates: [proposal, ...own] };
    else slots.push({ type: proposal.spec.type, candidates: [proposal] });
  }
}
