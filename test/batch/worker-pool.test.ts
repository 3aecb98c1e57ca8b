import { describe, expect, it } from 'vitest';
import { heapLimits, oversized, type WorkerSetup } from '../../src/batch/worker-pool';
import { defaultLimits, defaultRuleSet } from '../../src/index';

// A worker's heap is sized from its rule set and from the largest complaint the limits let in; a
// complaint text over the limit never goes to a worker (it is refused without being parsed).

const setup = (maxComplaintBytes: number): WorkerSetup => ({
  ruleSet: defaultRuleSet,
  locale: 'en',
  fallbackLocale: 'en',
  engine: 'compiled',
  trace: 'fired',
  limits: { ...defaultLimits, maxComplaintBytes },
});

describe('heapLimits', () => {
  it('keeps the measured heap for the default limits, and adds 2 MB per MiB a raised limit allows', () => {
    const base = heapLimits(setup(defaultLimits.maxComplaintBytes));
    const ruleSetMb = JSON.stringify(defaultRuleSet).length / 2 ** 20;
    expect(base).toEqual({
      maxOldGenerationSizeMb: Math.ceil(64 + 32 * ruleSetMb),
      maxYoungGenerationSizeMb: 16,
    });
    const raised = heapLimits(setup(32 * 2 ** 20));
    expect(raised.maxOldGenerationSizeMb).toBe(Math.ceil(64 + 32 * ruleSetMb + 62));
    expect(heapLimits(setup(1024))).toEqual(base); // a lowered limit never shrinks it
  });
});

describe('oversized', () => {
  it('is true for a chunk with a text longer than the limit, false for objects and texts within it', () => {
    expect(oversized(['{}', 'x'.repeat(101)], 100)).toBe(true);
    expect(oversized(['x'.repeat(100), { id: 'x'.repeat(1000) }], 100)).toBe(false);
  });
});
