import type { Complaint, Preference } from '../complaint/schema';
import { fromMinor } from '../money';
import type { Candidate, Capped, PricedSlot } from '../policy/caps';
import type { Policy } from '../policy/schema';
import type { PreferenceOutcome } from '../rationale/choices';
import { materialise, type Remedy, type RemedyType } from '../remedies/catalogue';
import type { RemedyContext } from '../remedies/context';
import type { SeverityBand, ValueTier } from '../scoring/score';
import { type CapMoney, type CapStage, capSet, type Limited, stageOf } from './cap';
import { once } from './once';
import { candidateOf } from './price';
import { CHOICES, substituteSpec } from './substitute';
import { toRemedy } from './to-remedy';

/**
 * Another acceptable remedy set for the complaint: the first choice with some remedies given another
 * way (a refund instead of a resend, store credit instead of a coupon), priced and capped exactly as
 * the first choice is — restitution whole, goodwill within the same limits.
 */
export interface Alternative {
  /** What the customer would choose: the remedy this set gives instead. */
  readonly choice: RemedyType;
  /** The remedies of the first choice it gives `choice` instead of. */
  readonly replaces: readonly RemedyType[];
  readonly remedies: readonly Remedy[];
  /** Its costs, in the complaint's currency, as the recommendation's own. */
  readonly totalCost: number;
  readonly restitutionCost: number;
  readonly goodwillCost: number;
  /** The set in one line, for the agent, in the recommendation's locale. */
  readonly summary: string;
}

/** Everything capping needs besides the remedies: the same for every set of one complaint. */
export interface Capping {
  readonly complaint: Complaint;
  readonly ctx: RemedyContext;
  readonly policy: Policy;
  readonly scores: { readonly band: SeverityBand; readonly tier: ValueTier };
  readonly money: CapMoney;
  /** `money` for the alternatives, whose goodwill is printed already: made once per complaint. */
  readonly printed: CapMoney;
  /** The complaint's goodwill limits, as the first choice was capped with (the same for every set). */
  readonly limited: Limited;
}

/** An acceptable set before it is written out: what it offers, and its remedies after the caps. */
export interface Option {
  readonly choice: RemedyType;
  readonly replaces: readonly RemedyType[];
  readonly capped: Capped;
  /**
   * The set's whole cap stage (its `cap` record and what the caps left out), made only for the set that
   * becomes the first choice: an alternative shows only what it keeps.
   */
  readonly stage: () => CapStage;
}

/** `kept` with every remedy that `choice` can stand in for given as `choice`; undefined when none can. */
function optionFor(choice: Preference, kept: readonly Candidate[], capping: Capping): Option | undefined {
  const { ctx } = capping;
  // Most choices have no stand-in for any remedy of the set (3.6 of 4.6 a complaint in the bench's
  // workload): found before any slot is built for them. The remedies before the first stand-in have none.
  let first = 0;
  while (first < kept.length && substituteSpec(choice, kept[first] as Candidate, ctx) === undefined) first++;
  if (first === kept.length) return undefined;
  const slots: PricedSlot[] = [];
  const replaces: RemedyType[] = [];
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i] as Candidate;
    const spec = i < first ? undefined : substituteSpec(choice, c, ctx);
    const made = spec && materialise(spec, ctx);
    // One remedy of a type, as in every recommendation: the first stand-in takes the choice's place.
    const taken = made && !('notApplicable' in made) && slots.some((s) => s.type === made.type);
    if (!spec || !made || 'notApplicable' in made || taken) {
      slots.push({ type: c.type, candidates: [c] });
      continue;
    }
    if (!replaces.includes(c.type)) replaces.push(c.type);
    const origin = c.incident
      ? { rule: c.rule, priority: c.priority, spec, incident: c.incident }
      : { rule: c.rule, priority: c.priority, spec };
    slots.push({ type: made.type, candidates: [candidateOf(made, origin)] });
  }
  if (replaces.length === 0) return undefined;
  const priced = { slots, chosen: [], notApplicable: [] };
  const set = capSet(
    priced,
    capping.complaint,
    ctx,
    capping.policy,
    capping.scores,
    capping.printed,
    capping.limited,
  );
  const { capped } = set;
  // A gesture the caps leave out offers nothing: the set is the first choice less that gesture.
  if (!gives(capped.kept, choice)) return undefined;
  return { choice, replaces, capped, stage: () => stageOf(priced, ctx, set) };
}

/** The acceptable sets other than `kept` itself, one per choice it does not give already. */
function optionsFor(kept: readonly Candidate[], capping: Capping, except: readonly string[]): Option[] {
  const options: Option[] = [];
  for (const choice of CHOICES) {
    if (except.includes(choice) || gives(kept, choice)) continue;
    const option = optionFor(choice, kept, capping);
    if (option) options.push(option);
  }
  return options;
}

/** Whether the set gives a remedy of type `type` (a loop: no closure made for every choice tried). */
function gives(kept: readonly Candidate[], type: string): boolean {
  for (const k of kept) if (k.type === type) return true;
  return false;
}

/** The preferred set's stage as the first choice: what the rules' set dropped stays in its trace. */
function withDropped(stage: CapStage, rules: CapStage): CapStage {
  return { ...stage, dropped: once(() => [...rules.dropped(), ...stage.dropped()]) };
}

/** The first choice after the customer's preference, the other acceptable sets, and what became of it. */
export interface Chosen {
  readonly first: CapStage;
  readonly alternatives: readonly Option[];
  readonly preference: PreferenceOutcome;
}

/**
 * Stage "choose": the other acceptable remedy sets of the rules' first choice and, when the customer
 * stated a preference that one of them gives, that set as the first choice, with the rules' own set
 * among the alternatives (the customer may still take it). `alternatives: false` (a replay's, which
 * reads neither the other sets nor their words) gives the same first choice and preference outcome,
 * making only the preferred set.
 */
export function choose(first: CapStage, capping: Capping, alternatives = true): Chosen {
  const preference = capping.complaint.preference;
  const kept = first.capped.kept;
  const options = alternatives ? optionsFor(kept, capping, []) : [];
  if (preference === undefined) return { first, alternatives: options, preference: { status: 'none' } };
  if (gives(kept, preference))
    return { first, alternatives: options, preference: { status: 'given', preference } };
  const preferred = alternatives
    ? options.find((o) => o.choice === preference)
    : optionFor(preference, kept, capping);
  if (!preferred) return { first, alternatives: options, preference: { status: 'unavailable', preference } };
  const chosen = { status: 'chosen', preference, replaces: preferred.replaces } as const;
  // What the rules' set dropped stays in the trace: the preferred set was made from it.
  const stage = withDropped(preferred.stage(), first);
  if (!alternatives) return { first: stage, alternatives: [], preference: chosen };
  const rules: Option = {
    choice: preferred.replaces[0] as RemedyType,
    replaces: [preference],
    capped: first.capped,
    stage: () => first,
  };
  const others = optionsFor(preferred.capped.kept, capping, [preference, rules.choice]);
  return { first: stage, alternatives: [rules, ...others], preference: chosen };
}

/** An option as the recommendation shows it, with its one line in `line`'s words. */
export function toAlternative(
  option: Option,
  currency: string,
  line: (option: Option, total: number) => string,
): Alternative {
  const { capped } = option;
  const total = fromMinor(capped.restitutionMinor + capped.goodwillMinor, currency);
  return {
    choice: option.choice,
    replaces: option.replaces,
    remedies: capped.kept.map((c) => toRemedy(c, currency)),
    totalCost: total,
    restitutionCost: fromMinor(capped.restitutionMinor, currency),
    goodwillCost: fromMinor(capped.goodwillMinor, currency),
    summary: line(option, total),
  };
}
