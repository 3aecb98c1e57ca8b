import { describe, expect, it } from 'vitest';
import {
  HEAP_GROWING_PERCENT,
  heapFlags,
  holdHeapFlags,
  SEMI_SPACE_GROWTH_FACTOR,
  SIMULATE_HEAP_GROWING_PERCENT,
  WORKER_SEMI_SPACE_MB,
} from '../../src/cli/heap';

describe('the heap growth the command sets for itself', () => {
  const flag = [
    `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
    `--semi-space-growth-factor=${SEMI_SPACE_GROWTH_FACTOR}`,
    `--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`,
  ];

  it('is set for recommend and simulate, whatever their options and wherever they stand', () => {
    expect(heapFlags(['recommend', '-'], {}, [])).toEqual(flag);
    // simulate holds more, and collects less often for the same peak.
    const simulate = [
      `--heap-growing-percent=${SIMULATE_HEAP_GROWING_PERCENT}`,
      `--semi-space-growth-factor=${SEMI_SPACE_GROWTH_FACTOR}`,
      `--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`,
    ];
    expect(SIMULATE_HEAP_GROWING_PERCENT).toBeGreaterThan(HEAP_GROWING_PERCENT);
    expect(heapFlags(['simulate', '-r', 'p.json', '-b', 'c.json', 'big.jsonl'], {}, [])).toEqual(simulate);
    expect(heapFlags(['--quiet', 'simulate', '--workers', '0', '-'], {}, [])).toEqual(simulate);
    expect(
      heapFlags(['recommend', '--incidents', 'big.jsonl', '-o', 'out.jsonl'], {}, ['--require', 'x.cjs']),
    ).toEqual(flag);
    expect(heapFlags(['--no-color', 'recommend'], { NODE_OPTIONS: '  ' }, [])).toEqual(flag);
  });

  it('is left alone for the other commands, which hold more', () => {
    for (const command of ['outcomes', 'validate', 'explain', 'incidents', 'schema']) {
      expect(heapFlags([command, 'recommend'], {}, [])).toEqual([]);
    }
    expect(heapFlags([], {}, [])).toEqual([]);
  });

  it('is left to the user who chose: NODE_OPTIONS, or a heap option given to node', () => {
    expect(heapFlags(['recommend'], { NODE_OPTIONS: '--max-old-space-size=4096' }, [])).toEqual([]);
    expect(heapFlags(['simulate'], { NODE_OPTIONS: '--max-semi-space-size=16' }, [])).toEqual([]);
    expect(heapFlags(['simulate'], {}, ['--max-semi-space-size=16'])).toEqual([]);
    expect(heapFlags(['recommend'], { NODE_OPTIONS: '--enable-source-maps' }, [])).toEqual([]);
    for (const option of [
      '--max-old-space-size=128',
      '--max-semi-space-size=2',
      '--heap-growing-percent=50',
      '--semi-space-growth-factor=2',
      '--min-semi-space-size=1',
      '--max-heap-size=300',
    ]) {
      expect(heapFlags(['recommend'], {}, [option])).toEqual([]);
    }
  });
});

describe('the heap flags held while worker threads start', () => {
  /** A process that starts worker threads on demand, and the flags set, in order. */
  const fakeProcess = () => {
    const set: string[] = [];
    const listeners: ((worker: { once(event: 'online', listener: () => void): unknown }) => void)[] = [];
    const threads = {
      on: (_event: 'worker', listener: (typeof listeners)[number]) => listeners.push(listener),
    };
    const startWorker = (): (() => void) => {
      let online = (): void => {};
      for (const listener of listeners)
        listener({
          once: (_event, l) => {
            online = l;
          },
        });
      return online;
    };
    return { set, threads, startWorker };
  };

  it('are set at once, and again as each worker comes online (V8 resets the growth factor then)', () => {
    const { set, threads, startWorker } = fakeProcess();
    holdHeapFlags(['--a=1', '--b=2'], (flag) => set.push(flag), threads);
    expect(set).toEqual(['--a=1', '--b=2']);
    const online = startWorker();
    expect(set).toHaveLength(2); // not before the worker's heap is made
    online();
    expect(set).toEqual(['--a=1', '--b=2', '--a=1', '--b=2']);
    startWorker()();
    expect(set).toHaveLength(6);
  });

  it('set nothing and listen for nothing when the user chose the heap options', () => {
    const { set, threads, startWorker } = fakeProcess();
    holdHeapFlags([], (flag) => set.push(flag), threads);
    startWorker()();
    expect(set).toEqual([]);
  });
});
