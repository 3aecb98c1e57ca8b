import { invalidOption, issue, type PathSegment, RedressError, type RedressIssue } from '../errors';

/**
 * Size limits for untrusted input, in one place so that the limits tables (docs/limits-and-security.md,
 * SECURITY.md), the JSON Schema and the checks cannot disagree.
 *
 * Two kinds live here. The *configurable limits* (`Limits`, defaults in `defaultLimits`) guard the
 * process: they are checked before any parsing or schema work, each has its own issue code, and an input
 * over one fails with `LIMIT_EXCEEDED`. The *field bounds* (the other entries) are part of the data
 * contract, published in the JSON Schema, and fail with the schema's `too_big`; raising a configurable
 * limit never widens a field's own bound.
 */
export const limits = {
  /** Identifiers, SKUs, names of plans, queues and rules. */
  maxIdLength: 128,
  /** Short free text: names, platforms, emails. */
  maxShortText: 320,
  /** Long free text: a complaint's summary, a rationale template. */
  maxLongText: 10_000,
  /** Line items in one order. */
  maxItems: 500,
  /** Prior complaints listed on one customer. */
  maxPriorComplaints: 1_000,
  /** Entries in one customer's compensation history. */
  maxCompensationHistory: 1_000,
  /** Keys in `customer.attributes`. */
  maxAttributes: 64,
  /** Largest amount of money a rule set states (a cap, a gift, a coupon), in major units of its currency. */
  maxMoney: 1_000_000_000,
  /**
   * Largest amount of money a complaint carries, in minor units of its currency: €10,000,000,000.00,
   * ¥1,000,000,000,000, 1,000,000,000,000 rials (about €2.1 million), 1,000,000,000.000 dinars. It
   * bounds every amount of a complaint, the sum of an order's lines and each past compensation read in
   * the complaint's currency, so that every sum redress makes of them is an exact integer below
   * `Number.MAX_SAFE_INTEGER` (the argument is at `linesProblems` and `goodwillWithin`). A bound in
   * minor units is the same for every currency: in major units one billion was €1e9 but only about
   * €2,100 of rials.
   */
  maxMoneyMinor: 1_000_000_000_000,
  /** Largest quantity on one line item. */
  maxQuantity: 100_000,
  /** Largest audience for a public complaint. */
  maxReach: 10_000_000_000,
  /** Remedies proposed by one rule. */
  maxRemediesPerRule: 8,

  // Defaults of the configurable limits (see `Limits`).
  /** Default of `Limits.maxComplaintBytes`. */
  maxComplaintBytes: 1_048_576,
  /** Default of `Limits.maxRuleSetBytes`. */
  maxRuleSetBytes: 8_388_608,
  /** Default of `Limits.maxLineBytes`. */
  maxLineBytes: 1_048_576,
  /** Default of `Limits.maxDepth`. */
  maxDepth: 64,
  /** Default of `Limits.maxStringLength`. */
  maxStringLength: 65_536,
  /** Default of `Limits.maxArrayLength`. */
  maxArrayLength: 1_000,
  /** Default of `Limits.maxRules`. */
  maxRules: 2_000,
  /** Default of `Limits.maxConditionsPerRule`. */
  maxConditionsPerRule: 64,
  /** Default of `Limits.maxConditionDepth`. */
  maxConditionDepth: 8,
  /** Default of `Limits.maxListValues`. */
  maxListValues: 256,
} as const;

/**
 * The configurable limits. Pass some of them as `{ limits }` to `parseComplaint`, `safeParseComplaint`,
 * `loadRuleSet` or `createRecommender`; the rest keep their defaults (`defaultLimits`).
 */
export interface Limits {
  /** Bytes of a complaint: its UTF-8 JSON text, or the compact JSON of an object. */
  readonly maxComplaintBytes: number;
  /** Bytes of a rule set: its UTF-8 JSON text, or the compact JSON of an object. */
  readonly maxRuleSetBytes: number;
  /** Bytes of one line of a JSON Lines stream (see `lineTooLong`). */
  readonly maxLineBytes: number;
  /** Objects and arrays nested in one another, anywhere in a complaint or rule set. */
  readonly maxDepth: number;
  /** UTF-16 code units of any one string or object key. */
  readonly maxStringLength: number;
  /** Elements of any one array (a rule set's `rules` has `maxRules` instead). */
  readonly maxArrayLength: number;
  /** Rules in one rule set. */
  readonly maxRules: number;
  /** Leaf conditions in one rule, and in any one `all`/`any`. */
  readonly maxConditionsPerRule: number;
  /** Nesting of `all`/`any`/`not` in one rule; the top group is level 1. */
  readonly maxConditionDepth: number;
  /** Values in one `in`/`notIn` list. */
  readonly maxListValues: number;
}

/** The name of a configurable limit. */
export type LimitName = keyof Limits;

/**
 * The issue code each limit reports, under the error code `LIMIT_EXCEEDED`. Stable: switch on these.
 */
export const LIMIT_CODES = {
  maxComplaintBytes: 'complaint_too_large',
  maxRuleSetBytes: 'ruleset_too_large',
  maxLineBytes: 'line_too_long',
  maxDepth: 'nesting_too_deep',
  maxStringLength: 'string_too_long',
  maxArrayLength: 'array_too_long',
  maxRules: 'too_many_rules',
  maxConditionsPerRule: 'too_many_conditions',
  maxConditionDepth: 'too_deep',
  maxListValues: 'too_many_values',
} as const satisfies Record<LimitName, string>;

/** An issue code that means a limit was exceeded. */
export type LimitCode = (typeof LIMIT_CODES)[LimitName];

/** Every configurable limit's name, in the order of the docs' table. */
export const LIMIT_NAMES = Object.keys(LIMIT_CODES) as LimitName[];

const LIMIT_CODE_SET: ReadonlySet<string> = new Set(Object.values(LIMIT_CODES));

/** The configurable limits as shipped. */
export const defaultLimits: Limits = Object.freeze(
  Object.fromEntries(LIMIT_NAMES.map((name) => [name, limits[name]])) as unknown as Limits,
);

/** Options that take limits. */
export interface LimitsOption {
  /** Limits to use instead of the defaults; any left out keep their default. */
  readonly limits?: Partial<Limits>;
}

/** Limits `resolveLimits` has made (and so checked). */
const RESOLVED = new WeakSet<object>();

/**
 * Fills in defaults and checks the values: each a whole number ≥ 1. A mistake here is the caller's, not
 * the input's: `INVALID_OPTIONS`, with the path of the limit under `at` (the option's own path).
 *
 * @throws RedressError `INVALID_OPTIONS` for a limit that does not exist or is not a whole number ≥ 1.
 */
export function resolveLimits(overrides?: Partial<Limits>, at: readonly PathSegment[] = ['limits']): Limits {
  if (overrides === undefined || overrides === defaultLimits) return defaultLimits;
  // Limits this function made are checked already: every complaint of a recommender passes them again.
  if (RESOLVED.has(overrides)) return overrides as Limits;
  if (typeof overrides !== 'object' || overrides === null) {
    throw invalidOption(at, `must be an object of limits, got ${String(overrides)}`);
  }
  const resolved: Record<string, number> = { ...defaultLimits };
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(LIMIT_CODES, name)) {
      throw invalidOption(
        [...at, name],
        `unknown limit "${name}"; the limits are ${LIMIT_NAMES.join(', ')}`,
        'unknown_limit',
      );
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw invalidOption([...at, name], `must be a whole number ≥ 1, got ${String(value)}`);
    }
    resolved[name] = value;
  }
  const limits = Object.freeze(resolved) as unknown as Limits;
  RESOLVED.add(limits);
  return limits;
}

/** True when an issue code is one of `LIMIT_CODES`. */
export function isLimitCode(code: string): code is LimitCode {
  return LIMIT_CODE_SET.has(code);
}

/** The issue for an input over `name`, with a hint naming the limit to raise. */
export function limitIssue(
  name: LimitName,
  max: number,
  path: readonly PathSegment[],
  what: string,
): RedressIssue {
  return issue(LIMIT_CODES[name], path, `${what} exceeds the limit of ${max} (limits.${name})`, {
    hint: `if this input is legitimate, raise limits.${name}`,
  });
}

/**
 * For readers of JSON Lines (the CLI): the error for a line of `byteLength` bytes, or `undefined` when it
 * is within `limits.maxLineBytes`. Check it while buffering, before the line is complete, so that one
 * endless line cannot exhaust memory; then skip to the next newline.
 */
export function lineTooLong(byteLength: number, options: LimitsOption = {}): RedressError | undefined {
  const max = resolveLimits(options.limits).maxLineBytes;
  if (byteLength <= max) return undefined;
  return new RedressError('LIMIT_EXCEEDED', [
    limitIssue('maxLineBytes', max, [], `a line of more than ${max} bytes`),
  ]);
}
