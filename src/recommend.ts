import { recommendWithIncidents } from './batch/incident-batch';
import type { IncidentOptions } from './batch/incidents';
import { type ManyOptions, recommendEach, recommendEachAsJson } from './batch/many';
import { WorkerThreads } from './batch/worker-pool';
import { type Complaint, parseComplaint } from './complaint';
import { asRedressError } from './errors';
import { toFacts } from './facts';
import { type Limits, resolveLimits } from './limits';
import { affectedUnits, affectedValue, complaintCurrency, daysLate, receivedAt } from './measures';
import { fromMinor, toMinor } from './money';
import { applyCap, type Priced, type PricedSlot } from './policy/caps';
import { decideHandling } from './policy/handling';
import { type Proposal, type Slot, selectSlots } from './policy/selection';
import { composeRationale } from './rationale/compose';
import { isLocale, type Locale, resolveLocale } from './rationale/locale';
import { Renderer } from './rationale/renderer';
import type {
  DroppedRemedy,
  FiredRule,
  IncidentMark,
  Recommendation,
  RecommendationError,
} from './recommendation';
import { materialise, type Remedy } from './remedies/catalogue';
import type { RemedyContext } from './remedies/context';
import { compiledEvaluator } from './rules/compiled-engine';
import { defaultRuleSet } from './rules/default-rule-set';
import type { RuleEvaluator } from './rules/evaluator';
import { referenceEvaluator } from './rules/reference-engine';
import { loadRuleSet, type Rule, type RuleSet } from './rules/ruleset';
import { addDays } from './utc-calendar';

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
   *   `INVALID_JSON`, or `INTERNAL`.
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
  const renderers = new Map<Locale, Renderer>();
  const rendererFor = (locale: Locale) => {
    let renderer = renderers.get(locale);
    if (!renderer) {
      renderer = new Renderer(locale);
      renderers.set(locale, renderer);
    }
    return renderer;
  };

  async function recommend(input: unknown, callOptions: RecommendOptions = {}): Promise<Recommendation> {
    const complaint = parseComplaint(input, { limits });
    return (await run(complaint, localeFor(complaint, callOptions.locale))).recommendation;
  }

  async function run(complaint: Complaint, locale: Locale, incident?: IncidentRun): Promise<Run> {
    const { facts, severity, value } = toFacts(complaint, ruleSet.scoring);
    const outcomes = await evaluator.evaluate(facts, scope);
    const fired = outcomes.filter((o) => o.fired);
    const policy = ruleSet.policy;
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
      const candidates: Priced[] = [];
      const proposals = new Map<Priced, Proposal>();
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
          // `made` is a fresh object; extending it in place spares a copy of every candidate.
          const priced: Priced = Object.assign(
            made,
            proposal.incident === undefined
              ? { rule: proposal.rule, priority: proposal.priority }
              : { rule: proposal.rule, priority: proposal.priority, incident: proposal.incident },
          );
          candidates.push(priced);
          proposals.set(priced, proposal);
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
        chosen.push(proposals.get(candidates[0] as Priced) as Proposal);
      }
    }

    const tierCapMinor = minor(policy.maxCostByTier[value.tier]);
    const shareCapMinor = Math.round(ctx.affectedValueMinor * policy.maxCostShareOfOrder);
    const limitMinor = Math.min(tierCapMinor, shareCapMinor);
    const { kept, overCap, superseded } = applyCap(pricedSlots, limitMinor);
    for (const { candidate, by } of superseded) {
      dropped.push({
        type: candidate.type,
        rule: candidate.rule,
        reason: 'superseded',
        by: by.rule,
        detail: `rule "${by.rule}" (priority ${by.priority}) gives the ${candidate.type}`,
      });
    }
    for (const r of overCap) {
      dropped.push({
        type: r.type,
        rule: r.rule,
        reason: 'cap',
        estimatedCost: fromMinor(r.costMinor, currency),
        detail: `the total would exceed the cap of ${fromMinor(limitMinor, currency)} ${currency}`,
      });
    }

    const sum = (kind?: Priced['kind']) =>
      kept.reduce((s, r) => (kind === undefined || r.kind === kind ? s + r.costMinor : s), 0);
    const totalMinor = sum();
    const handling = decideHandling({
      complaint,
      facts,
      policy,
      remedies: kept,
      totalMinor,
      autoApproveMinor: minor(policy.autoApproveMaxCost),
      anyRuleFired: fired.length > 0,
      now,
    });
    const remedies: Remedy[] = kept.map(
      ({ costMinor, ...rest }) => ({ ...rest, estimatedCost: fromMinor(costMinor, currency) }) as Remedy,
    );
    const checkSatisfactionAt = new Date(addDays(now.getTime(), policy.followUpAfterDays)).toISOString();
    const firedRules: FiredRule[] = fired.map((o) => ({
      name: o.name,
      priority: o.priority,
      conditions: o.conditions,
    }));
    const totalCost = fromMinor(totalMinor, currency);
    const capLimit = fromMinor(limitMinor, currency);

    const recommendation: Recommendation = {
      complaintId: complaint.id,
      ruleSet: { name: ruleSet.name, version: ruleSet.version },
      locale,
      severity,
      value,
      remedies,
      currency,
      totalCost,
      restitutionCost: fromMinor(sum('restitution'), currency),
      goodwillCost: fromMinor(sum('goodwill'), currency),
      cap: {
        limit: capLimit,
        tierCap: fromMinor(tierCapMinor, currency),
        shareCap: fromMinor(shareCapMinor, currency),
      },
      handling,
      followUp: { checkSatisfactionAt, channel: complaint.channel },
      rationale: composeRationale(rendererFor(locale), {
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
        capLimit,
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
