import type { Complaint } from '../complaint/schema';
import type { Conversion } from '../exchange/conversion';
import type { ScoredFacts } from '../facts/to-facts';
import type { Capped } from '../policy/caps';
import type { Remedy } from '../remedies/catalogue';
import type { RemedyContext } from '../remedies/context';
import type { RuleHit } from '../rules/engine/evaluator';
import type { Rule, RuleSet } from '../rules/ruleset';
import type { CapStage } from './cap';
import type { ComplaintMoney } from './complaint-money';
import type { Priced } from './price';
import { toRemedy } from './to-remedy';

/**
 * Everything pricing and the caps read of a rule set besides its rules, as text: the hit policy, the
 * currency, the policy's shipping and return costs, first-answer time, goodwill multipliers and goodwill
 * limits, and, for a complaint in another currency (`converted`), the auto-approval limit its printed
 * goodwill stays on the same side of. Two rule sets with the same key price and cap a complaint alike
 * when the same rules fire (`ruleKey`), in the same order.
 */
export function pricingKey(ruleSet: RuleSet, converted: boolean): string {
  const policy = ruleSet.policy;
  return JSON.stringify([
    policy.hit,
    ruleSet.currency ?? null,
    policy.shippingCost,
    policy.returnCost,
    policy.respondWithinHours,
    policy.goodwillMultiplierByTier ?? null,
    policy.maxGoodwillShareBySeverity,
    policy.maxGoodwillByTier,
    policy.maxTotalShareOfValue,
    policy.perCustomer ?? null,
    converted ? policy.autoApproveMaxCost : null,
  ]);
}

/** A rule as pricing reads it (its proposals: its name, priority and remedies), as text. */
export function ruleKey(rule: Rule): string {
  return JSON.stringify([rule.name, rule.priority, rule.remedies]);
}

/** What the stages "select", "price" and "cap" made of a complaint under one rule set. */
export interface PricedStage {
  readonly ctx: RemedyContext;
  readonly priced: Priced;
  /** The caps' stage, before any case link or customer preference. */
  readonly alone: CapStage;
  /**
   * The remedies `alone` keeps, as a recommendation shows them, once a rule set has shown them: every
   * rule set that shares the stage and keeps its set shows the very same list (`shownRemedies`).
   */
  shown: readonly Remedy[] | undefined;
}

/**
 * The remedies of `capped` as a recommendation shows them: those of the stage's own caps written once
 * for every rule set that shares the stage, any other set (linked, or the customer's preference) anew.
 */
export function shownRemedies(stage: PricedStage, capped: Capped): readonly Remedy[] {
  const currency = stage.ctx.currency;
  if (capped !== stage.alone.capped) return capped.kept.map((c) => toRemedy(c, currency));
  stage.shown ??= capped.kept.map((c) => toRemedy(c, currency));
  return stage.shown;
}

/**
 * The judgement a stage was made from (the pipeline's `Judged` is one): its very objects are compared,
 * so that a changed copy is never taken for it.
 */
interface JudgedBy {
  readonly conversion: Conversion;
  readonly scored: ScoredFacts;
  readonly money: ComplaintMoney;
}

/** One rule set's stage, with the complaint and the judgement it was made from. */
interface Kept extends JudgedBy {
  readonly complaint: Complaint;
  readonly key: string;
  readonly fired: readonly RuleHit[];
  readonly ruleKeys: readonly string[];
  readonly stage: PricedStage;
}

/**
 * Where the rule sets of a replay that judge a complaint alike leave their priced and capped remedies
 * for one another (about 70% of generated complaints fire the same rules under the example rule sets):
 * a rule set finds the last one kept when its pricing key and its fired rules, in order, are the same,
 * for the same judgement of the same complaint. One per judgement (`Judged.shared`). @internal
 */
export class SharedPricing {
  private kept: Kept | undefined;

  /**
   * The stage kept for `key`, these fired rules (`ruleKeys` by index), this complaint and this
   * judgement, if there is one.
   */
  find(
    key: string,
    fired: readonly RuleHit[],
    ruleKeys: readonly string[],
    complaint: Complaint,
    judged: JudgedBy,
  ): PricedStage | undefined {
    const kept = this.kept;
    if (kept === undefined || kept.key !== key || kept.complaint !== complaint) return undefined;
    if (!sameJudgement(kept, judged)) return undefined;
    if (kept.fired.length !== fired.length) return undefined;
    for (let i = 0; i < fired.length; i++) {
      const a = kept.ruleKeys[(kept.fired[i] as RuleHit).index];
      if (a === undefined || a !== ruleKeys[(fired[i] as RuleHit).index]) return undefined;
    }
    return kept.stage;
  }

  /** Keeps a rule set's stage for the rule sets after it. */
  keep(
    key: string,
    fired: readonly RuleHit[],
    ruleKeys: readonly string[],
    complaint: Complaint,
    judged: JudgedBy,
    stage: PricedStage,
  ): void {
    const { conversion, scored, money } = judged;
    this.kept = { key, fired, ruleKeys, complaint, conversion, scored, money, stage };
  }
}

function sameJudgement(a: JudgedBy, b: JudgedBy): boolean {
  return a.conversion === b.conversion && a.scored === b.scored && a.money === b.money;
}
