/**
 * The seed of every property test: fixed in CI so that a run can be repeated; override with `FC_SEED`.
 * fast-check prints the seed and the counterexample path in its failure report.
 */
export const seed = Number(process.env.FC_SEED ?? 20261125);
