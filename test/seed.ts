/** The fast-check seed of every property test: fixed in CI, overridden by the `FC_SEED` environment variable. */
export const seed = Number(process.env.FC_SEED ?? 20261125);
