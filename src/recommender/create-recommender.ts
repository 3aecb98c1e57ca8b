import { type ManyOptions, recommendEach, recommendEachAsJson } from '../batch/many';
import { type BatchCall, WorkerThreads } from '../batch/worker-pool';
import { type LinkedBatchSetup, recommendLinked, recommendLinkedAsJson } from '../cases/linked-batch';
import { openCaseLink } from '../cases/open-case';
import { parseComplaint } from '../complaint/parse';
import { asRedressError, invalidOption } from '../errors';
import { checkExchangeRates, type ExchangeRates } from '../exchange/rates';
import { checkCurrencyDisplay } from '../i18n/currency-display';
import { type CurrencyDisplay, isLocale, LOCALE_CODES, type Locale, unsupportedLocale } from '../i18n/locale';
import { type IncidentBatchDeps, recommendWithIncidents } from '../incidents/crisis';
import type { IncidentOptions } from '../incidents/options';
import { recommendInPasses } from '../incidents/passes';
import { recommendStream } from '../incidents/stream';
import { type Limits, resolveLimits } from '../input/limits';
import { DEFAULT_CASE_WINDOW_DAYS } from '../policy/schema';
import {
  createPipeline,
  type PipelineOptions,
  type RecommendOptions,
  recommendationOf,
} from '../recommend/pipeline';
import type { Recommendation, RecommendationError } from '../recommend/recommendation';
import { settle, thenOf } from '../result';
import { defaultRuleSet } from '../rules/default/rule-set';
import { loadRuleSet, type RuleSet } from '../rules/ruleset';
import { scoreSeverity } from '../scoring/severity';

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
  /**
   * Exchange rates for complaints in other currencies than the rule set's `currency`: units of each
   * currency per one unit of it, and when they were taken (`{ rates: { TRY: 36.5, IRR: 470000 },
   * asOf: '2026-11-01' }`). redress never fetches rates. A complaint in a currency without a rate is
   * refused with `NO_EXCHANGE_RATE`. A call may pass its own (`recommend(c, { exchangeRates })`).
   * @throws RedressError `INVALID_OPTIONS` naming the bad entry (`['exchangeRates', 'rates', 'TRY']`),
   *   or when the rule set names no currency.
   */
  readonly exchangeRates?: ExchangeRates;
  /**
   * How amounts of a currency are shown in the rationale where not as `Intl` prints them:
   * `{ IRR: 'toman' }` shows Iranian rials in toman («۴۲۵٬۰۰۰ تومان»); the data stays in rials.
   */
  readonly currencyDisplay?: CurrencyDisplay;
}

/** Options of `recommendMany`. */
export interface RecommendManyOptions extends ManyOptions, RecommendOptions {
  /**
   * Crisis mode: find incidents in the batch (`true` for the defaults, or `detectIncidents` options) and
   * give every complaint in one at least the remedies of the incident's most severe complaint, within
   * its own caps, marked with the incident. Complaints outside incidents get exactly what they would
   * get without it. The batch is read to its end before the first result, unless `timeOrdered`. In
   * crisis mode the incident decides (one owner, one remedy) and complaints are not linked into cases
   * (`link` does not apply).
   */
  readonly incidents?: boolean | IncidentOptions;
  /**
   * With `incidents`: the complaints come in time order (a log, a sorted JSON Lines file), so crisis
   * mode streams them: memory holds the complaints of the last window and those behind a member of an
   * incident still open, not the batch; each result leaves once its complaint's incident is known (a
   * window after it, or when its incident closes). The results are the same as without it. A complaint
   * earlier than the one before it ends the batch with `INVALID_COMPLAINT` (`out_of_order`).
   */
  readonly timeOrdered?: boolean;
  /**
   * With `incidents`, for complaints not in time order that can be read more than once (a file): a
   * fresh read of the same complaints, in the same order, each time it is called. Crisis mode then
   * reads them in passes instead of holding the batch: `readAgain()` for the incidents (keeping about
   * 30 bytes and the id of each complaint) and again for their members' severity, then `complaints`
   * for the results, each made as it is read. The results are the same as without it. A read that
   * differs from the first ends the batch with `INVALID_OPTIONS` (`changed`).
   */
  readonly readAgain?: () => Iterable<unknown> | AsyncIterable<unknown>;
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
   *   rule fires (naming the rules; its path points into the rule set); `INVALID_OPTIONS` for a
   *   `locale` it does not write.
   */
  recommend(complaint: unknown, options?: RecommendOptions): Promise<Recommendation>;
  /**
   * Recommends for many complaints; yields one result or error record per input, in input order, with a
   * bounded number in flight (a stream of any length runs in constant memory). Large batches are
   * spread over worker threads, one per core by default (see `ManyOptions`). By default complaints
   * about one problem are linked into one case (docs/cases.md), with the same results on worker
   * threads as without them; `link: false` turns linking off.
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

/** What a batch's workers must know of its own options. */
function batchOf(options: RecommendOptions): BatchCall {
  return {
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.exchangeRates === undefined ? {} : { exchangeRates: options.exchangeRates }),
    ...(options.currencyDisplay === undefined ? {} : { currencyDisplay: options.currencyDisplay }),
  };
}

/**
 * A recommender's options checked and resolved: what its pipeline (and each of its worker threads)
 * is built from. Internal: `redress simulate` builds the pipelines of its replay from it.
 * @internal
 * @throws RedressError as `createRecommender` does.
 */
export function pipelineSetup(options: RecommenderOptions = {}): PipelineOptions {
  const limits = resolveLimits(options.limits);
  const ruleSet = loadRuleSet(options.ruleSet ?? defaultRuleSet, { limits });
  const locale = options.locale ?? 'en';
  if (locale !== 'auto' && !isLocale(locale)) throw unsupportedLocale(['locale'], locale);
  const fallbackLocale = options.fallbackLocale ?? 'en';
  if (!isLocale(fallbackLocale)) {
    throw invalidOption(
      ['fallbackLocale'],
      `unsupported fallback locale "${String(fallbackLocale)}"; use ${LOCALE_CODES.join(', ')}`,
    );
  }
  const engine = options.engine ?? 'compiled';
  if (engine !== 'compiled' && engine !== 'reference')
    throw invalidOption(['engine'], `unknown engine "${String(engine)}"; use "compiled" or "reference"`);
  const exchangeRates =
    options.exchangeRates === undefined
      ? undefined
      : checkExchangeRates(options.exchangeRates, ruleSet.currency);
  const currencyDisplay =
    options.currencyDisplay === undefined ? undefined : checkCurrencyDisplay(options.currencyDisplay);
  return {
    ruleSet,
    limits,
    locale,
    fallbackLocale,
    engine,
    trace: options.trace ?? 'fired',
    ...(exchangeRates ? { exchangeRates } : {}),
    ...(currencyDisplay ? { currencyDisplay } : {}),
  };
}

/**
 * Creates a recommender. With no options it runs the built-in default rules in English.
 *
 * @throws RedressError `INVALID_OPTIONS` for a `locale`, `fallbackLocale`, `engine` or `limits` it cannot
 *   use, with the path of the option; `INVALID_RULESET` or `LIMIT_EXCEEDED` for a rule set that does not
 *   load.
 *
 * @example
 * ```ts
 * import { createRecommender } from 'redress';
 *
 * const recommender = createRecommender(); // or { ruleSet, locale: 'auto', trace: 'all', … }
 * const rec = await recommender.recommend({
 *   id: 'c-1',
 *   receivedAt: '2026-03-10T09:30:00+01:00',
 *   channel: 'email',
 *   category: 'wrong_item',
 *   order: { id: 'o-1', total: 59.9, currency: 'EUR', placedAt: '2026-03-01', items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 59.9 }] },
 *   customer: { id: 'u-1', since: '2024-05-01' },
 * });
 * rec.remedies.map((r) => `${r.type} ${r.estimatedCost}`); //=> ['resend 74.9', 'return 8', 'gift 5.99', 'apology 0']
 * [rec.totalCost, rec.handling.mode]; //=> [88.89, 'automatic']
 * rec.rationale[1]; //=> { key: 'restate.wrong_item', audience: 'customer', text: 'We understand that order o-1 arrived with the wrong item.' }
 * ```
 */
export function createRecommender(options: RecommenderOptions = {}): Recommender {
  const setup = pipelineSetup(options);
  const { ruleSet, limits } = setup;
  const pipeline = createPipeline(setup);

  // The one place where a fault inside redress becomes a RedressError, so that a caller (or a batch)
  // only ever has one kind of failure to handle.
  const windowDays = ruleSet.policy.caseWindowDays ?? DEFAULT_CASE_WINDOW_DAYS;
  const single = (
    input: unknown,
    callOptions: RecommendOptions = {},
  ): Recommendation | Promise<Recommendation> => {
    if (callOptions.link === false) return pipeline.recommend(input, callOptions);
    const complaint = parseComplaint(input, { limits });
    const call = pipeline.callFor(complaint, callOptions);
    // Most complaints name no open case: nothing to read the clock for.
    const caseLink =
      complaint.customer.openCases.length === 0 ? undefined : openCaseLink(complaint, windowDays);
    const run = pipeline.runNow(complaint, call, undefined, caseLink);
    return thenOf(run, recommendationOf);
  };
  // One promise per call, settled as soon as the compiled evaluator has answered: no microtask per stage.
  const recommend = (input: unknown, callOptions?: RecommendOptions): Promise<Recommendation> =>
    settle(() => single(input, callOptions), asRedressError);
  // Started by the first large batch; each worker builds this same pipeline.
  const threads = new WorkerThreads(setup);
  const linked = (options: RecommendOptions & ManyOptions): LinkedBatchSetup => ({
    options,
    threads,
    call: batchOf(options),
    run: (complaint, caseLink) =>
      pipeline
        .run(complaint, pipeline.callFor(complaint, options), undefined, caseLink)
        .catch((error: unknown) => {
          throw asRedressError(error);
        }),
    limits,
    windowDays,
  });
  const localRecommend = (manyOptions: RecommendOptions) => {
    const { locale: batchLocale, exchangeRates: batchRates, currencyDisplay: batchDisplay } = manyOptions;
    const callOptions: RecommendOptions = {
      link: false,
      ...(batchLocale ? { locale: batchLocale } : {}),
      ...(batchRates ? { exchangeRates: batchRates } : {}),
      ...(batchDisplay ? { currencyDisplay: batchDisplay } : {}),
    };
    return (c: unknown) => recommend(c, callOptions);
  };
  // A batch's own rates or display are checked before its first complaint: bad options fail the call.
  const checkBatch = (manyOptions: RecommendOptions) => {
    pipeline.ratesFor(manyOptions.exchangeRates);
    if (manyOptions.currencyDisplay !== undefined) checkCurrencyDisplay(manyOptions.currencyDisplay);
  };
  return {
    ruleSet,
    recommend,
    recommendMany: (complaints, manyOptions = {}) => {
      const { incidents, timeOrdered, readAgain, ...rest } = manyOptions;
      checkBatch(rest);
      if (incidents !== undefined && incidents !== false) {
        const deps: IncidentBatchDeps = {
          run: pipeline.run,
          callFor: (c) => pipeline.callFor(c, rest),
          severity: (c) => scoreSeverity(c, ruleSet.scoring.severity).score,
          options: rest,
          incidents: incidents === true ? {} : incidents,
          limits,
          policy: ruleSet.policy.incidents,
        };
        if (timeOrdered) return recommendStream(complaints, deps);
        if (readAgain) return recommendInPasses(complaints, readAgain, deps);
        return recommendWithIncidents(complaints, deps);
      }
      if (rest.link !== false) return recommendLinked(complaints, linked(rest));
      return recommendEach(complaints, localRecommend(rest), rest, threads, batchOf(rest));
    },
    recommendManyAsJson: (complaints, manyOptions = {}) => {
      checkBatch(manyOptions);
      if (manyOptions.link !== false) return recommendLinkedAsJson(complaints, linked(manyOptions));
      return recommendEachAsJson(
        complaints,
        localRecommend(manyOptions),
        manyOptions,
        threads,
        batchOf(manyOptions),
      );
    },
  };
}
