/**
 * How far V8 lets the old generation grow past what it held after a full collection, in percent, while
 * the `recommend` command runs. What it holds is bounded by design (a window of complaints, at most
 * 100,000 open cases, in crisis mode the packed entries of a file read in passes), but left to itself
 * V8 lets a busy main thread's heap grow to several times its live data before it collects again:
 * 303 MB of peak RSS over 150,000 of the benchmark's complaints, 198 MB with 10%.
 */
export const HEAP_GROWING_PERCENT = 10;

/**
 * The same for `simulate`, which holds more (two case books of up to 100,000 cases, 17 bytes and an id
 * a complaint for incident detection) and which V8 let grow to four times that: over 200,000 generated
 * complaints with one worker, 387 MB of peak RSS with V8's growth, 245 MB with 10% for a fifth more CPU
 * time, 246 MB with 25% for the same CPU time (one after the other, a busy machine; 1,000,000: 310 MB
 * with 10%, 298 MB with 25%; bench/RESULTS.md).
 */
export const SIMULATE_HEAP_GROWING_PERCENT = 25;

/**
 * The young generation keeps the size it starts with (its growth factor 1) instead of doubling up to
 * 16 MB a semi-space (three of them): with the heap growth above, 165 MB of peak RSS over 60,000 of
 * the benchmark's complaints became 120 MB, at the same CPU time within the noise.
 */
export const SEMI_SPACE_GROWTH_FACTOR = 1;

/**
 * The size, in MB, each semi-space of a worker thread's young generation starts at. V8 reads it as it
 * makes a heap, so it applies to the worker threads only (this thread's heap exists already); with the
 * growth factor held at 1 (`holdHeapFlags`) a worker's young generation would otherwise stay at the
 * 1 MB it starts with: over 1,000,000 replayed complaints the worker then made 41,755 scavenges where
 * it made 5,428 (and 3,472 with this flag). 8 MB is what it grew to before (its `resourceLimits`
 * allow 16 MB for the young generation).
 */
export const WORKER_SEMI_SPACE_MB = 8;

/** Node and V8 options by which a user chooses how the heap behaves. */
const HEAP_OPTIONS =
  /^--(max-old-space-size|max-semi-space-size|min-semi-space-size|semi-space-growth-factor|heap-growing-percent|max-heap-size)\b/;

/**
 * The V8 flags the command sets for its own process as it starts (the first two are read by V8 as it
 * collects, so they apply though the heap exists already, and to the worker threads; the third to the
 * worker threads' heaps as they are made): for `recommend` and
 * `simulate`, unless the user chose for themselves (`NODE_OPTIONS`, or a heap option given to `node`).
 * They set no limit: a run that needs more memory gets it, collected more often. Other commands keep
 * V8's defaults: `outcomes` holds more, and collecting more often would cost it more; the others are
 * short.
 * @param argv the command's arguments (`process.argv.slice(2)`).
 * @param execArgv `process.execArgv`.
 */
export function heapFlags(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  execArgv: readonly string[],
): readonly string[] {
  const command = argv.find((a) => !a.startsWith('-'));
  if (command !== 'recommend' && command !== 'simulate') return [];
  if ((env.NODE_OPTIONS ?? '').trim() !== '' || execArgv.some((a) => HEAP_OPTIONS.test(a))) return [];
  const percent = command === 'simulate' ? SIMULATE_HEAP_GROWING_PERCENT : HEAP_GROWING_PERCENT;
  return [
    `--heap-growing-percent=${percent}`,
    `--semi-space-growth-factor=${SEMI_SPACE_GROWTH_FACTOR}`,
    `--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`,
  ];
}

/** What `holdHeapFlags` needs of the process: to hear of each worker thread it starts. */
export interface WorkerStarts {
  on(
    event: 'worker',
    listener: (worker: { once(event: 'online', listener: () => void): unknown }) => void,
  ): unknown;
}

/**
 * Sets `flags` now, and again as each worker thread comes online. Measured on Node 20: a worker's heap,
 * as V8 makes it, puts the young generation's growth factor back to its default for the whole process,
 * and in `simulate` with one worker the main thread's young generation then doubled to 32 MB (two
 * semi-spaces of 16 MB); held, it stays at the 16 MB it reached while the modules loaded. Over 200,000
 * generated complaints: 223–229 → 199 MB of peak RSS (bench/RESULTS.md). Setting the flags before the
 * modules load kept it at 4 MB, and cost a third more CPU time in scavenges: not done.
 */
export function holdHeapFlags(
  flags: readonly string[],
  set: (flag: string) => void,
  threads: WorkerStarts,
): void {
  if (flags.length === 0) return;
  const setAll = (): void => {
    for (const flag of flags) set(flag);
  };
  setAll();
  threads.on('worker', (worker) => worker.once('online', setAll));
}
