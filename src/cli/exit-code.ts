/**
 * The `redress` command's exit codes. Scripts branch on these, so they never change meaning.
 *
 * - `ok` (0): everything succeeded.
 * - `dataProblems` (1): the command ran, but the data had problems: lines that failed, an invalid rule
 *   file under `validate`, an invalid complaint under `explain`.
 * - `cannotRun` (2): wrong usage, an unreadable file, or a rule file that does not load.
 * - `brokenPipe` (141, as for a process ended by SIGPIPE): the reader of the output went away
 *   (`redress recommend … | head -1`); the command stops quietly.
 */
export const ExitCode = {
  ok: 0,
  dataProblems: 1,
  cannotRun: 2,
  brokenPipe: 141,
} as const;

/** One of the exit codes above. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
