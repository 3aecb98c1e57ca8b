import { describe, expect, it } from 'vitest';
import { parseComplaint } from '../../src/complaint/parse';
import { resolveLimits } from '../../src/input/limits';
import { createPipeline, type DecidedRun } from '../../src/recommend/pipeline';
import type { Recommendation } from '../../src/recommend/recommendation';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { loadRuleSet } from '../../src/rules/ruleset';
import { complaint } from '../complaint-builder';
import { scenarios } from '../helpers';

const pipeline = createPipeline({
  ruleSet: loadRuleSet(defaultRuleSet),
  limits: resolveLimits(),
  locale: 'en',
  fallbackLocale: 'en',
  engine: 'compiled',
  trace: 'fired',
});

/**
 * Each scenario's whole recommendation and its replay's decision (judged without words, decided
 * without the text); a scenario with no recommendation (rates it lacks) has no decision either.
 */
async function decisions(): Promise<{ whole: Recommendation; quiet: DecidedRun['recommendation'] }[]> {
  const out: { whole: Recommendation; quiet: DecidedRun['recommendation'] }[] = [];
  for (const input of [...scenarios().values()]) {
    const c = parseComplaint(input);
    const callOf = pipeline.callFor(c);
    let whole: Recommendation;
    try {
      whole = (await pipeline.run(c, callOf)).recommendation;
    } catch {
      continue;
    }
    const judged = pipeline.judge(c, callOf, undefined, false);
    out.push({
      whole,
      quiet: (pipeline.decideOnly(c, callOf, undefined, judged) as DecidedRun).recommendation,
    });
  }
  // Most scenarios are recommended: a loop over none would assert nothing.
  expect(out.length).toBeGreaterThan(10);
  return out;
}

/** A damaged order of 100 EUR: its remedies and caps read the complaint's money. */
const damaged = parseComplaint(complaint({ category: 'damaged_item', tone: 'angry' }));
const call = pipeline.callFor(damaged);

describe("decideOnly: a replay's decision with a judgement shared between rule sets", () => {
  it('judges the complaint money once: its clock and its amounts in minor units', () => {
    const { money } = pipeline.judge(damaged, call, undefined, false);
    expect(money.now.toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(money.affectedValueMinor).toBe(10_000);
    expect(money.orderLines).toEqual([{ sku: 'SKU-1', quantity: 2, unitPriceMinor: 5_000 }]);
  });

  it("prices and caps with the judgement's money, not a copy worked out again per rule set", () => {
    const judged = pipeline.judge(damaged, call, undefined, false);
    const as = (affectedValueMinor: number) =>
      (
        pipeline.decideOnly(damaged, call, undefined, {
          ...judged,
          money: { ...judged.money, affectedValueMinor },
        }) as DecidedRun
      ).recommendation.cap.affectedValue;
    expect(as(judged.money.affectedValueMinor)).toBe(100);
    expect(as(4_000)).toBe(40);
  });

  it('decides what a whole recommendation says, its fired rules without the conditions nobody in a replay reads', async () => {
    for (const { whole, quiet } of await decisions()) {
      const { rationale: _r, message: _m, alternatives: _a, followUp: _f, trace, ...rest } = whole;
      expect(quiet.trace.fired).toEqual(trace.fired.map(({ name, priority }) => ({ name, priority })));
      expect(quiet.trace.fired.every((f) => !('conditions' in f))).toBe(true);
      const { severity, value, ...decidedRest } = quiet;
      const {
        severity: wholeSeverity,
        value: wholeValue,
        ...wholeRest
      } = { ...rest, trace: { hit: trace.hit, facts: trace.facts, fired: quiet.trace.fired } };
      expect(decidedRest).toEqual(wholeRest);
      // Judged without words: the same scores, their factors without reasons.
      expect([severity.score, value.score]).toEqual([wholeSeverity.score, wholeValue.score]);
    }
  });

  it('writes out no remedy the caps dropped, which no replay reads, and decides as if it had', async () => {
    let dropping = 0;
    for (const { whole, quiet } of await decisions()) {
      expect('dropped' in quiet.trace).toBe(false);
      expect([quiet.cap, quiet.totalCost, quiet.remedies]).toEqual([
        whole.cap,
        whole.totalCost,
        whole.remedies,
      ]);
      if (whole.trace.dropped.length > 0) dropping++;
    }
    // Among them, complaints whose caps or rules did drop remedies (reduced, superseded, not applicable).
    expect(dropping).toBeGreaterThan(0);
  });
});
