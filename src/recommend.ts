import { type ManyOptions, recommendEach, recommendEachAsJson } from './batch/many';
import type { WorkerSetup } from './batch/worker-pool';
import { parseComplaint } from './complaint';
import { toFacts } from './facts';
import { affectedUnits, affectedValue, complaintCurrency, daysLate, receivedAt } from './measures';
import { fromMinor, toMinor } from './money';
import { applyCap, type Priced, type PricedSlot } from './policy/caps';
import { decideHandling } from './policy/handling';
import { type Proposal, selectSlots } from './policy/selection';
import { composeRationale } from './rationale/compose';
import { isLocale, type Locale } from './rationale/locale';
import { Renderer } from './rationale/renderer';
import type { DroppedRemedy, FiredRule, Recommendation, RecommendationError } from './recommendation';
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
  /** Language of the rationale. Default `en`. */
  readonly locale?: Locale;
  /** `fired` (default): the trace lists the rules that fired; `all`: every rule with its condition results. */
  readonly trace?: 'fired' | 'all';
  /**
   * What runs the rules: `compiled` (default), redress's own evaluator of the condition language, or
   * `reference`, json-rules-engine itself. Both give identical recommendations; the compiled one is
   * hundreds of times faster, the reference one is the yardstick it is tested against.
   */
  readonly engine?: 'compiled' | 'reference';
}

/** Per-call options of `recommend`. */
export interface RecommendOptions {
  /** Overrides the recommender's locale for this call. */
  readonly locale?: Locale;
}

/** Turns complaints into recommendations with one rule set. Safe to call concurrently. */
export interface Recommender {
  /** The validated rule set this recommender runs. */
  readonly ruleSet: RuleSet;
  /**
   * Validates a complaint (unknown JSON) and recommends remedies for it.
   * @throws RedressError `INVALID_COMPLAINT` naming the offending field.
   */
  recommend(complaint: unknown, options?: RecommendOptions): Promise<Recommendation>;
  /**
   * Recommends for many complaints; yields one result or error record per input, in input order, with a
   * bounded number in flight (a stream of any length runs in constant memory). Large batches are
   * spread over worker threads, one per core by default (see `ManyOptions`).
   */
  recommendMany(
    complaints: Iterable<unknown> | AsyncIterable<unknown>,
    options?: ManyOptions & RecommendOptions,
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
  const ruleSet = loadRuleSet(options.ruleSet ?? defaultRuleSet);
  const defaultLocale = options.locale ?? 'en';
  if (!isLocale(defaultLocale)) throw new TypeError(`unsupported locale "${String(defaultLocale)}"`);
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
    const complaint = parseComplaint(input);
    const { facts, severity, value } = toFacts(complaint, ruleSet.scoring);
    const outcomes = await evaluator.evaluate(facts, scope);
    const fired = outcomes.filter((o) => o.fired);
    const policy = ruleSet.policy;
    const slots = selectSlots(policy.hit, fired, ruleSet.rules);
    if (!slots.some((slot) => slot.type === 'apology'))
      slots.push({ type: 'apology', candidates: [APOLOGY] });

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
    for (const slot of slots) {
      const candidates: Priced[] = [];
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
          candidates.push(Object.assign(made, { rule: proposal.rule, priority: proposal.priority }));
        }
      }
      if (candidates.length > 0) pricedSlots.push({ type: slot.type, candidates });
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
    const locale = callOptions.locale ?? defaultLocale;
    const totalCost = fromMinor(totalMinor, currency);
    const capLimit = fromMinor(limitMinor, currency);

    return {
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
      }),
      trace: {
        hit: policy.hit,
        facts,
        fired: firedRules,
        dropped,
        ...(options.trace === 'all' ? { rules: outcomes } : {}),
      },
    };
  }

  const localRecommend = (manyOptions: RecommendOptions) => (c: unknown) =>
    recommend(c, manyOptions.locale ? { locale: manyOptions.locale } : {});
  // What a worker thread needs to build this same recommender.
  const workerSetup = (manyOptions: RecommendOptions): WorkerSetup => ({
    ruleSet,
    locale: manyOptions.locale ?? defaultLocale,
    engine,
    trace: options.trace ?? 'fired',
  });

  return {
    ruleSet,
    recommend,
    recommendMany: (complaints, manyOptions = {}) =>
      recommendEach(complaints, localRecommend(manyOptions), manyOptions, workerSetup(manyOptions)),
    recommendManyAsJson: (complaints, manyOptions = {}) =>
      recommendEachAsJson(complaints, localRecommend(manyOptions), manyOptions, workerSetup(manyOptions)),
  };
}
