/**
 * How far V8 lets the heap grow past what it held after a full collection, in percent, while the
 * `recommend` command runs. What that command holds is bounded by design (a window of complaints, at
 * most 100,000 open cases, in crisis mode the packed entries of a file read in passes), but left to
 * itself V8 lets a busy main thread's heap grow to several times its live data before it collects
 * again: 303 MB of peak RSS over 150,000 of the benchmark's complaints, 198 MB with 10% (at about a
 * seventh more CPU). This sets no limit: a run that needs more memory gets it, collected more often.
 */
export const HEAP_GROWING_PERCENT = 10;

/** Node and V8 options by which a user chooses how the heap behaves. */
const HEAP_OPTIONS = /^--(max-old-space-size|max-semi-space-size|heap-growing-percent|max-heap-size)\b/;

/**
 * The V8 flags the command sets for its own process: heap growth for `recommend`, unless the user
 * chose for themselves (`NODE_OPTIONS`, or a heap option given to `node`). Other commands keep V8's
 * defaults: `simulate` and `outcomes` hold more, and collecting more often would cost them more.
 * @param argv the command's arguments (`process.argv.slice(2)`).
 * @param execArgv `process.execArgv`.
 */
export function heapFlags(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  execArgv: readonly string[],
): string | undefined {
  const command = argv.find((a) => !a.startsWith('-'));
  if (command !== 'recommend') return undefined;
  if ((env.NODE_OPTIONS ?? '').trim() !== '' || execArgv.some((a) => HEAP_OPTIONS.test(a))) return undefined;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}
