import {
  complaintCurrency,
  goodwillWithin,
  measuresOf,
  overchargeOf,
  undelivered,
} from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { type Conversion, conversionFor } from '../exchange/conversion';
import type { ExchangeRates } from '../exchange/rates';
import type { Scoring } from '../scoring/config';
import type { SeverityScore, ValueScore } from '../scoring/score';
import { severityOf } from '../scoring/severity';
import { customerValueOf } from '../scoring/value';
import type { Facts } from './catalogue';

/** The facts of a complaint together with the scores they were derived from. */
export interface ScoredFacts {
  readonly facts: Facts;
  readonly severity: SeverityScore;
  readonly value: ValueScore;
}

/** The rule set's currency and the rates to read a complaint's money in it, for `toFacts`. */
export interface FactsMoneyOptions {
  /** The rule set's currency; left out, money facts are in the complaint's own currency. */
  readonly currency?: string;
  /** Rates per one unit of `currency` (see `RecommenderOptions.exchangeRates`). */
  readonly exchangeRates?: ExchangeRates;
}

/**
 * Derives the facts (and the two scores) from a validated complaint. Money facts (`orderTotal`,
 * `monthlyPrice`, `overcharge`, `compensation90d`) and the lifetime spend the value score reads are in
 * the rule set's currency (`money.currency`), converted with `money.exchangeRates`.
 *
 * @throws RedressError `NO_EXCHANGE_RATE` when the complaint is in another currency than
 *   `money.currency` and the rates have none for it.
 */
export function toFacts(complaint: Complaint, scoring: Scoring, money: FactsMoneyOptions = {}): ScoredFacts {
  const currency = complaintCurrency(complaint);
  return factsOf(complaint, scoring, conversionFor(complaint, currency, money.currency, money.exchangeRates));
}

/**
 * The facts and scores of a complaint whose money is read through `conversion`; with `words` false,
 * the scores' factors have no reasons (a replay reads none). @internal
 */
export function factsOf(
  complaint: Complaint,
  scoring: Scoring,
  conversion: Conversion,
  words = true,
): ScoredFacts {
  // Each measure read once: the scores and the facts read the same ones.
  const measures = measuresOf(complaint);
  const severity = severityOf(complaint, scoring.severity, words, measures);
  const inRuleSet = conversion.toRuleSet;
  const spend = { amount: inRuleSet(complaint.customer.lifetimeSpend), currency: conversion.ruleSetCurrency };
  const value = customerValueOf(complaint, scoring.value, spend, words, measures);
  const recent = measures.complaints90d;
  const notDelivered = undelivered(complaint);
  const goodwill = goodwillWithin(complaint, 90, conversion.otherToComplaintMinor);
  const facts: Facts = {
    category: complaint.category,
    channel: complaint.channel,
    severity: severity.score,
    severityBand: severity.band,
    value: value.score,
    valueTier: value.tier,
    orderTotal: inRuleSet(complaint.order?.total ?? 0),
    currency: conversion.currency,
    daysLate: measures.daysLate,
    undelivered: notDelivered,
    daysOverdue: notDelivered ? measures.daysLate : 0,
    itemsAffected: measures.itemsAffected,
    isRepeat: recent > 1,
    complaints90d: recent,
    tenureMonths: measures.tenureMonths,
    isPublic: complaint.exposure?.public ?? false,
    publicReach: complaint.exposure?.public ? (complaint.exposure.reach ?? 0) : 0,
    tone: complaint.tone,
    legalThreat: complaint.legalThreat,
    plan: complaint.subscription?.plan ?? 'none',
    monthlyPrice: inRuleSet(complaint.subscription?.monthlyPrice ?? 0),
    hasOrder: complaint.order !== undefined,
    hasSubscription: complaint.subscription !== undefined,
    overcharge: inRuleSet(overchargeOf(complaint)),
    compensation90d: conversion.minorToRuleSet(goodwill.amountMinor),
    compensations90d: goodwill.count,
  };
  return { facts, severity, value };
}
