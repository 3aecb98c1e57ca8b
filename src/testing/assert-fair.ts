import * as fc from 'fast-check';
import type { ComplaintInput } from '../complaint/schema';
import { invalidOption } from '../errors';
import { loadRuleSet } from '../rules/ruleset';
import type { HarmChangeKind } from './harm-change';
import { boundedDisparity } from './properties/bounded-disparity';
import { capsHold } from './properties/caps-hold';
import { compensationHistory } from './properties/compensation-history';
import {
  type CurrencyInvarianceOptions,
  currencyInvariance,
  exchangeRatesFor,
} from './properties/currency-invariance';
import { determinism } from './properties/determinism';
import { harmFloor } from './properties/harm-floor';
import { invariance } from './properties/invariance';
import { severityMonotonicity } from './properties/severity-monotonicity';
import { splitInvariance } from './properties/split-invariance';
import { type FairnessSubject, type FairnessTarget, isTarget, resolveSubject } from './subject';
import { indent } from './violation';

/** The name of a fairness property, as `assertFair`'s `properties` option takes it. */
export type FairnessPropertyName =
  | 'severityMonotonicity'
  | 'invariance'
  | 'harmFloor'
  | 'capsHold'
  | 'determinism'
  | 'boundedDisparity'
  | 'compensationHistory'
  | 'currencyInvariance'
  | 'splitInvariance';

/** Every fairness property: its title and what it means, in plain words. */
export const FAIRNESS_PROPERTIES: Readonly<Record<FairnessPropertyName, { title: string; meaning: string }>> =
  {
    severityMonotonicity: {
      title: 'severity monotonicity',
      meaning: 'making the harm worse, all else equal, never makes the recommendation less generous',
    },
    invariance: {
      title: 'invariance',
      meaning: "a customer's name, email, locale, region or attributes never change the recommendation",
    },
    harmFloor: {
      title: 'harm floor',
      meaning: 'for the same harm, no customer is offered less than the least valuable customer',
    },
    capsHold: {
      title: 'caps hold',
      meaning: 'every recommendation is within its caps, with valid remedies and exact totals',
    },
    determinism: {
      title: 'determinism',
      meaning: 'the same complaint always gets the same recommendation, also with many calls in flight',
    },
    boundedDisparity: {
      title: 'bounded disparity',
      meaning: "two customers with the same harm get totals within the rule set's declared ratio",
    },
    compensationHistory: {
      title: 'compensation history',
      meaning:
        'past compensation only ever reduces goodwill, never restitution; the same harm and history get the same result',
    },
    currencyInvariance: {
      title: 'currency invariance',
      meaning:
        'the same complaint in another currency, at the rate, gets the same remedies, handling and scores, and the same money within rounding',
    },
    splitInvariance: {
      title: 'split invariance',
      meaning:
        'one problem reported on several channels within the case window never costs more, and never gets less, than reporting it once',
    },
  };

/** Every fairness property name, in the order `assertFair` runs them. */
export const FAIRNESS_PROPERTY_NAMES = Object.keys(FAIRNESS_PROPERTIES) as FairnessPropertyName[];

/** The seed `assertFair` uses when neither the `seed` option nor the `FC_SEED` environment variable gives one. */
export const DEFAULT_SEED = 20261125;

/** Options of `assertFair`. */
export interface AssertFairOptions extends CurrencyInvarianceOptions {
  /** The properties to run. Default: all of them. */
  readonly properties?: readonly FairnessPropertyName[];
  /** Runs per property. Default 1,000. */
  readonly numRuns?: number;
  /** The fast-check seed. Default: the `FC_SEED` environment variable, else `DEFAULT_SEED`. */
  readonly seed?: number;
  /** Replays one failure: the `path` from a failure report. Needs exactly one property in `properties`. */
  readonly path?: string;
  /** Ways of worsening the harm that severity monotonicity tries. Default: all. */
  readonly changes?: readonly HarmChangeKind[];
  /** Calls in flight at once in a wave of the determinism property. Default 50. */
  readonly inFlight?: number;
  /** On average one determinism run in this many sends a wave. Default 50. */
  readonly waveEvery?: number;
}

/** How one property fared. */
export interface FairnessResult {
  readonly property: FairnessPropertyName;
  readonly title: string;
  readonly passed: boolean;
  /** Runs made (skipped runs, where a harm change could not apply, not included). */
  readonly numRuns: number;
  readonly numSkips: number;
  readonly seed: number;
  /**
   * Why the property did not run at all (then `numRuns` is 0): currency invariance, when it was not
   * named in `properties`, for a rule set without a currency or a recommender given without
   * `exchangeRates`. A property named in `properties` that cannot run is an `INVALID_OPTIONS` error.
   */
  readonly skipped?: string;
}

/** A property that failed, with everything needed to understand and replay the failure. */
export interface FairnessFailure extends FairnessResult {
  readonly passed: false;
  /** fast-check's path to the shrunk counterexample; replay with `{ properties: [property], seed, path }`. */
  readonly path: string;
  readonly numShrinks: number;
  /** The shrunk counterexample: the property's arguments (the complaint first). */
  readonly counterexample: readonly unknown[];
  /** The shrunk counterexample's complaint. */
  readonly complaint: ComplaintInput | undefined;
  /** What went wrong for that complaint. */
  readonly reason: string;
}

/**
 * Thrown by `assertFair` when a property fails. Its message names each failed property and shows the
 * shrunk counterexample complaint, what went wrong, and the seed and path to replay it; `failures`
 * holds the same as data.
 */
export class FairnessError extends Error {
  readonly failures: readonly FairnessFailure[];
  readonly results: readonly FairnessResult[];

  constructor(failures: readonly FairnessFailure[], results: readonly FairnessResult[], ruleSet: string) {
    super(formatFailures(failures, results, ruleSet));
    this.name = 'FairnessError';
    this.failures = failures;
    this.results = results;
  }
}

function defaultSeed(): number {
  const fromEnv = typeof process === 'undefined' ? undefined : process.env.FC_SEED;
  if (fromEnv === undefined || fromEnv === '') return DEFAULT_SEED;
  const seed = Number(fromEnv);
  if (!Number.isSafeInteger(seed)) {
    throw invalidOption(
      ['seed'],
      `the environment's FC_SEED must be a whole number, got "${fromEnv}"; fix it, unset it, or pass "seed"`,
    );
  }
  return seed;
}

function build(
  name: FairnessPropertyName,
  target: FairnessTarget,
  options: AssertFairOptions,
): fc.IAsyncPropertyWithHooks<unknown[]> {
  const shared = { complaints: options.complaints };
  if (name === 'currencyInvariance') {
    return currencyInvariance(target, {
      ...shared,
      ...(options.exchangeRates === undefined ? {} : { exchangeRates: options.exchangeRates }),
    }) as unknown as fc.IAsyncPropertyWithHooks<unknown[]>;
  }
  const built = (() => {
    switch (name) {
      case 'severityMonotonicity':
        return severityMonotonicity(target, { ...shared, changes: options.changes });
      case 'invariance':
        return invariance(target, shared);
      case 'harmFloor':
        return harmFloor(target, shared);
      case 'capsHold':
        return capsHold(target, shared);
      case 'determinism':
        return determinism(target, { ...shared, inFlight: options.inFlight, waveEvery: options.waveEvery });
      case 'boundedDisparity':
        return boundedDisparity(target, shared);
      case 'compensationHistory':
        return compensationHistory(target, shared);
      case 'splitInvariance':
        return splitInvariance(target, shared);
      default:
        throw new Error(`no property ${name}`);
    }
  })();
  return built as unknown as fc.IAsyncPropertyWithHooks<unknown[]>;
}

/**
 * Runs the fairness properties against a rule set (or a recommender) and throws a `FairnessError` if
 * any fails. Every property runs, so one report lists every failure. Each property makes `numRuns`
 * runs from the same seed; one recommender serves them all.
 *
 * @returns how each property fared, with the seed used.
 * @throws FairnessError when a property fails; RedressError when the rule set does not load, or
 *   `INVALID_OPTIONS` (with the option's path) for options it cannot use, FC_SEED included.
 *
 * @example
 * ```ts
 * import { defaultRuleSet } from 'redress';
 * import { assertFair } from 'redress/testing';
 *
 * // In a test suite: `await assertFair(loadRuleSet(myRules))`, all nine properties at 1,000 runs each.
 * const results = await assertFair(defaultRuleSet, { properties: ['capsHold', 'invariance'], numRuns: 20, seed: 7 });
 * results.map((r) => [r.property, r.passed]); //=> [['capsHold', true], ['invariance', true]]
 * ```
 */
export async function assertFair(
  subject: FairnessSubject,
  options: AssertFairOptions = {},
): Promise<readonly FairnessResult[]> {
  const names = options.properties ?? FAIRNESS_PROPERTY_NAMES;
  names.forEach((name, i) => {
    if (!Object.hasOwn(FAIRNESS_PROPERTIES, name)) {
      throw invalidOption(
        ['properties', i],
        `unknown property "${String(name)}"; use some of ${FAIRNESS_PROPERTY_NAMES.join(', ')}`,
      );
    }
  });
  if (options.path !== undefined && names.length !== 1) {
    throw invalidOption(['path'], 'replays one property; name that one alone in "properties"');
  }
  const numRuns = options.numRuns ?? 1_000;
  if (!Number.isInteger(numRuns) || numRuns < 1) {
    throw invalidOption(['numRuns'], `must be a whole number ≥ 1, got ${numRuns}`);
  }
  const seed = options.seed ?? defaultSeed();
  const money = moneyFor(subject, options, options.properties?.includes('currencyInvariance') === true);
  const target = resolveSubject(subject, money.options);

  const results: FairnessResult[] = [];
  const failures: FairnessFailure[] = [];
  for (const name of names) {
    const { title } = FAIRNESS_PROPERTIES[name];
    if (name === 'currencyInvariance' && money.skipped !== undefined) {
      results.push({
        property: name,
        title,
        passed: true,
        numRuns: 0,
        numSkips: 0,
        seed,
        skipped: money.skipped,
      });
      continue;
    }
    const details = await fc.check(build(name, target, money.options), {
      numRuns,
      seed,
      ...(options.path === undefined ? {} : { path: options.path }),
    });
    const result = { property: name, title, numRuns: details.numRuns, numSkips: details.numSkips, seed };
    if (!details.failed) {
      results.push({ ...result, passed: true });
      continue;
    }
    const counterexample = details.counterexample ?? [];
    const failure: FairnessFailure = {
      ...result,
      passed: false,
      path: details.counterexamplePath ?? '',
      numShrinks: details.numShrinks,
      counterexample,
      complaint: counterexample[0] as ComplaintInput | undefined,
      reason: reasonOf(details),
    };
    results.push(failure);
    failures.push(failure);
  }
  if (failures.length > 0) {
    throw new FairnessError(failures, results, `"${target.ruleSet.name}" ${target.ruleSet.version}`);
  }
  return results;
}

/**
 * The options the properties run with, and why currency invariance cannot run, if it cannot: a rule
 * set is given exchange rates (yours, or `FAIRNESS_EXCHANGE_RATES`) so that its recommender converts at
 * the rates the property uses; a recommender must come with the rates it converts at.
 */
function moneyFor(
  subject: FairnessSubject,
  options: AssertFairOptions,
  named: boolean,
): { options: AssertFairOptions; skipped?: string } {
  const ruleSet = loadRuleSet(isTarget(subject) ? subject.ruleSet : subject);
  const given = options.exchangeRates ?? options.recommender?.exchangeRates;
  let skipped: string | undefined;
  if (ruleSet.currency === undefined) {
    skipped = "the rule set names no currency: it reads amounts in each complaint's own";
  } else if (isTarget(subject) && given === undefined) {
    skipped = 'a recommender was given without exchangeRates: pass the rates it converts at';
  }
  // Named in `properties`, it runs, and says why it cannot.
  if (skipped !== undefined && !named) return { options, skipped };
  if (skipped !== undefined || isTarget(subject)) return { options };
  const exchangeRates = exchangeRatesFor(ruleSet.currency as string, given);
  return { options: { ...options, exchangeRates, recommender: { ...options.recommender, exchangeRates } } };
}

function reasonOf(details: fc.RunDetails<unknown[]>): string {
  if (details.interrupted) return 'the run was interrupted';
  const error = details.errorInstance;
  if (error instanceof Error)
    return error.name === 'FairnessViolation' ? error.message : String(error.stack ?? error);
  if (details.numSkips > 0 && details.numRuns === 0) return 'every run was skipped: no harm change applied';
  return String(error ?? 'the property failed');
}

function showArgument(value: unknown): string {
  // A determinism wave carries dozens of complaints; the one that failed is named in the reason.
  if (Array.isArray(value) && value.length > 3) {
    return `[${value.length} more complaints in flight at once: see FairnessError.failures[].counterexample]`;
  }
  return JSON.stringify(value);
}

function formatFailures(
  failures: readonly FairnessFailure[],
  results: readonly FairnessResult[],
  ruleSet: string,
): string {
  const lines = [
    `${failures.length} of ${results.length} fairness properties failed for rule set ${ruleSet}`,
  ];
  for (const f of failures) {
    const [, ...rest] = f.counterexample;
    lines.push(
      '',
      `✗ ${f.title} — ${FAIRNESS_PROPERTIES[f.property].meaning}`,
      `  failed after ${f.numRuns} run(s), shrunk ${f.numShrinks} time(s)`,
      indent(f.reason, '  '),
      '  counterexample complaint:',
      indent(JSON.stringify(f.complaint, null, 2), '    '),
      ...(rest.length > 0 ? ['  with:', indent(rest.map(showArgument).join('\n'), '    ')] : []),
      `  seed ${f.seed}, path "${f.path}" — replay with:`,
      `    assertFair(ruleSet, { properties: ['${f.property}'], seed: ${f.seed}, path: '${f.path}' })`,
      `    (and the same options), or run the suite again with FC_SEED=${f.seed}`,
    );
  }
  const passed = results.filter((r) => r.passed).map((r) => r.title);
  if (passed.length > 0) lines.push('', `passed: ${passed.join(', ')}`);
  return lines.join('\n');
}
