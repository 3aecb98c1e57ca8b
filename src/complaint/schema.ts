import { z } from 'zod';
import { limits } from '../input/limits';
import { FORBIDDEN_KEYS } from '../input/plain-json';
import { currencyDigits, fitsCurrency, fromMinor, knownCurrencies, toMinor } from '../money';
import { TimeZoneSchema } from '../time/time-zone';
import { DateOrDateTimeSchema, DateTimeSchema, timestampMs } from '../time/timestamp';

/** Where the complaint came in; the response goes out on the same channel. */
export const CHANNELS = ['email', 'phone', 'chat', 'social', 'review', 'store'] as const;
/** What went wrong. */
export const CATEGORIES = [
  'wrong_item',
  'damaged_item',
  'missing_item',
  'late_delivery',
  'billing_error',
  'service_outage',
  'poor_quality',
  'staff_behavior',
  'other',
] as const;
/** How the customer sounds, from calm to abusive. */
export const TONES = ['calm', 'upset', 'angry', 'abusive'] as const;

/** A complaint channel. */
export type Channel = (typeof CHANNELS)[number];
/** A complaint category. */
export type Category = (typeof CATEGORIES)[number];
/** A customer's tone. */
export type Tone = (typeof TONES)[number];

const id = z.string().trim().min(1).max(limits.maxIdLength);
const shortText = z.string().max(limits.maxShortText);
/**
 * An amount in major units. Its bound, `limits.maxMoneyMinor`, is in minor units of the amount's
 * currency, so it is checked with the other fields (`above_max_money`), the same way in every currency.
 */
const money = z.number().nonnegative();
/** An ISO 4217 currency code this runtime's `Intl` knows (`EUR`, `TRY`, `IRR`). */
export const CurrencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as "EUR"')
  .refine((c) => knownCurrencies.has(c), {
    message: 'unknown ISO 4217 currency code',
    params: { reason: 'unknown_currency' },
  });
const currency = CurrencyCodeSchema;

const attributeKey = z.string().min(1).max(limits.maxIdLength);

/** Refuses prototype keys before the record is built: zod would skip them silently. */
const noPrototypeKeys = z.unknown().superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `the key "${key}" is not allowed`,
        params: { reason: 'forbidden_key' },
      });
    }
  }
});

/** A line of an order. */
export const LineItemSchema = z.strictObject({
  sku: id,
  quantity: z.number().int().min(1).max(limits.maxQuantity),
  unitPrice: money,
  /** How many of this line are affected; when no line says, every unit is (for item categories). */
  affectedQuantity: z.number().int().min(0).max(limits.maxQuantity).optional(),
  name: shortText.optional(),
  /**
   * The product family the SKU belongs to (one model across sizes and colours, say). When given,
   * incident detection groups product failures by family instead of by SKU.
   */
  family: id.optional(),
});

const OrderSchema = z.strictObject({
  id,
  total: money,
  currency,
  placedAt: DateOrDateTimeSchema,
  promisedAt: DateOrDateTimeSchema.optional(),
  deliveredAt: DateOrDateTimeSchema.optional(),
  items: z.array(LineItemSchema).max(limits.maxItems).default([]),
  /** For billing errors: the amount the customer was charged beyond what they owed. */
  overcharge: money.optional(),
  /** Who delivers (or was to deliver) the order. Incident detection groups late deliveries by it. */
  carrier: id.optional(),
  /**
   * Taken off the lines' prices for the whole order (a voucher, a promotion): `total` may then be as
   * far below the sum of the lines, and a refund of affected items pays what the customer paid for them.
   */
  discount: money.optional(),
});

const SubscriptionSchema = z.strictObject({
  plan: id,
  monthlyPrice: money,
  currency,
  /**
   * The service the plan is of ("Streaming" for the plans Plus and Family). Incident detection groups
   * a service's problems by it: the plans of one service are one cause.
   */
  service: id.optional(),
  /**
   * For billing errors: the amount the customer was charged beyond what the plan costs (a double
   * charge, say), in `currency`. Refunded in full, like an order's overcharge.
   */
  overcharge: money.optional(),
});

const PriorComplaintSchema = z.strictObject({
  at: DateOrDateTimeSchema,
  category: z.enum(CATEGORIES),
});

/** What a compensation was: restitution (making the customer whole) or goodwill (a gesture beyond the loss). */
export const COMPENSATION_TYPES = ['goodwill', 'restitution'] as const;
/** A kind of past compensation. */
export type CompensationType = (typeof COMPENSATION_TYPES)[number];

const CompensationSchema = z.strictObject({
  /** When it was given. */
  at: DateOrDateTimeSchema,
  /** What it was worth, in `currency`. */
  amount: money.positive(),
  /** Its currency: the complaint's, or another that the caller's exchange rates convert. */
  currency,
  /**
   * `goodwill` counts against the per-customer limits; `restitution` is recorded but never held
   * against the customer (being made whole is not a favour).
   */
  type: z.enum(COMPENSATION_TYPES),
});

/** A remedy an open case already gave, in the complaint's currency. */
const GivenRemedySchema = z.strictObject({
  /** The remedy type (`resend`, `gift`, `refund`…). */
  type: id,
  /** `restitution` is never given twice in a case; `goodwill` only tops up to what the case warrants. */
  kind: z.enum(COMPENSATION_TYPES),
  /** What it was worth, in `currency`. */
  amount: money,
  currency,
});

/**
 * A case the helpdesk already has open for this customer (docs/cases.md). A complaint about the same
 * order (or, without `orderId`, the same subscription) and category within `policy.caseWindowDays` of
 * `openedAt` is linked to it: same owner, nothing given twice.
 */
const OpenCaseSchema = z.strictObject({
  /** The case's id: the id of its first complaint. */
  id,
  openedAt: DateTimeSchema,
  category: z.enum(CATEGORIES),
  /** The order the case is about; left out for a case about the subscription. */
  orderId: id.optional(),
  /** Who owns the case; a linked complaint keeps this owner. */
  owner: id,
  /** What the case already gave. */
  remedies: z.array(GivenRemedySchema).max(limits.maxItems).default([]),
});

const CustomerSchema = z.strictObject({
  id,
  since: DateOrDateTimeSchema,
  lifetimeSpend: money.default(0),
  orderCount: z
    .number()
    .int()
    .min(0)
    .max(limits.maxQuantity * 10)
    .default(0),
  lastOrderAt: DateOrDateTimeSchema.optional(),
  priorComplaints: z.array(PriorComplaintSchema).max(limits.maxPriorComplaints).default([]),
  /** Compensations this customer received before, for the per-customer limits (`policy.perCustomer`). */
  compensationHistory: z.array(CompensationSchema).max(limits.maxCompensationHistory).default([]),
  /** Cases the helpdesk has open for this customer; a complaint matching one is linked to it. */
  openCases: z.array(OpenCaseSchema).max(limits.maxPriorComplaints).default([]),
  // Carried through, never facts: a remedy must not depend on who the customer is, only on what happened.
  name: shortText.optional(),
  email: shortText.optional(),
  locale: z.string().max(35).optional(),
  region: shortText.optional(),
  /**
   * The customer's IANA time zone ("Europe/Istanbul"): the dates and times they read are shown in it,
   * a promised contact with its time, and the follow-up falls on a working day there. Without it, the
   * language's usual zone (docs/languages.md). Never a fact.
   */
  timeZone: TimeZoneSchema.optional(),
  attributes: noPrototypeKeys
    .pipe(
      z
        .record(
          attributeKey,
          z.union([z.string().max(limits.maxShortText), z.number(), z.boolean(), z.null()]),
        )
        .refine((a) => Object.keys(a).length <= limits.maxAttributes, {
          message: `at most ${limits.maxAttributes} attributes`,
        }),
    )
    .optional(),
});

/** What a customer may ask for instead of what the rules give first: one of the acceptable remedy sets. */
export const PREFERENCES = ['refund', 'resend', 'store_credit', 'coupon', 'free_month'] as const;
/** A remedy a customer asked for (`complaint.preference`). */
export type Preference = (typeof PREFERENCES)[number];

const ExposureSchema = z.strictObject({
  public: z.boolean(),
  platform: shortText.optional(),
  /**
   * Followers or views. Optional: a post whose reach is not known counts as public at any
   * `policy.publicReachThreshold`, and adds no reach points to its severity.
   */
  reach: z.number().int().min(0).max(limits.maxReach).optional(),
  url: z.string().max(2048).optional(),
});

/**
 * The complaint's fields, each with its own rules, before the pass that relates two fields. For code
 * that reads only some fields (incident detection) and checks those exactly as `parseComplaint` does.
 */
export const ComplaintShape = z.strictObject({
  id,
  receivedAt: DateTimeSchema,
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  summary: z.string().max(limits.maxLongText).optional(),
  order: OrderSchema.optional(),
  subscription: SubscriptionSchema.optional(),
  customer: CustomerSchema,
  exposure: ExposureSchema.optional(),
  tone: z.enum(TONES).default('calm'),
  legalThreat: z.boolean().default(false),
  /** The first person or desk who took the complaint; they keep it. */
  owner: id.optional(),
  /**
   * What the customer asked for. Honoured when it is one of the acceptable remedy sets (it becomes the
   * first choice); otherwise the rationale says so and what is offered instead (docs/recommendation.md).
   */
  preference: z.enum(PREFERENCES).optional(),
});

/**
 * The complaint schema: the single source of the `Complaint` type and of its JSON Schema. Field-level
 * rules live on the fields; rules that relate two fields (dates in order, money in its currency's
 * digits, at least an order or a subscription) live in one pass below. For untrusted input use
 * `parseComplaint`: the schema alone does not apply the limits or refuse hostile values.
 */
export const ComplaintSchema = ComplaintShape.superRefine(
  (c, ctx) => {
    for (const problem of crossFieldProblems(c)) {
      ctx.addIssue({
        code: 'custom',
        path: [...problem.path],
        message: problem.message,
        params: { reason: problem.reason },
      });
    }
  },
  // zod runs an object's refinements even after a field failed; these assume valid fields (a currency
  // Intl knows, dates that parse), so they wait until every field is valid.
  { when: (payload) => payload.issues.length === 0 },
);

/** A validated complaint, with defaults filled in. */
export type Complaint = z.infer<typeof ComplaintSchema>;
/** The complaint as a caller may write it (defaults optional). */
export type ComplaintInput = z.input<typeof ComplaintSchema>;

/** A rule that relates two fields, broken: where, why, and the reason code. @internal */
export interface Problem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly reason: string;
}

/**
 * The cross-field rules `ComplaintSchema` adds to `ComplaintShape`, as problems (none for a valid
 * complaint); for fields that each passed `ComplaintShape`. Every complaint passes through here: its
 * checks are plain functions and loops (no closures made per call), an amount's path is built only when
 * it has a problem to report (1.01 -> 0.90 µs a generated complaint), and each date is read once. @internal
 */
export function crossFieldProblems(c: z.infer<typeof ComplaintShape>): Problem[] {
  const problems: Problem[] = [];
  const received = timestampMs(c.receivedAt);
  const customer = c.customer;
  const since = timestampMs(customer.since);

  if (!c.order && !c.subscription) {
    problems.push({
      path: ['order'],
      message: 'a complaint needs an order, a subscription, or both',
      reason: 'order_or_subscription_required',
    });
  }
  if (since > received) problems.push(afterReceived(['customer', 'since']));
  if (isAfter(customer.lastOrderAt, received)) problems.push(afterReceived(['customer', 'lastOrderAt']));
  const prior = customer.priorComplaints;
  for (let i = 0; i < prior.length; i++) {
    const at = timestampMs((prior[i] as (typeof prior)[number]).at);
    if (at > received) problems.push(afterReceived(['customer', 'priorComplaints', i, 'at']));
    if (at < since) problems.push(beforeCustomer(['customer', 'priorComplaints', i, 'at']));
  }

  const { order, subscription } = c;
  // Lifetime spend is in the complaint's currency; its decimals are not checked (it adds up many orders).
  const own = order?.currency ?? subscription?.currency;
  if (own !== undefined && aboveMax(toMinor(customer.lifetimeSpend, own)))
    withinMaxMoney(problems, ['customer', 'lifetimeSpend'], customer.lifetimeSpend, own);
  historyProblems(problems, customer.compensationHistory, received, since);
  openCaseProblems(problems, customer.openCases, received);
  if (order) orderProblems(problems, order, received);
  if (subscription) {
    const cur = subscription.currency;
    if (moneyFault(subscription.monthlyPrice, cur))
      checkMoney(problems, ['subscription', 'monthlyPrice'], subscription.monthlyPrice, cur);
    if (moneyFault(subscription.overcharge, cur))
      checkMoney(problems, ['subscription', 'overcharge'], subscription.overcharge, cur);
    if (order && order.currency !== cur) {
      problems.push({
        path: ['subscription', 'currency'],
        message: `differs from the order's currency (${order.currency}); one complaint is priced in one currency`,
        reason: 'currency_mismatch',
      });
    }
  }
  return problems;
}

type Customer = z.infer<typeof ComplaintShape>['customer'];

/**
 * Past compensations: within the customer's time, and each amount sound in its own currency. In another
 * currency than the complaint's, it is converted with the caller's exchange rates when the complaint is
 * recommended for (NO_EXCHANGE_RATE without one).
 */
function historyProblems(
  problems: Problem[],
  history: Customer['compensationHistory'],
  received: number,
  since: number,
): void {
  for (let i = 0; i < history.length; i++) {
    const h = history[i] as (typeof history)[number];
    const at = timestampMs(h.at);
    if (at > received) problems.push(afterReceived(['customer', 'compensationHistory', i, 'at']));
    if (at < since) problems.push(beforeCustomer(['customer', 'compensationHistory', i, 'at']));
    if (moneyFault(h.amount, h.currency))
      checkMoney(problems, ['customer', 'compensationHistory', i, 'amount'], h.amount, h.currency);
  }
}

/**
 * Open cases: opened by the time the complaint came in, and what each gave sound in its currency, which
 * may be another: like a past compensation, it is converted with the caller's exchange rates when the
 * complaint is linked to that case (NO_EXCHANGE_RATE without one).
 */
function openCaseProblems(problems: Problem[], cases: Customer['openCases'], received: number): void {
  for (let i = 0; i < cases.length; i++) {
    const open = cases[i] as (typeof cases)[number];
    if (isAfter(open.openedAt, received))
      problems.push(afterReceived(['customer', 'openCases', i, 'openedAt']));
    const given = open.remedies;
    for (let j = 0; j < given.length; j++) {
      const g = given[j] as (typeof given)[number];
      if (moneyFault(g.amount, g.currency))
        checkMoney(problems, ['customer', 'openCases', i, 'remedies', j, 'amount'], g.amount, g.currency);
    }
  }
}

/** The order's own dates and money, then its lines against its total (once its amounts are sound). */
function orderProblems(problems: Problem[], order: Order, received: number): void {
  const placed = timestampMs(order.placedAt);
  if (placed > received) problems.push(afterReceived(['order', 'placedAt']));
  const delivered = order.deliveredAt === undefined ? undefined : timestampMs(order.deliveredAt);
  if (delivered !== undefined && delivered > received) problems.push(afterReceived(['order', 'deliveredAt']));
  if (order.promisedAt !== undefined && timestampMs(order.promisedAt) < placed)
    problems.push(beforeOrder(['order', 'promisedAt']));
  if (delivered !== undefined && delivered < placed) problems.push(beforeOrder(['order', 'deliveredAt']));
  const cur = order.currency;
  if (moneyFault(order.total, cur)) checkMoney(problems, ['order', 'total'], order.total, cur);
  if (moneyFault(order.overcharge, cur)) checkMoney(problems, ['order', 'overcharge'], order.overcharge, cur);
  if (moneyFault(order.discount, cur)) checkMoney(problems, ['order', 'discount'], order.discount, cur);
  if (order.overcharge !== undefined && order.overcharge > order.total) {
    problems.push({
      path: ['order', 'overcharge'],
      message: 'is larger than the order total',
      reason: 'overcharge_above_total',
    });
  }
  const items = order.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as (typeof items)[number];
    if (moneyFault(item.unitPrice, cur))
      checkMoney(problems, ['order', 'items', i, 'unitPrice'], item.unitPrice, cur);
    if (item.affectedQuantity !== undefined && item.affectedQuantity > item.quantity) {
      problems.push({
        path: ['order', 'items', i, 'affectedQuantity'],
        message: 'is larger than the quantity ordered',
        reason: 'affected_above_quantity',
      });
    }
  }
  if (!hasMoneyProblem(problems)) {
    const lines = linesProblem(order);
    if (lines) problems.push(lines);
  }
}

/** Whether a timestamp given is after `received`. */
function isAfter(value: string | undefined, received: number): boolean {
  return value !== undefined && timestampMs(value) > received;
}

const afterReceived = (path: (string | number)[]): Problem => ({
  path,
  message: 'is after the complaint was received (receivedAt)',
  reason: 'date_after_received',
});

const beforeCustomer = (path: (string | number)[]): Problem => ({
  path,
  message: 'is before the customer existed (customer.since)',
  reason: 'date_before_customer',
});

const beforeOrder = (path: (string | number)[]): Problem => ({
  path,
  message: 'is before the order was placed (placedAt)',
  reason: 'date_before_order',
});

/** Whether `minor` units pass `limits.maxMoneyMinor`: the one test of the bound every check here shares. */
const aboveMax = (minor: number): boolean => minor > limits.maxMoneyMinor;

/**
 * Whether `checkMoney` has a problem to report: the test alone, so that a sound amount (nearly every
 * one) costs no path.
 */
function moneyFault(amount: number | undefined, cur: string): boolean {
  return amount !== undefined && (!fitsCurrency(amount, cur) || aboveMax(toMinor(amount, cur)));
}

/** An amount that must fit its currency's decimals and `limits.maxMoneyMinor`. */
function checkMoney(
  problems: Problem[],
  path: (string | number)[],
  amount: number | undefined,
  cur: string,
): void {
  if (amount === undefined) return;
  if (!fitsCurrency(amount, cur)) {
    const digits = currencyDigits(cur);
    problems.push({
      path,
      message: `${String(amount)} has more decimal places than ${cur} allows (${cur} allows ${digits}); round it to ${digits === 0 ? 'a whole number' : `${digits} decimal place${digits === 1 ? '' : 's'}`} before sending it`,
      reason: 'money_precision',
    });
  } else withinMaxMoney(problems, path, amount, cur);
}

function withinMaxMoney(problems: Problem[], path: (string | number)[], amount: number, cur: string): void {
  const problem = aboveMaxMoney(path, toMinor(amount, cur), cur);
  if (problem) problems.push(problem);
}

type Order = NonNullable<z.infer<typeof ComplaintShape>['order']>;

/** `amount` as a currency prints it in a message: "IRR 1,000,000,000,000", "EUR 59.90". */
function printed(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return `${currency} ${fromMinor(minor, currency).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/**
 * The problem of an amount of `minor` units of `currency` above `limits.maxMoneyMinor`, or undefined.
 * Exported for the conversion of past compensations, which checks them in the complaint's currency.
 * @internal
 */
export function aboveMaxMoney(
  path: readonly (string | number)[],
  minor: number,
  currency: string,
  subject: (amount: string) => string = (amount) => amount,
): Problem | undefined {
  if (!aboveMax(minor)) return undefined;
  return {
    path,
    message: `${subject(printed(minor, currency))} is more than the largest amount redress accepts in ${currency}, ${printed(limits.maxMoneyMinor, currency)} (limits.maxMoneyMinor: ${limits.maxMoneyMinor.toLocaleString('en-US')} minor units); check the amount, or split it`,
    reason: 'above_max_money',
  };
}

/**
 * Whether a problem leaves the order's lines unsummable: an amount off its currency's decimals, or an
 * order amount above the bound.
 */
function hasMoneyProblem(problems: readonly Problem[]): boolean {
  for (const p of problems)
    if (p.reason === 'money_precision' || (p.reason === 'above_max_money' && p.path[0] === 'order'))
      return true;
  return false;
}

/**
 * The order's total against its lines. The sum of the lines (quantity × unit price) may not pass
 * `limits.maxMoneyMinor` (L = 10^12 minor units), so that every sum of an order's money stays an exact
 * integer of minor units; the total may not fall below it by more than the order's `discount` and the
 * rounding of its unit prices (half a minor unit a unit); the discount may not exceed it. Run once
 * every amount fits its currency and is within L.
 *
 * Why the sum below is exact, or refused: each unit price is an integer p ≤ L of minor units (checked
 * before), read exactly (`Math.round` of a product whose binary error is far below ½). While the true
 * running sum s stays ≤ L, every product q × p ≤ s and every partial sum is an integer below 2^53
 * (L = 10^12 < 2^53 ≈ 9.007 × 10^15), so each is computed exactly. At the first line that takes the
 * true sum past L, the computed product is ≥ L + 1 − s (rounding is monotone, and L + 1 is
 * representable) so the computed sum is ≥ L + 1; later lines only add non-negative amounts, and
 * rounding is monotone, so it never falls back to L or below. Hence: accepted ⇔ the true sum ≤ L, and
 * an accepted sum is exact. Every later sum of an order's money (a resend of affected lines, the
 * discount spread over them, the shipping added) is at most a few times L, still far below 2^53.
 */
function linesProblem(order: Order): Problem | undefined {
  const cur = order.currency;
  let linesMinor = 0;
  let units = 0;
  for (const item of order.items) {
    linesMinor += item.quantity * toMinor(item.unitPrice, cur);
    units += item.quantity;
  }
  if (linesMinor > limits.maxMoneyMinor) {
    return {
      path: ['order', 'items'],
      message: `the lines add up to more than ${printed(limits.maxMoneyMinor, cur)}, the largest amount redress accepts in ${cur} (limits.maxMoneyMinor: ${limits.maxMoneyMinor.toLocaleString('en-US')} minor units); split the order, or check the quantities and unit prices`,
      reason: 'lines_above_max_money',
    };
  }
  const discountMinor = order.discount === undefined ? 0 : toMinor(order.discount, cur);
  if (discountMinor > linesMinor) {
    return {
      path: ['order', 'discount'],
      message: `${printed(discountMinor, cur)} is more than the lines add up to (${printed(linesMinor, cur)}); a discount comes off the lines`,
      reason: 'discount_above_lines',
    };
  }
  const rounding = Math.floor(units / 2);
  const totalMinor = toMinor(order.total, cur);
  if (totalMinor >= linesMinor - discountMinor - rounding) return undefined;
  return totalBelowLines(totalMinor, linesMinor, discountMinor, cur);
}

/** The problem of an order's total below what its lines add up to, less its discount. */
function totalBelowLines(
  totalMinor: number,
  linesMinor: number,
  discountMinor: number,
  cur: string,
): Problem {
  const amount = (minor: number) => printed(minor, cur);
  const due = amount(linesMinor - discountMinor);
  return {
    path: ['order', 'total'],
    message: `${amount(totalMinor)} is below what the lines add up to (${amount(linesMinor)}${discountMinor > 0 ? ` less the discount of ${amount(discountMinor)}: ${due}` : ''}); send the total the customer was charged, and any discount on the order as order.discount`,
    reason: 'total_below_lines',
  };
}
