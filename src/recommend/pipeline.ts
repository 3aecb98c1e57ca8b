import { complaintCurrency } from '../complaint/measures';
import { parseComplaint } from '../complaint/parse';
import type { Complaint } from '../complaint/schema';
import { type Conversion, conversionFor } from '../exchange/conversion';
import { checkExchangeRates, type ExchangeRates } from '../exchange/rates';
import { factsOf, type ScoredFacts } from '../facts/to-facts';
import { checkCurrencyDisplay } from '../i18n/currency-display';
import {
  type CurrencyDisplay,
  isLocale,
  type Locale,
  resolveLocale,
  unsupportedLocale,
} from '../i18n/locale';
import { rendererOf } from '../i18n/renderer';
import type { Limits } from '../input/limits';
import { fromMinor } from '../money';
import { decideHandling, type IncidentHandling } from '../policy/handling';
import type { IncidentMark } from '../policy/incident-mark';
import { statementFor } from '../policy/incident-policy';
import { asJudged } from '../policy/quiet-post';
import { goodwillHundredths } from '../policy/schema';
import { type Proposal, proposalsOf } from '../policy/selection';
import { alternativeLine } from '../rationale/choices';
import { composeMessage } from '../rationale/message';
import { settle, thenOf } from '../result';
import { compiledEvaluator } from '../rules/engine/compiled';
import type { FiredRule, RuleEvaluator, RuleFired, RuleHit, RuleOutcome } from '../rules/engine/evaluator';
import { referenceEvaluator } from '../rules/engine/reference';
import type { Rule, RuleSet } from '../rules/ruleset';
import { ruleSetStamp } from '../rules/stamp';
import { type Capping, type Chosen, choose, toAlternative } from './alternatives';
import { assemble, type DecidedParts, decided } from './assemble';
import { cap, reducerFor } from './cap';
import { type ComplaintMoney, complaintMoney } from './complaint-money';
import { explain } from './explain';
import { followUpOf, timeZoneOf } from './follow-up';
import { type CaseLink, link } from './link';
import { price, remedyContext } from './price';
import type { Decided, Recommendation } from './recommendation';
import { type IncidentRun, select } from './select';
import { type PricedStage, pricingKey, ruleKey, SharedPricing, shownRemedies } from './shared-pricing';

/** Per-call options of `recommend`. */
export interface RecommendOptions {
  /** Overrides the recommender's locale for this call (`auto`: the complaint's `customer.locale`). */
  readonly locale?: Locale | 'auto';
  /**
   * Overrides the recommender's exchange rates for this call (see `RecommenderOptions.exchangeRates`).
   * @throws RedressError `INVALID_OPTIONS` naming the bad entry.
   */
  readonly exchangeRates?: ExchangeRates;
  /** Overrides the recommender's `currencyDisplay` for this call. */
  readonly currencyDisplay?: CurrencyDisplay;
  /**
   * Linking (docs/cases.md): `true` (default) links a complaint to a matching case in
   * `customer.openCases`, and in batches to the earlier complaints of its case; `false` ignores both.
   */
  readonly link?: boolean;
}

/** How a pipeline is set up: a loaded rule set and the recommender's resolved options. @internal */
export interface PipelineOptions {
  readonly ruleSet: RuleSet;
  readonly limits: Limits;
  readonly locale: Locale | 'auto';
  readonly fallbackLocale: Locale;
  readonly engine: 'compiled' | 'reference';
  readonly trace: 'fired' | 'all';
  /** Validated rates for the rule set's currency, when the recommender was given some. */
  readonly exchangeRates?: ExchangeRates;
  /** How amounts are shown in the rationale, where not as `Intl` prints them. */
  readonly currencyDisplay?: CurrencyDisplay;
}

/** What one call asks for: the locale it is written in, and the rates its money is converted with. @internal */
export interface CallOptions {
  readonly locale: Locale;
  readonly exchangeRates?: ExchangeRates | undefined;
  readonly currencyDisplay?: CurrencyDisplay | undefined;
}

/** A recommendation and the proposals it chose before caps (an incident's policy, if it leads one). @internal */
export interface Run {
  readonly recommendation: Recommendation;
  readonly chosen: readonly Proposal[];
  /**
   * For a linked complaint: the goodwill its case had given before it, in minor units of the
   * complaint's currency (what the helpdesk said the case gave, converted), for the batch's case book.
   */
  readonly caseGoodwillGivenMinor?: number;
}

/** A `Run` without the words: what a replay reads of it. @internal */
export interface DecidedRun {
  readonly recommendation: Decided;
  readonly caseGoodwillGivenMinor?: number;
}

/** A run's recommendation. @internal */
export function recommendationOf(run: Run): Recommendation {
  return run.recommendation;
}

/** A fired rule as a recommendation's trace shows it: its name, priority and conditions. */
function firedRule(o: RuleOutcome): FiredRule {
  return { name: o.name, priority: o.priority, conditions: o.conditions };
}

/** A fired rule as a replay's decision shows it: its name and priority. */
function ruleFired(hit: RuleHit): RuleFired {
  return { name: hit.name, priority: hit.priority };
}

/** The case link with what the helpdesk said the case gave converted into the complaint's currency. */
function convertedLink(caseLink: CaseLink, conversion: Conversion): CaseLink {
  const elsewhere = caseLink.goodwillGivenElsewhere ?? [];
  const minor = elsewhere.reduce((sum, g) => sum + conversion.otherToComplaintMinor(g.amount, g.currency), 0);
  const { goodwillGivenElsewhere: _converted, ...rest } = caseLink;
  return { ...rest, goodwillGivenMinor: caseLink.goodwillGivenMinor + minor };
}

/**
 * A complaint as a rule set's scoring judges it: its money conversion, its scores and its facts, and
 * its clock and money in minor units (`money`), which its remedies read under any rule set. @internal
 */
export interface Judged {
  readonly conversion: Conversion;
  readonly scored: ScoredFacts;
  readonly money: ComplaintMoney;
  /** Where the rule sets that share this judgement leave their priced and capped remedies (a replay's). */
  readonly shared: SharedPricing;
}

/**
 * What the stages decided for one complaint, before it is put in words; `F`, its fired rules: with
 * the conditions that made them fire, or without (a replay's decision, `decideOnly`).
 */
interface Decision<F extends RuleFired = FiredRule> {
  readonly parts: DecidedParts<F>;
  readonly conversion: Conversion;
  readonly currencyDisplay: CurrencyDisplay | undefined;
  readonly chosen: readonly Proposal[];
  readonly caseGoodwillGivenMinor: number | undefined;
  /** The other acceptable remedy sets and what became of the customer's preference. */
  readonly choice: Omit<Chosen, 'first'>;
  /** The tier's goodwill multiplier in hundredths, when it raised some goodwill (`Priced.raisedBy`). */
  readonly raisedBy: number | undefined;
  /** The complaint's clock (`receivedAt`), which the follow-up is dated from. */
  readonly now: Date;
}

/**
 * What handling needs of an incident: its owner, the statement for the member's site (`statement`,
 * redress's review version on a review site), and the member's notifications.
 */
function incidentHandling(incident: IncidentRun, mark: IncidentMark, statement: string): IncidentHandling {
  return {
    owner: mark.owner,
    statement,
    respondBy: mark.respondBy,
    notify: incident.notifies
      ? mark.partners.map((to) => ({ to, reason: 'incident_partner' as const, incident: mark.id }))
      : [],
  };
}

/** One complaint through every stage, with one rule set. @internal */
export interface Pipeline {
  readonly options: PipelineOptions;
  /** The locale a complaint's recommendation is written in, given the call's request. */
  localeFor(complaint: Complaint, requested?: Locale | 'auto'): Locale;
  /**
   * The rates a call converts with: its own (validated), else the recommender's.
   * @throws RedressError `INVALID_OPTIONS` for bad rates.
   */
  ratesFor(requested?: unknown): ExchangeRates | undefined;
  /**
   * The call options for one complaint, from the options of the call (or batch) it is part of.
   * @throws RedressError `INVALID_OPTIONS` for bad rates or display.
   */
  callFor(complaint: Complaint, requested?: RecommendOptions): CallOptions;
  /** Validates an untrusted complaint and recommends for it. */
  recommend(input: unknown, options?: RecommendOptions): Promise<Recommendation>;
  /**
   * Recommends for a validated complaint, as an incident's member when `incident` is given, and as a
   * later complaint of an open case when `caseLink` is given.
   */
  run(complaint: Complaint, call: CallOptions, incident?: IncidentRun, caseLink?: CaseLink): Promise<Run>;
  /**
   * `run`, answered at once when the rule set's evaluator answers at once (the compiled one), else a
   * promise; it may throw. For the one-complaint call, which would otherwise wait a microtask per stage.
   */
  runNow(
    complaint: Complaint,
    call: CallOptions,
    incident?: IncidentRun,
    caseLink?: CaseLink,
  ): Run | Promise<Run>;
  /**
   * `run` without the words: the recommendation as the stages decided it, without its rationale and
   * customer message (what a replay reads, at a fraction of the cost), linked when `caseLink` is given.
   * Answered at once when the rule set's evaluator answers at once (the compiled one), else a promise;
   * it may throw: a replay decides two rule sets a complaint, and a promise each was about 4% of its time.
   */
  decideOnly(
    complaint: Complaint,
    call: CallOptions,
    caseLink?: CaseLink,
    judged?: Judged,
  ): DecidedRun | Promise<DecidedRun>;
  /**
   * What `judge` depends on (the scoring, the public-reach threshold, the currency and the
   * recommender's rates), as text: pipelines with the same `judging` judge a complaint alike, so a
   * replay judges it once for them all (with the recommender's own rates, not a call's, and for a
   * case link that names no goodwill given in another currency).
   */
  readonly judging: string;
  /**
   * The money conversion, scores and facts of a complaint under this rule set (the first stage of
   * `run`), for `caseLink` when it is linked to one; with `words` false (a replay's), the scores'
   * factors have no reasons.
   */
  judge(complaint: Complaint, call: CallOptions, caseLink?: CaseLink, words?: boolean): Judged;
}

/**
 * The pipeline: parse → facts → rules → select → price → cap → link → alternatives → handle → explain
 * → assemble. Parse, facts, rules and handle are functions of their layers (complaint/parse.ts,
 * facts/to-facts.ts, rules/engine/, policy/handling.ts), the others each of its own module in this
 * folder; this one only passes what each stage gives to the next.
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  const { ruleSet, limits } = options;
  const policy = ruleSet.policy;
  const evaluator: RuleEvaluator =
    options.engine === 'compiled' ? compiledEvaluator(ruleSet) : referenceEvaluator(ruleSet);
  const rulesByName = new Map<string, Rule>(ruleSet.rules.map((r) => [r.name, r]));
  // Each rule's proposals, the same for every complaint: made once, not once per complaint and rule.
  const proposals = proposalsOf(ruleSet.rules);
  // What pricing reads of the rule set, for a complaint in its currency and for one converted, and of
  // each rule: a replay's rule sets that share a judgement share what they price alike.
  const pricing = [pricingKey(ruleSet, false), pricingKey(ruleSet, true)] as const;
  const ruleKeys = ruleSet.rules.map(ruleKey);
  // Hashing the rule set takes longer than a recommendation: once per pipeline, not per complaint.
  const stamp = ruleSetStamp(ruleSet);

  const localeFor = (complaint: Complaint, requested?: Locale | 'auto'): Locale => {
    const locale = requested ?? options.locale;
    if (locale === 'auto') return resolveLocale(complaint.customer.locale, options.fallbackLocale);
    if (!isLocale(locale)) throw unsupportedLocale(['locale'], locale);
    return locale;
  };

  // Rates given per call are checked once per rates object, not once per complaint of a batch.
  const checked = new WeakMap<object, ExchangeRates>();
  const ratesFor = (requested?: unknown): ExchangeRates | undefined => {
    if (requested === undefined) return options.exchangeRates;
    const known = typeof requested === 'object' && requested !== null ? checked.get(requested) : undefined;
    if (known) return known;
    const rates = checkExchangeRates(requested, ruleSet.currency);
    checked.set(requested as object, rates);
    return rates;
  };

  // The queues every fired rule escalates to: those other than the queue are told (handling.notify).
  // Loops, not flatMap: every complaint asks, and flatMap builds an array per rule and per remedy.
  const escalationQueues = (fired: readonly { name: string }[]): string[] => {
    const queues: string[] = [];
    for (const f of fired) {
      for (const spec of rulesByName.get(f.name)?.remedies ?? []) {
        if (spec.type === 'escalate') queues.push(spec.queue);
      }
    }
    return queues;
  };

  const judge = (complaint: Complaint, call: CallOptions, caseLink?: CaseLink, words = true): Judged => {
    // What an open case gave may be in another currency: it is converted as past compensations are.
    const conversion = conversionFor(
      complaint,
      complaintCurrency(complaint),
      ruleSet.currency,
      call.exchangeRates,
      (caseLink?.goodwillGivenElsewhere ?? []).map((g) => ({
        currency: g.currency,
        path: g.path,
        what: 'what an open case gave',
      })),
    );
    // A quiet public post is scored and matched as if private; handling still acknowledges it in public.
    const scored = factsOf(
      asJudged(complaint, policy.publicReachThreshold),
      ruleSet.scoring,
      conversion,
      words,
    );
    return {
      conversion,
      scored,
      money: complaintMoney(complaint, conversion.currency),
      shared: new SharedPricing(),
    };
  };
  // Everything `judge` reads of the rule set and the recommender's rates.
  const judging = JSON.stringify([
    ruleSet.scoring,
    policy.publicReachThreshold ?? null,
    ruleSet.currency ?? null,
    options.exchangeRates ?? null,
  ]);

  /**
   * Stages "facts" and "rules", then the rest of `decided`. The compiled evaluator answers at once:
   * its complaints are decided without a promise (a microtask per stage costs more than a rule does);
   * the reference evaluator's promise is waited for.
   */
  function decide(
    complaint: Complaint,
    call: CallOptions,
    incident?: IncidentRun,
    caseLink?: CaseLink,
    judged?: Judged,
    alternatives = true,
  ): Decision | Promise<Decision> {
    const judgement = judged ?? judge(complaint, call, caseLink);
    // The facts are factsOf's, which hold every fact a rule may read: the evaluator need not check.
    const outcomes = evaluator.evaluate(judgement.scored.facts, options.trace, true);
    const rest = (all: readonly RuleOutcome[]) => {
      const fired = options.trace === 'fired' ? all : all.filter((o) => o.fired);
      const traced = { fired: fired.map(firedRule), all: options.trace === 'all' ? all : undefined };
      return decideFrom(complaint, call, judgement, fired, traced, {
        incident,
        caseLink,
        alternatives,
        share: false,
      });
    };
    return thenOf(outcomes, rest);
  }

  /**
   * `decide` for a replay, which reads neither alternatives nor the conditions that made each rule fire:
   * with the compiled evaluator, the rules that fire are found without tracing their conditions.
   */
  function decideQuietly(
    complaint: Complaint,
    call: CallOptions,
    caseLink: CaseLink | undefined,
    judged: Judged | undefined,
  ): Decision<RuleFired> | Promise<Decision<RuleFired>> {
    if (!evaluator.hits || options.trace === 'all')
      return decide(complaint, call, undefined, caseLink, judged, false);
    const judgement = judged ?? judge(complaint, call, caseLink);
    const hits = evaluator.hits(judgement.scored.facts, true);
    const traced = { fired: hits.map(ruleFired), all: undefined };
    return decideFrom(complaint, call, judgement, hits, traced, {
      incident: undefined,
      caseLink,
      alternatives: false,
      share: true,
    });
  }

  /** Stages "select", "price" and "cap" (before a case link or a preference). */
  function priceAndCap(
    complaint: Complaint,
    { conversion, scored, money }: Judged,
    fired: readonly RuleHit[],
    incident: IncidentRun | undefined,
    autoApproveMinor: number,
  ): PricedStage {
    const { facts, severity, value } = scored;
    const slots = select(policy.hit, fired, ruleSet.rules, complaint.id, incident, proposals);
    const ctx = remedyContext(complaint, facts, policy, conversion, money);
    // A higher value tier may raise goodwill (never restitution) before the caps, which hold as always.
    const hundredths = goodwillHundredths(policy, value.tier);
    const priced = price(slots, ctx, incident !== undefined, conversion, hundredths);
    const alone = cap(
      priced,
      complaint,
      ctx,
      policy,
      { band: severity.band, tier: value.tier },
      { conversion, autoApproveMinor },
    );
    return { ctx, priced, alone, shown: undefined };
  }

  /**
   * `priceAndCap`, or with `share` (a replay's, never an incident's member) what an earlier rule set
   * sharing the judgement priced alike (`SharedPricing`), which this one then leaves for the next.
   */
  function pricedStage(
    complaint: Complaint,
    judged: Judged,
    fired: readonly RuleHit[],
    incident: IncidentRun | undefined,
    autoApproveMinor: number,
    share: boolean,
  ): PricedStage {
    if (!share || incident) return priceAndCap(complaint, judged, fired, incident, autoApproveMinor);
    const key = pricing[judged.conversion.converted ? 1 : 0];
    const found = judged.shared.find(key, fired, ruleKeys, complaint, judged);
    if (found) return found;
    const stage = priceAndCap(complaint, judged, fired, incident, autoApproveMinor);
    judged.shared.keep(key, fired, ruleKeys, complaint, judged, stage);
    return stage;
  }

  /**
   * The stages after the rules. `alternatives: false` (a replay's, which reads no alternative) makes
   * only the set the customer's preference picks, when it picks one: the same first choice.
   */
  function decideFrom<F extends RuleFired>(
    complaint: Complaint,
    call: CallOptions,
    judged: Judged,
    fired: readonly RuleHit[],
    traced: { readonly fired: readonly F[]; readonly all: readonly RuleOutcome[] | undefined },
    {
      incident,
      caseLink,
      alternatives,
      share,
    }: {
      incident: IncidentRun | undefined;
      caseLink: CaseLink | undefined;
      alternatives: boolean;
      share: boolean;
    },
  ): Decision<F> {
    const { locale } = call;
    const { conversion, scored } = judged;
    const { facts, severity, value } = scored;
    const given = caseLink ? convertedLink(caseLink, conversion) : undefined;
    const autoApproveMinor = conversion.toComplaintMinor(policy.autoApproveMaxCost);
    const stage = pricedStage(complaint, judged, fired, incident, autoApproveMinor, share);
    const { ctx, priced, alone } = stage;
    // What the case already gave is in the complaint's currency, as the caps' minor units are.
    const linked = given ? link(alone, given, reducerFor(ctx), ctx.currency) : undefined;
    const capping: Capping = {
      complaint,
      ctx,
      policy,
      scores: { band: severity.band, tier: value.tier },
      money: { conversion, autoApproveMinor },
      printed: { conversion, autoApproveMinor, printed: true },
      limited: alone,
    };
    // Read, not rest-destructured: an object rest is a slow copy on V8, and `choice` is only read.
    const choice = choose(linked?.stage ?? alone, capping, alternatives);
    const capStage = choice.first;
    const { capped } = capStage;
    const mark = incident ? markOf(incident, locale) : undefined;
    const handling = decideHandling({
      complaint,
      facts,
      policy,
      remedies: capped.kept,
      totalMinor: capped.restitutionMinor + capped.goodwillMinor,
      autoApproveMinor,
      anyRuleFired: fired.length > 0,
      compensationLimitReached: capped.customerLimitReached,
      now: ctx.now,
      // Absent as undefined rather than spread in: a conditional spread in a literal is a slow copy on V8.
      incident:
        incident && mark
          ? incidentHandling(incident, mark, statementFor(policy.incidents, locale, complaint.channel))
          : undefined,
      evidenceAboveMinor: conversion.toComplaintMinor(policy.evidenceAboveValue),
      alsoEscalatedTo: escalationQueues(fired),
      linked: caseLink ? { caseId: caseLink.caseId, owner: caseLink.owner } : undefined,
    });
    const remedies = shownRemedies(stage, capped);
    const parts: DecidedParts<F> = {
      complaint,
      stamp,
      locale,
      currency: ctx.currency,
      money: conversion.used,
      severity,
      value,
      facts,
      remedies,
      capStage,
      handling,
      hit: policy.hit,
      fired: traced.fired,
      outcomes: traced.all,
      incident: mark,
      caseMark: linked?.mark,
    };
    return {
      parts,
      conversion,
      currencyDisplay: call.currencyDisplay,
      chosen: priced.chosen,
      caseGoodwillGivenMinor: given?.goodwillGivenMinor,
      choice,
      raisedBy: priced.raisedBy,
      now: ctx.now,
    };
  }

  /** Stages "explain" and "assemble": the decision in words, and the recommendation as plain JSON. */
  function finish({ parts, conversion, currencyDisplay, choice, raisedBy, now }: Decision): Recommendation {
    const { complaint, capStage, handling } = parts;
    const { capped } = capStage;
    // Dated here, not with the decision: a replay, which decides without words, reads no follow-up.
    const followUp = followUpOf(complaint, policy, parts.locale, now);
    const rationale = explain({
      complaint,
      daysLate: parts.facts.daysLate,
      conversion,
      currency: parts.currency,
      locale: parts.locale,
      policy,
      rules: rulesByName,
      severity: parts.severity,
      value: parts.value,
      remedies: parts.remedies,
      fired: parts.fired,
      capStage,
      handling,
      totalCost: fromMinor(capped.restitutionMinor + capped.goodwillMinor, parts.currency),
      restitutionCost: fromMinor(capped.restitutionMinor, parts.currency),
      checkSatisfactionAt: followUp.checkSatisfactionAt,
      currencyDisplay,
      incident: parts.incident,
      choice: {
        offered: choice.alternatives.map((o) => ({ choice: o.choice, replaces: o.replaces })),
        preference: choice.preference,
      },
      goodwillRaisedBy: raisedBy,
    });
    // The customer's time zone for any date the alternatives' lines and the message show.
    const r = rendererOf(parts.locale, timeZoneOf(complaint, parts.locale));
    const alternatives = choice.alternatives.map((o) =>
      toAlternative(o, parts.currency, (option, total) =>
        alternativeLine(r, option, r.money(total, parts.currency, currencyDisplay)),
      ),
    );
    return assemble(parts, {
      followUp,
      alternatives,
      rationale,
      message: composeMessage(r, {
        complaint,
        rationale,
        signature: policy.signature,
        statement: handling.publicAcknowledgement?.statement ?? null,
      }),
    });
  }

  /** A decision in words, with what a batch's case book and incidents read of it. */
  function toRun(decision: Decision): Run {
    const given = decision.caseGoodwillGivenMinor;
    const recommendation = finish(decision);
    return given === undefined
      ? { recommendation, chosen: decision.chosen }
      : { recommendation, chosen: decision.chosen, caseGoodwillGivenMinor: given };
  }

  /** The whole recommendation, sync where the evaluator is (a failure throws); `run` makes it a promise. */
  function runNow(
    complaint: Complaint,
    call: CallOptions,
    incident?: IncidentRun,
    caseLink?: CaseLink,
  ): Run | Promise<Run> {
    const decision = decide(complaint, call, incident, caseLink);
    return thenOf(decision, toRun);
  }

  function run(
    complaint: Complaint,
    call: CallOptions,
    incident?: IncidentRun,
    caseLink?: CaseLink,
  ): Promise<Run> {
    return settle(() => runNow(complaint, call, incident, caseLink));
  }

  const displayFor = (requested?: unknown): CurrencyDisplay | undefined =>
    requested === undefined ? options.currencyDisplay : checkCurrencyDisplay(requested);
  const callFor = (complaint: Complaint, requested: RecommendOptions = {}): CallOptions => ({
    locale: localeFor(complaint, requested.locale),
    exchangeRates: ratesFor(requested.exchangeRates),
    currencyDisplay: displayFor(requested.currencyDisplay),
  });

  /** The incident's mark with its statement in the member's locale. */
  const markOf = (incident: IncidentRun, locale: Locale): IncidentMark => ({
    ...incident.mark,
    statement: statementFor(policy.incidents, locale),
  });

  return {
    options,
    localeFor,
    ratesFor,
    callFor,
    recommend: (input, callOptions = {}) =>
      settle(() => {
        // Bad options are the caller's mistake whatever the complaint: they are refused first.
        ratesFor(callOptions.exchangeRates);
        displayFor(callOptions.currencyDisplay);
        const complaint = parseComplaint(input, { limits });
        return thenOf(runNow(complaint, callFor(complaint, callOptions)), recommendationOf);
      }),
    run,
    runNow,
    judging,
    judge,
    decideOnly: (complaint, call, caseLink, judged) =>
      thenOf(decideQuietly(complaint, call, caseLink, judged), (decision): DecidedRun => {
        const given = decision.caseGoodwillGivenMinor;
        const recommendation = decided(decision.parts);
        return given === undefined ? { recommendation } : { recommendation, caseGoodwillGivenMinor: given };
      }),
  };
}
