import fc from 'fast-check';

/** The seed every property test runs with: fixed in CI, overridable with FC_SEED to replay a failure. */
export const seed = Number(process.env.FC_SEED ?? 20261125);

/** fast-check parameters for this suite: the seed, and a report that prints it on failure. */
export function fcParams<T>(numRuns: number): fc.Parameters<T> {
  return { seed, numRuns, verbose: fc.VerbosityLevel.Verbose, endOnFailure: false };
}
