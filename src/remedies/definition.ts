import type { z } from 'zod';
import type { Complaint } from '../complaint/schema';
import type { Renderer } from '../i18n/renderer';
import type { NotApplicable, RemedyContext, RemedyKind } from './context';
import type { SpecShape } from './shape';
import type { MessageBase, RemedyMessageKey, RemedySentence, RemedyTexts, Say } from './texts';

/** What an offer sentence may mention besides the remedy: the complaint's subject, money in its currency. */
export interface OfferWords {
  /** "order A-1001", "your Plus subscription", in the rationale's locale. */
  readonly subject: string;
  /** An amount of the complaint's currency, formatted for the locale. */
  readonly money: (amount: number) => string;
  /** The product's name the order gives for a SKU (`items[].name`), isolated for the sentence; else undefined. */
  readonly itemName: (sku: string) => string | undefined;
  /**
   * A queue's team name in the locale ("social media"): the rule set's `policy.queues.<id>.name`, else
   * redress's own for a built-in queue, else undefined (the sentence then names no team).
   */
  readonly queueName: (queue: string) => string | undefined;
  /** True when the complaint is about a subscription, not an order: money off is "your next invoice". */
  readonly subscription: boolean;
  /**
   * When we will have contacted the customer by, in their words: the date, and the time in their time
   * zone when `customer.timeZone` is known (`09:30`), else the date alone in the locale's zone. Apart,
   * because languages join them differently (Turkish cannot say "12:30 tarihine kadar").
   */
  readonly contactBy: (iso: string) => { readonly date: string; readonly time: string | undefined };
}

/** A concrete remedy as the recommendation shows it: its parameters, its kind and its estimated cost. */
export type Given<P> = P & { readonly kind: RemedyKind; readonly estimatedCost: number };

/** a·V + b: one linear piece of a cost, V being the affected value (order total or a month's price). */
export interface CostPiece {
  readonly a: number;
  readonly b: number;
}

/** What a goodwill remedy's cost bound may depend on besides its spec. */
export interface CostBasis {
  /** The least monthly price of the subscription the complaints may have. */
  readonly monthlyPrice: number;
  /** True when the affected value is that monthly price (a complaint without an order). */
  readonly valueIsMonthly: boolean;
}

/** How a remedy that can be goodwill behaves under a cap. Restitution and care are never capped. */
export interface GoodwillRules<S> {
  /**
   * The same remedy made smaller, so that it costs at most `maxMinor`; undefined when nothing of it
   * fits. The result is priced again with `materialise`.
   */
  reduce(spec: S, maxMinor: number, ctx: RemedyContext): S | undefined;
  /**
   * The least this remedy can cost for an affected value V, as linear pieces whose minimum is the cost:
   * `analyzeRuleSet` proves with it that a remedy always exceeds a cap. Exact where the cost is
   * piecewise linear in V; otherwise a lower bound (never above the real cost).
   */
  cost(spec: S, basis: CostBasis): readonly CostPiece[];
  /**
   * The same gesture made `hundredths`/100 (≥ 1) times as generous, for a customer of a higher value
   * tier (`policy.goodwillMultiplierByTier`): each amount in minor units of the complaint's currency
   * (the spec is already in it) times the multiplier, rounded down; whole months and whole percents
   * rounded down. The caps apply after. Left out, the remedy is not scaled.
   */
  scale?(spec: S, hundredths: number, ctx: RemedyContext): S;
}

/** What the fairness kit's check of a given remedy reads besides the remedy. */
export interface RemedyCheckContext {
  readonly complaint: Complaint;
  readonly currency: string;
  /** Integer minor units of an amount of the complaint's currency. */
  readonly minor: (amount: number) => number;
  /** The complaint's clock (`receivedAt`), in milliseconds since the epoch. */
  readonly receivedMs: number;
  /** The policy's shipping cost by speed, in the complaint's currency. */
  readonly shippingCost: Readonly<Record<'standard' | 'express', number>>;
  /** The policy's cost of taking an item back by method, in the complaint's currency. */
  readonly returnCost: Readonly<Record<'pickup' | 'label', number>>;
  /** The policy's first-answer time, in hours. */
  readonly respondWithinHours: number;
}

/**
 * What an amount a rule writes in a remedy is, when the complaint is in another currency than the rule
 * set: `amount`, a goodwill amount the customer is given (printed to the nearest printable amount,
 * or the one below when that would pass a cap); `limit`, a most-it-may-come-to (printed to the
 * printable amount below, so that it never grows by rounding).
 */
export type MoneyRole = 'amount' | 'limit';

/** The fields of a spec that are numbers: the ones that may be money of the rule set. */
export type MoneyFields<S> = {
  readonly [K in keyof S as NonNullable<S[K]> extends number ? K : never]?: MoneyRole;
};

/** A spec schema a discriminated union can hold: an object with a literal `type`. */
export type SpecSchema<T extends string> = z.core.$ZodTypeDiscriminable & z.ZodType<{ readonly type: T }>;

/** What `materialise` adds to the parameters: the cost in integer minor units of the complaint's currency. */
export interface Priced {
  readonly costMinor: number;
}

/**
 * What `materialise` gives: the concrete parameters with their cost, or why the remedy cannot apply.
 * Write a remedy's `materialise` with this return type (`MaterialiseResult<CouponParams>`): the
 * registry reads the remedy's parameter type from it.
 */
export type MaterialiseResult<P> = (P & Priced) | NotApplicable;

/**
 * Everything redress knows about one remedy, in one place: how a rule writes it, what it costs, how a
 * cap makes it smaller, how the analyser bounds it, what the rationale says about it in every
 * language, how the simulate report labels it, and how the fairness kit generates and checks it.
 *
 * `T` is its type (the `type` field of a rule's remedy), `Z` the zod schema of the spec a rule writes,
 * `P` the concrete parameters a recommendation shows, `E` its English messages, `K` its kinds.
 */
export interface RemedyDefinition<
  T extends string = string,
  Z extends SpecSchema<T> = SpecSchema<T>,
  P extends { readonly type: T } = { readonly type: T },
  E extends { readonly [key: string]: string } = { readonly [key: string]: string },
  K extends RemedyKind = RemedyKind,
> {
  readonly type: T;
  /** The zod schema of the spec: the single source of its type, its validation and its JSON Schema. */
  readonly schema: Z;
  /**
   * Whether this remedy, as written, makes the customer whole (`restitution`, never capped), is a
   * gesture beyond the loss (`goodwill`, always capped) or costs only attention (`care`).
   */
  kind(spec: z.output<Z>): K;
  /**
   * Makes the spec concrete for one complaint — items, dates, amounts — and prices it in integer minor
   * units, or says why it cannot apply. The registry adds the kind (from `kind`), which a
   * recommendation shows after the type.
   */
  materialise(spec: z.output<Z>, ctx: RemedyContext): MaterialiseResult<P>;
  /**
   * The spec's fields that are money of the rule set, by role (`{ value: 'amount', max: 'limit' }`).
   * When a complaint is in another currency than the rule set's, these are converted into it before
   * `materialise` (exactly), and a goodwill remedy's are printed after the caps (see `MoneyRole`).
   * Leave it out when the remedy names no money: its cost then comes from the complaint's own amounts,
   * which are in its currency already.
   */
  readonly money?: MoneyFields<z.output<Z>>;
  /** How a cap makes it smaller and bounds its cost; present exactly when it can be goodwill. */
  readonly goodwill?: GoodwillRules<z.output<Z>> | undefined;
  /** Its messages in every locale (see `RemedyMessageKey` for the keys it may define). */
  readonly texts: RemedyTexts<E>;
  /**
   * The customer's sentence offering it, through `say`, which renders the remedy's own messages;
   * undefined when the rationale says nothing for it (the apology is said first, in its own words).
   */
  offer(
    remedy: Given<P>,
    say: Say<MessageBase<keyof E & string>>,
    r: Renderer,
    words: OfferWords,
  ): RemedySentence | undefined;
  /** The remedy in a few words, for tables (English): `coupon 20%`, `escalate → legal`. */
  label(remedy: Given<P>, money: (amount: number) => string): string;
  /**
   * The fairness kit's check of a given remedy: its parameters are valid and it is priced as the docs
   * say, one sentence per problem. Written from the docs, not from `materialise`, so it can catch it.
   */
  check(remedy: Given<P>, ctx: RemedyCheckContext): string[];
  /** The ways a rule may write it, for the fairness kit's generators. */
  readonly shapes: readonly [SpecShape<z.input<Z>>, ...SpecShape<z.input<Z>>[]];
}

/** Rejects message keys a remedy of type `T` may not define (they get the type `never`). */
type OwnKeys<T extends string, E> = {
  readonly [Key in keyof E]: Key extends RemedyMessageKey<T> ? E[Key] : never;
};

/**
 * A remedy definition, checked: the spec's `type` is `T`, every message key is the remedy's own and
 * its name (`remedy.<type>`) is there, every locale has every message, and a remedy that can be
 * goodwill says how a cap reduces it and how its cost is bounded.
 */
export function defineRemedy<
  const T extends string,
  Z extends SpecSchema<T>,
  // A cost among the parameters means `materialise` was not written with `MaterialiseResult<Params>`.
  P extends { readonly type: T; readonly costMinor?: never },
  const E extends { readonly [key: string]: string } & Readonly<Record<`remedy.${T}`, string>>,
  K extends RemedyKind,
>(
  definition: RemedyDefinition<T, Z, P, E, K> & {
    readonly texts: { readonly en: OwnKeys<T, E> };
  } & ('goodwill' extends K
      ? { readonly goodwill: GoodwillRules<z.output<Z>> }
      : { readonly goodwill?: undefined }),
): RemedyDefinition<T, Z, P, E, K> {
  return definition;
}

/** The first remedy type a list names twice; never when each is named once. */
type DuplicateType<R> = R extends readonly [
  infer First extends { readonly type: string },
  ...infer Rest extends readonly { readonly type: string }[],
]
  ? First['type'] extends Rest[number]['type']
    ? First['type']
    : DuplicateType<Rest>
  : never;

/**
 * The registry's list of remedies, checked by the compiler: each made with `defineRemedy`, each type
 * named once (a second `gift` fails to compile with "remedy type "gift" is registered twice").
 */
export function registerRemedies<const R extends readonly RemedyDefinition[]>(
  remedies: R &
    ([DuplicateType<R>] extends [never] ? unknown : `remedy type "${DuplicateType<R>}" is registered twice`),
): R {
  return remedies;
}
