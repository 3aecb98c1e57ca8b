import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

// Worker threads run the built package (`npm test` builds it first): the check script drives the
// CommonJS build and counts the threads it starts by wrapping `worker_threads.Worker`.
const script = new URL('../fixtures/worker-check.cjs', import.meta.url).pathname;
// A guard against a hang, not a speed check: the script takes about 8 s of CPU, and under a load of 20 on
// two cores (other suites and benchmarks on the machine) its wall time passed two minutes.
const HANG = 300_000;
const check = (...args: string[]) =>
  JSON.parse(execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: HANG }));

// 200 complaints with bad ones among them, and one that cannot be cloned into a thread (index 40).
const ERRORS = [5, 40, 103, 200];
/**
 * Per scenario: the threads it started, the threads that were handed its chunks (`threads`: the batch
 * ran on them), and how its results compare with the same batch in this thread.
 */
type Report = Record<
  string,
  {
    started: number;
    threads?: number;
    same: boolean;
    results?: number;
    errors?: number[];
    linked?: number;
    lost?: number;
    inOrder?: boolean;
  }
>;
let report: Report;
/** The check asks for 2 threads; a machine with one core gets one (threads never outnumber cores). */
let two: number;
beforeAll(() => {
  const { cores, ...rest } = check();
  report = rest;
  two = Math.min(2, cores);
}, HANG);

describe('recommendMany on worker threads', () => {
  it('gives exactly the in-thread results, in input order, with every error record in its place', () => {
    expect(report.workers).toEqual({ started: two, threads: two, same: true, results: 201, errors: ERRORS });
  });

  it('hands over JSON text without parsing it with recommendManyAsJson', () => {
    // On the threads the batch above started (a recommender keeps them): they did its chunks.
    expect(report.json).toEqual({ started: 0, threads: two, same: true, results: 201, errors: ERRORS });
  });

  it('starts no thread for a small batch, and starts them once a batch passes a thousand', () => {
    expect(report['auto-small']).toMatchObject({ started: 0, threads: 0, same: true, results: 201 });
    // With one core, 'auto' stays in this thread: there is no second core to win.
    expect(report['auto-large']).toMatchObject({
      started: two > 1 ? two : 0,
      threads: two > 1 ? two : 0,
      same: true,
      results: 1101,
    });
  });

  it('keeps results that are read back into objects in this thread on two cores', () => {
    expect(report['auto-values']).toMatchObject({ started: 0, threads: 0, same: true, results: 1101 });
  });

  it('links a batch on the threads exactly as in this thread, in input order, a dead worker redone here', () => {
    // The scenarios repeat their customers and orders: 170 of 201 complaints are linked.
    // These two and 'linked-solo' run on the threads of the unlinked batches above: they did the chunks.
    for (const name of ['linked', 'linked-json'])
      expect(report[name], name).toEqual({
        started: 0,
        threads: two,
        same: true,
        results: 201,
        errors: ERRORS,
        linked: 170,
      });
    expect(report['linked-auto']).toMatchObject({ started: two > 1 ? two : 0, same: true, results: 1101 });
    expect(report['linked-crash']).toEqual({
      started: two,
      threads: two,
      same: true,
      results: 201,
      errors: ERRORS,
      linked: 170,
    });
    expect(report['linked-solo']).toMatchObject({
      started: 0,
      threads: two,
      same: true,
      results: 201,
      errors: ERRORS,
    });
    expect(report['linked-solo']?.linked).toBeGreaterThan(0);
  });

  it('redoes in this thread the work of a worker that died', () => {
    expect(report.crash).toEqual({ started: two, threads: two, same: true, results: 201, errors: ERRORS });
  });

  it('keeps a recommender’s threads for its next batch, whatever its locale', () => {
    // 'reuse-first' and 'reuse-second' are the first two batches above, 'workers' and 'json'.
    expect(report['reuse-first']).toMatchObject({ started: two, threads: two, same: true });
    expect(report['reuse-second']).toMatchObject({ started: 0, threads: two, same: true, results: 201 });
    expect(report.locale).toEqual({ started: 0, same: true });
  });

  it('gives a batch’s own exchange rates to its threads, and an error record where a rate is missing', () => {
    expect(report['batch-rates']).toEqual({
      started: two,
      threads: two,
      same: true,
      results: 201,
      errors: ERRORS,
    });
    expect(report['no-rates']).toEqual({
      results: 201,
      codes: ['INVALID_COMPLAINT', 'NO_EXCHANGE_RATE'],
      noRate: true,
    });
  });

  it('loses no worker on a batch of complaints of about 1 MB each (within the limits)', () => {
    // In the same process as the scenarios above, with a recommender of its own.
    expect(report.large).toMatchObject({ lost: 0, results: 130, inOrder: true });
    expect(report.large?.started).toBe(two);
  });

  it('lets the process exit when the reader stops early', () => {
    // execFileSync returns only once the child has exited: a worker left running would hold it open.
    expect(check('early-break')).toMatchObject({ n: 3 });
  });
});
