import { safeParseComplaint } from '../../complaint/parse';
import {
  CATEGORIES,
  type Category,
  CHANNELS,
  type Channel,
  type ComplaintInput,
  TONES,
  type Tone,
} from '../../complaint/schema';
import type { Facts } from '../../facts/catalogue';
import { toFacts } from '../../facts/to-facts';
import { limits } from '../../input/limits';
import { currencyDigits } from '../../money';
import { asJudged } from '../../policy/quiet-post';
import type { Scalar } from '../../rules/operators';
import type { RuleSet } from '../../rules/ruleset';
import type { Scoring } from '../../scoring/config';
import { type Blueprint, buildComplaint } from './blueprint';
import { type Box, narrow, setOf } from './box';
import { type AnalysedFact, type FactSet, hasValue } from './fact-sets';
import {
  hasNum,
  type Interval,
  integersUpTo,
  intersectNum,
  interval,
  isEmptyNum,
  type NumSet,
  numSet,
  pickOnGrid,
} from './num-set';

/** A complaint whose facts lie in a box, or why there is none. */
export type Witness =
  | { readonly status: 'found'; readonly complaint: ComplaintInput; readonly facts: Facts }
  /** No valid complaint has facts in the box (proved over the scoring model). */
  | { readonly status: 'impossible'; readonly reason: string }
  /** Undecided (money that fits no currency's grid, or the model disagreed with the library). */
  | { readonly status: 'unknown'; readonly reason: string };

interface Option<T> {
  readonly points: number;
  readonly rep: T;
}

/** Options with distinct points, the first (preferred) kept for each. */
function distinct<T>(options: readonly Option<T>[]): Option<T>[] {
  const seen = new Set<number>();
  return options.filter((o) => !seen.has(o.points) && seen.add(o.points));
}

/**
 * Chooses one option per dimension so that the capped sum of points lands in `target`, smallest sum
 * first; undefined when no choice does. Exact: every dimension lists every number of points it can give.
 */
function solve(dims: readonly (readonly Option<unknown>[])[], target: NumSet): number[] | undefined {
  let reach = new Map<number, number[]>([[0, []]]);
  for (const dim of dims) {
    const next = new Map<number, number[]>();
    for (const [sum, picks] of reach) {
      dim.forEach((option, i) => {
        const s = sum + option.points;
        if (!next.has(s)) next.set(s, [...picks, i]);
      });
    }
    reach = next;
  }
  const sums = [...reach.keys()].sort((a, b) => a - b);
  const hit = sums.find((s) => hasNum(target, Math.min(100, s)));
  return hit === undefined ? undefined : reach.get(hit);
}

const num = (box: Box, fact: AnalysedFact) => (setOf(box, fact) as { set: NumSet }).set;
const allowed = <T extends Scalar>(box: Box, fact: AnalysedFact, values: readonly T[]) =>
  values.filter((v) => hasValue(setOf(box, fact), v));

function pickPlan(set: FactSet, subscribed: boolean): string | undefined {
  if (!subscribed) return hasValue(set, 'none') ? 'none' : undefined;
  for (const p of ['Plus', 'Basic', 'Premium']) if (hasValue(set, p)) return p;
  if (set.kind === 'vals' && !set.negated) {
    return [...set.values].find(
      (v): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= limits.maxIdLength,
    );
  }
  for (let i = 1; ; i++) if (hasValue(set, `plan-${i}`)) return `plan-${i}`;
}

/** Every lifetime spend, per number of value points it gives. */
function spendOptions(scoring: Scoring, digits: number): Option<number>[] {
  const w = scoring.value.weights;
  const points = (s: number) => Math.round(Math.min(Math.log10(s + 1) * w.spendPerDecade, w.maxSpendPoints));
  const scale = 10 ** digits;
  const out: Option<number>[] = [{ points: 0, rep: 0 }];
  if (w.spendPerDecade <= 0) return out;
  for (let p = 1; p <= Math.round(w.maxSpendPoints); p++) {
    for (const exponent of [(p - 0.5) / w.spendPerDecade, p / w.spendPerDecade]) {
      const s = Math.ceil((10 ** exponent - 1) * scale) / scale;
      if (s * scale <= limits.maxMoneyMinor && points(s) === p) {
        out.push({ points: p, rep: s });
        break;
      }
    }
  }
  return out;
}

const saturation = (per: number, max: number) => (per > 0 ? Math.ceil(max / per) : 0);

interface Attempt {
  readonly blueprint?: Blueprint;
  readonly failure?: string;
  readonly uncertain?: boolean;
}

/** Why a part of the complaint could not be chosen; `uncertain` when values may exist off the grid tried. */
interface Failure {
  readonly failure: string;
  readonly uncertain?: boolean;
}

const failed = (x: unknown): x is Failure => typeof x === 'object' && x !== null && 'failure' in x;

/** The box and the shape of complaint being tried: with an order, a subscription, or both. */
interface Shape {
  readonly box: Box;
  /** The smallest amount of the currency. */
  readonly step: number;
  readonly hasOrder: boolean;
  readonly hasSub: boolean;
  /** `policy.publicReachThreshold`: a public post reaches at least this many, else it is judged private. */
  readonly threshold: number;
}

const uncertain = (set: NumSet) => !isEmptyNum(set);

function orderPart({ box, step, hasOrder, hasSub }: Shape): Blueprint['order'] | Failure {
  if (!hasOrder) {
    if (!hasNum(num(box, 'orderTotal'), 0)) return { failure: 'without an order, the order total is 0' };
    // Without an order the overcharge is the subscription's (see `subscriptionPart`).
    if (!hasSub && !hasNum(num(box, 'overcharge'), 0))
      return { failure: 'without an order or a subscription, the overcharge is 0' };
    return null;
  }
  const overcharge = pickOnGrid(num(box, 'overcharge'), step, [0]);
  if (overcharge === undefined)
    return { failure: 'overcharge', uncertain: uncertain(num(box, 'overcharge')) };
  const total = pickOnGrid(num(box, 'orderTotal'), step, [100, 60, 20], overcharge);
  if (total === undefined)
    return {
      failure: 'order total',
      uncertain: uncertain(
        intersectNum(num(box, 'orderTotal'), numSet(false, [interval(overcharge, Infinity)])),
      ),
    };
  return { total, overcharge, daysLate: 0, itemsAffected: 0 };
}

function subscriptionPart({ box, step, hasSub, hasOrder }: Shape): Blueprint['subscription'] | Failure {
  const plan = pickPlan(setOf(box, 'plan'), hasSub);
  if (plan === undefined) return { failure: hasSub ? 'plan' : 'without a subscription the plan is "none"' };
  if (!hasSub) {
    if (!hasNum(num(box, 'monthlyPrice'), 0))
      return { failure: 'without a subscription the monthly price is 0' };
    return null;
  }
  const price = pickOnGrid(num(box, 'monthlyPrice'), step, [9.99, 20, 10]);
  if (price === undefined)
    return { failure: 'monthly price', uncertain: uncertain(num(box, 'monthlyPrice')) };
  if (hasOrder) return { plan, monthlyPrice: price };
  const overcharge = pickOnGrid(num(box, 'overcharge'), step, [0]);
  if (overcharge === undefined)
    return { failure: 'overcharge', uncertain: uncertain(num(box, 'overcharge')) };
  return { plan, monthlyPrice: price, overcharge };
}

function goodwillPart({ box, step }: Shape): Blueprint['goodwill'] | Failure {
  const counts = num(box, 'compensations90d');
  const amounts = num(box, 'compensation90d');
  if (hasNum(counts, 0) && hasNum(amounts, 0)) return { amount: 0, count: 0 };
  const count = pickOnGrid(intersectNum(counts, numSet(true, [interval(1, Infinity)])), 1);
  if (count === undefined) return { failure: 'goodwill received without any compensation' };
  const amount = pickOnGrid(amounts, step, [], count * step);
  if (amount === undefined) return { failure: 'goodwill received', uncertain: uncertain(amounts) };
  return { amount, count };
}

/** The values of a counted fact, per number of points (`per` each, at most `max`, after `offset`). */
const counted = (box: Box, fact: AnalysedFact, per: number, max: number, offset = 0): Option<number>[] =>
  distinct(
    integersUpTo(num(box, fact), saturation(per, max) + offset).map((n) => ({
      points: Math.round(Math.min((n - offset) * per, max)),
      rep: n,
    })),
  );

/**
 * The reaches in a decade that a post judged public can have: a known reach below the threshold is
 * judged private, so a public one reaches at least that many, or has no known reach (built as reach 0,
 * without a `reach`; see `buildComplaint`).
 */
function publicReaches(decade: number, threshold: number): Interval[] {
  const hi = 10 ** (decade + 1) - 1;
  if (decade > 0) return [interval(Math.max(threshold, 10 ** decade), hi)];
  return threshold <= 0 ? [interval(0, hi)] : [interval(0, 0), interval(threshold, hi)];
}

/** Public exposure: private (no points), or public with a reach in each decade the box allows. */
function exposureOptions(
  box: Box,
  sw: Scoring['severity']['weights'],
  threshold: number,
): Option<number | null>[] {
  const reachSet = num(box, 'publicReach');
  const exposure: Option<number | null>[] = [];
  if (hasValue(setOf(box, 'isPublic'), false) && hasNum(reachSet, 0)) exposure.push({ points: 0, rep: null });
  if (!hasValue(setOf(box, 'isPublic'), true)) return exposure;
  for (let decade = 0; decade <= 10; decade++) {
    const reach = pickOnGrid(intersectNum(reachSet, numSet(true, publicReaches(decade, threshold))), 1);
    if (reach === undefined) continue;
    const points =
      Math.round(sw.public) + Math.round(Math.min(decade * sw.perReachDecade, sw.maxReachPoints));
    exposure.push({ points, rep: reach });
  }
  return exposure;
}

const SEVERITY_DIMENSIONS = [
  'category',
  'tone',
  'legal threat',
  'public exposure',
  'days late',
  'items affected',
  'repeat complaints',
];

type Dimensions = readonly (readonly Option<unknown>[])[];

/** Severity: the sum of its factors, each dimension listing every number of points it can give. */
function severityDimensions(
  { box, hasOrder, threshold }: Shape,
  sw: Scoring['severity']['weights'],
): Dimensions | Failure {
  const categories = distinct(
    allowed(box, 'category', CATEGORIES).map((c) => ({
      points: Math.round(sw.category[c]),
      rep: c as Category,
    })),
  );
  const tones = distinct(
    allowed(box, 'tone', TONES).map((t) => ({ points: Math.round(sw.tone[t]), rep: t as Tone })),
  );
  const legal = distinct(
    allowed(box, 'legalThreat', [false, true]).map((l) => ({
      points: l ? Math.round(sw.legalThreat) : 0,
      rep: l,
    })),
  );
  const zeroOnly = (fact: AnalysedFact) => (hasNum(num(box, fact), 0) ? [{ points: 0, rep: 0 }] : []);
  const days = hasOrder
    ? counted(box, 'daysLate', sw.perDayLate, sw.maxDaysLatePoints)
    : zeroOnly('daysLate');
  const items = hasOrder
    ? counted(box, 'itemsAffected', sw.perItemAffected, sw.maxItemsPoints)
    : zeroOnly('itemsAffected');
  const repeats = counted(box, 'complaints90d', sw.perRecentComplaint, sw.maxRepeatPoints, 1);
  const dims = [
    categories,
    tones,
    legal,
    distinct(exposureOptions(box, sw, threshold)),
    days,
    items,
    repeats,
  ] as const;
  const emptyDim = dims.findIndex((d) => d.length === 0);
  if (emptyDim >= 0)
    return { failure: `${SEVERITY_DIMENSIONS[emptyDim]}${hasOrder ? '' : ' (without an order)'}` };
  return dims;
}

/** Customer value: the sum of its factors, each dimension listing every number of points it can give. */
function valueDimensions({ box, hasSub }: Shape, scoring: Scoring, digits: number): Dimensions | Failure {
  const vw = scoring.value.weights;
  const tenure = counted(box, 'tenureMonths', vw.perTenureMonth, vw.maxTenurePoints);
  if (tenure.length === 0) return { failure: 'tenure' };
  const orders = distinct(
    Array.from(
      { length: Math.min(saturation(vw.perOrder, vw.maxOrderPoints), limits.maxQuantity * 10) + 1 },
      (_, n) => ({
        points: Math.round(Math.min(n * vw.perOrder, vw.maxOrderPoints)),
        rep: n,
      }),
    ),
  );
  const recent = distinct(
    [false, true].map((r) => ({ points: r ? Math.round(vw.recentOrderPoints) : 0, rep: r })),
  );
  const subscriber = [{ points: hasSub ? Math.round(vw.subscriber) : 0, rep: hasSub }];
  return [tenure, spendOptions(scoring, digits), orders, recent, subscriber] as const;
}

/** The option chosen in dimension `i`. */
const pick = <T>(dims: Dimensions, picks: number[], i: number) =>
  ((dims[i] as readonly Option<unknown>[])[picks[i] as number] as Option<T>).rep;

/**
 * The ways an order can stand, each with the box it leaves: undelivered, where `daysOverdue` is
 * `daysLate` (so both sets hold for it), or delivered, where `daysOverdue` is 0. Without an order it is
 * "delivered": `undelivered` is false and `daysOverdue` 0.
 */
function deliveries(box: Box, hasOrder: boolean): { undelivered: boolean; box: Box }[] {
  const out: { undelivered: boolean; box: Box }[] = [];
  if (hasValue(setOf(box, 'undelivered'), false) && hasNum(num(box, 'daysOverdue'), 0))
    out.push({ undelivered: false, box });
  if (hasOrder && hasValue(setOf(box, 'undelivered'), true)) {
    const narrowed = narrow(box, 'daysLate', setOf(box, 'daysOverdue'));
    if (narrowed) out.push({ undelivered: true, box: narrowed });
  }
  return out;
}

/** Chooses every part of a complaint of one currency and shape whose facts lie in the box. */
function attempt(
  box: Box,
  scoring: Scoring,
  currency: string,
  hasOrder: boolean,
  hasSub: boolean,
  undelivered: boolean,
  threshold: number,
): Attempt {
  const digits = currencyDigits(currency);
  const shape: Shape = { box, step: 10 ** -digits, hasOrder, hasSub, threshold };

  const order = orderPart(shape);
  if (failed(order)) return order;
  const subscription = subscriptionPart(shape);
  if (failed(subscription)) return subscription;
  const goodwill = goodwillPart(shape);
  if (failed(goodwill)) return goodwill;

  const severityDims = severityDimensions(shape, scoring.severity.weights);
  if (failed(severityDims)) return severityDims;
  const severity = solve(severityDims, num(box, 'severity'));
  if (!severity)
    return { failure: 'severity: no combination of its factors gives a score the conditions allow' };
  const valueDims = valueDimensions(shape, scoring, digits);
  if (failed(valueDims)) return valueDims;
  const value = solve(valueDims, num(box, 'value'));
  if (!value)
    return { failure: 'customer value: no combination of its factors gives a score the conditions allow' };

  const channel = allowed(box, 'channel', CHANNELS)[0] as Channel | undefined;
  if (channel === undefined) return { failure: 'channel' };
  return {
    blueprint: {
      category: pick<Category>(severityDims, severity, 0),
      tone: pick<Tone>(severityDims, severity, 1),
      legalThreat: pick<boolean>(severityDims, severity, 2),
      publicReach: pick<number | null>(severityDims, severity, 3),
      order: order && {
        ...order,
        undelivered,
        daysLate: pick<number>(severityDims, severity, 4),
        itemsAffected: pick<number>(severityDims, severity, 5),
      },
      complaints90d: pick<number>(severityDims, severity, 6),
      channel,
      currency,
      subscription,
      tenureMonths: pick<number>(valueDims, value, 0),
      lifetimeSpend: pick<number>(valueDims, value, 1),
      orderCount: pick<number>(valueDims, value, 2),
      recentOrder: pick<boolean>(valueDims, value, 3),
      recentOrderDays: scoring.value.weights.recentOrderDays,
      goodwill,
    },
  };
}

/** Whether every fact of `facts` lies in the box. */
export function inBox(box: Box, facts: Facts): boolean {
  for (const [fact, set] of box) if (!hasValue(set, facts[fact])) return false;
  return true;
}

/**
 * Currencies to try. A rule set that names its currency reads every complaint's money in it, on its
 * grid: its own currency is the one to try, unless the box asks for another (a rule on the `currency`
 * fact). Otherwise the preferred ones first, one per number of decimals.
 */
function currencies(box: Box, own: string | undefined): string[] {
  const set = setOf(box, 'currency');
  if (own !== undefined && hasValue(set, own)) return [own];
  const candidates = ['EUR', 'JPY', 'KWD', 'USD', 'TRY'].filter((c) => hasValue(set, c));
  if (set.kind === 'vals' && !set.negated) candidates.push(...([...set.values] as string[]));
  const byDigits = new Map<number, string>();
  for (const c of candidates) if (!byDigits.has(currencyDigits(c))) byDigits.set(currencyDigits(c), c);
  return [...byDigits.values()];
}

/** One shape of complaint in one currency, tried delivered and undelivered as the box allows. */
function tryShape(
  box: Box,
  scoring: Scoring,
  currency: string,
  hasOrder: boolean,
  hasSub: boolean,
  threshold: number,
): { found?: Witness; failure?: string; undecided: boolean } {
  const ways = deliveries(box, hasOrder);
  let failure =
    ways.length > 0
      ? undefined
      : hasOrder
        ? 'days overdue: an undelivered order is overdue by its days late, a delivered one by 0'
        : 'without an order, nothing is undelivered or overdue';
  let undecided = false;
  for (const way of ways) {
    const tried = attempt(way.box, scoring, currency, hasOrder, hasSub, way.undelivered, threshold);
    if (!tried.blueprint) {
      failure ??= tried.failure;
      undecided ||= tried.uncertain === true;
      continue;
    }
    const complaint = buildComplaint(tried.blueprint);
    const parsed = safeParseComplaint(complaint);
    const facts = parsed.ok ? toFacts(asJudged(parsed.value, threshold), scoring).facts : undefined;
    if (facts && inBox(box, facts)) return { found: { status: 'found', complaint, facts }, undecided };
    undecided = true;
  }
  return { ...(failure === undefined ? {} : { failure }), undecided };
}

/** `findWitness` with the rule set's scoring, currency and public-reach threshold: what every check asks. */
export function witnessIn(
  box: Box,
  ruleSet: Pick<RuleSet, 'scoring' | 'currency'> & {
    readonly policy: Pick<RuleSet['policy'], 'publicReachThreshold'>;
  },
): Witness {
  return findWitness(box, ruleSet.scoring, ruleSet.currency, ruleSet.policy.publicReachThreshold);
}

/**
 * Finds a valid complaint whose facts lie in `box`, building it from the scoring model: every fact
 * the box names is either chosen directly or, for the scores, reached by choosing the factors behind
 * them. The complaint is checked by running it through `parseComplaint` and `toFacts`, judged as the
 * recommender judges it: a public post with a known reach below `threshold` (`policy.publicReachThreshold`)
 * as private. `currency` is the rule set's: its money facts are in it, so the complaint is in it when
 * the box allows.
 */
export function findWitness(box: Box, scoring: Scoring, currency?: string, threshold = 0): Witness {
  const kinds = currencies(box, currency);
  if (kinds.length === 0) return { status: 'impossible', reason: 'no currency fits' };
  const shapes: [boolean, boolean][] = [
    [true, false],
    [true, true],
    [false, true],
  ];
  let firstFailure: string | undefined;
  let undecided = false;
  for (const currency of kinds) {
    for (const [hasOrder, hasSub] of shapes) {
      if (!hasValue(setOf(box, 'hasOrder'), hasOrder) || !hasValue(setOf(box, 'hasSubscription'), hasSub))
        continue;
      const tried = tryShape(box, scoring, currency, hasOrder, hasSub, threshold);
      if (tried.found) return tried.found;
      firstFailure ??= tried.failure;
      undecided ||= tried.undecided;
    }
  }
  if (firstFailure === undefined && !undecided) firstFailure = 'a complaint needs an order or a subscription';
  return undecided
    ? { status: 'unknown', reason: firstFailure ?? 'the model and the library disagree' }
    : { status: 'impossible', reason: firstFailure as string };
}
