import { invalidOption } from '../errors';
import { HIT_POLICIES, type HitPolicy } from '../policy/schema';

/** Options of `analyzeRuleSet`. */
export interface AnalyzeOptions {
  /** Analyse as if the rule set declared this hit policy. Default: the rule set's own. */
  readonly hit?: HitPolicy;
  /**
   * Most boxes one rule's conditions may expand to before the rule is left to the search; the
   * remainders of gap and shadow checks may have 16 times as many. Default 256.
   */
  readonly maxBoxes?: number;
  /**
   * Most units of work spent on one rule (expanding its conditions and finding a complaint that makes
   * it fire) and on each question a check asks (is this rule shadowed, do these two overlap, has this
   * category and severity band a gap) before it is left to the search. Default 100,000.
   */
  readonly maxWorkPerRule?: number;
  /**
   * Most units of work the whole analysis spends, the search included; the questions left when they
   * run out are reported in `notAnalysed`. A unit is one operation on two boxes, roughly a microsecond,
   * but counted, not timed, so that the findings never depend on the machine. Default 5,000,000.
   */
  readonly maxWork?: number;
  /** Complaints the search generates when it is needed (fewer when the budget runs short). Default 2,000. */
  readonly searchRuns?: number;
  /** Seed of the search. Default 20261125. */
  readonly seed?: number;
}

/** The options with every default filled in. */
export type ResolvedAnalyzeOptions = Required<Omit<AnalyzeOptions, 'hit'>> & {
  readonly hit: HitPolicy | undefined;
};

const DEFAULTS = {
  maxBoxes: 256,
  maxWorkPerRule: 100_000,
  maxWork: 5_000_000,
  searchRuns: 2_000,
  seed: 20261125,
} as const;

const COUNTS = ['maxBoxes', 'maxWorkPerRule', 'maxWork', 'searchRuns'] as const;

/** The options checked (each a RedressError `INVALID_OPTIONS` naming it), with their defaults. */
export function resolveAnalyzeOptions(options: AnalyzeOptions): ResolvedAnalyzeOptions {
  if (typeof options !== 'object' || options === null)
    throw invalidOption([], `must be an object of options, got ${String(options)}`);
  const { hit } = options;
  if (hit !== undefined && !HIT_POLICIES.includes(hit))
    throw invalidOption(
      ['hit'],
      `unknown hit policy "${String(hit)}"; use one of ${HIT_POLICIES.join(', ')}`,
    );
  const counts = Object.fromEntries(
    COUNTS.map((name) => {
      const value = options[name] ?? DEFAULTS[name];
      if (!Number.isSafeInteger(value) || value < (name === 'searchRuns' ? 0 : 1))
        throw invalidOption(
          [name],
          `must be a whole number ≥ ${name === 'searchRuns' ? 0 : 1}, got ${String(value)}; leave it out for ${DEFAULTS[name].toLocaleString('en-US')}`,
        );
      return [name, value];
    }),
  ) as Record<(typeof COUNTS)[number], number>;
  const seed = options.seed ?? DEFAULTS.seed;
  if (!Number.isSafeInteger(seed))
    throw invalidOption(
      ['seed'],
      `must be a whole number, got ${String(seed)}; leave it out for ${DEFAULTS.seed}`,
    );
  return { hit, seed, ...counts };
}
