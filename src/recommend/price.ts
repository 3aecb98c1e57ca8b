import type { Complaint } from '../complaint/schema';
import type { Conversion } from '../exchange/conversion';
import type { Facts } from '../facts/catalogue';
import type { Candidate, PricedSlot } from '../policy/caps';
import type { DroppedRemedy } from '../policy/dropped';
import type { Policy } from '../policy/schema';
import type { Proposal, Slot } from '../policy/selection';
import { materialise, type RemedySpec, scaleSpec, withMoney } from '../remedies/catalogue';
import type { RemedyContext, RemedyOrigin } from '../remedies/context';
import { type ComplaintMoney, complaintMoney } from './complaint-money';
import { fallbackSpec } from './substitute';

/**
 * Everything a remedy needs to become concrete: the complaint's clock and money in minor units
 * (`money`, worked out once per complaint when the caller has it already), and the policy's shipping
 * costs converted into the complaint's currency.
 */
export function remedyContext(
  complaint: Complaint,
  facts: Facts,
  policy: Policy,
  conversion: Conversion,
  money: ComplaintMoney = complaintMoney(complaint, conversion.currency),
): RemedyContext {
  // Written out, not spread: a spread in a literal is a slow copy on V8, and this is made per rule set.
  return {
    complaint,
    facts,
    currency: conversion.currency,
    now: money.now,
    affectedValueMinor: money.affectedValueMinor,
    orderLines: money.orderLines,
    affectedUnits: money.affectedUnits,
    shippingCostMinor: {
      standard: conversion.toComplaintMinor(policy.shippingCost.standard),
      express: conversion.toComplaintMinor(policy.shippingCost.express),
    },
    returnCostMinor: {
      pickup: conversion.toComplaintMinor(policy.returnCost.pickup),
      label: conversion.toComplaintMinor(policy.returnCost.label),
    },
    respondWithinHours: policy.respondWithinHours,
  };
}

/** What pricing gives: every slot's applicable candidates, and the proposals that cannot apply. */
export interface Priced {
  readonly slots: readonly PricedSlot[];
  /** Per priced slot, the proposal of its first candidate: what this complaint was given before caps. */
  readonly chosen: readonly Proposal[];
  readonly notApplicable: readonly DroppedRemedy[];
  /**
   * The tier's goodwill multiplier in hundredths (150), when it raised at least one goodwill remedy;
   * undefined when it raised none (a multiplier of 1, no goodwill, or whole months that stay whole).
   */
  readonly raisedBy?: number;
}

/**
 * A rule's remedy with its amounts (the rule set's money) in the complaint's currency, converted
 * exactly; the rule's own spec when the complaint is in the rule set's currency.
 */
export function inComplaintCurrency(spec: RemedySpec, conversion: Conversion): RemedySpec {
  return conversion.converted ? withMoney(spec, (amount) => conversion.toComplaint(amount)) : spec;
}

/**
 * Stage "price": makes every proposal concrete (items, dates, amounts in minor units), its amounts
 * converted into the complaint's currency first, and each goodwill remedy scaled by the customer's
 * tier multiplier (`hundredths`, from `policy.goodwillMultiplierByTier`; restitution never). A
 * proposal that cannot apply to the complaint (a free month without a subscription) is reported, and
 * the slot falls back to its next candidate. In an incident the more generous of the shared policy and
 * the complaint's own proposal comes first. The caps run after, on the scaled amounts.
 */
export function price(
  slots: readonly Slot[],
  ctx: RemedyContext,
  inIncident: boolean,
  conversion: Conversion,
  hundredths = 100,
): Priced {
  const priced: PricedSlot[] = [];
  const chosen: Proposal[] = [];
  const notApplicable: DroppedRemedy[] = [];
  let raised = false;
  for (const slot of slots) {
    const candidates: Candidate[] = [];
    // Each candidate's proposal, kept only where an incident may reorder the candidates; otherwise the
    // first candidate's is the first applicable proposal.
    const proposals = inIncident ? new Map<Candidate, Proposal>() : undefined;
    let firstProposal: Proposal | undefined;
    for (const proposal of slot.candidates) {
      const plain = materialiseOrFallBack(inComplaintCurrency(proposal.spec, conversion), ctx);
      const raise = scaled(plain, hundredths, ctx);
      // `scaled` hands back what it was given unless the multiplier raised a goodwill remedy's cost.
      if (raise !== plain) raised = true;
      const { spec, made } = raise;
      if ('notApplicable' in made) {
        notApplicable.push({
          type: slot.type,
          rule: proposal.rule,
          reason: 'not_applicable',
          code: made.notApplicable,
          detail: made.notApplicable.replaceAll('_', ' '),
        });
        continue;
      }
      const candidate = candidateOf(made, spec === proposal.spec ? proposal : withSpec(proposal, spec));
      candidates.push(candidate);
      firstProposal ??= proposal;
      proposals?.set(candidate, proposal);
    }
    // In an incident, the shared policy and the complaint's own proposals compete: the more generous
    // for this customer comes first (the policy on a tie), so that no remedy type is offered less
    // generously than the complaint's own rules would offer it; the caps then apply as always.
    if (inIncident && candidates.some((c) => c.incident !== undefined)) candidates.sort(moreGenerous);
    const first = candidates[0];
    if (first) {
      priced.push({ type: slot.type, candidates });
      chosen.push((proposals ? proposals.get(first) : firstProposal) as Proposal);
    }
  }
  return raised
    ? { slots: priced, chosen, notApplicable, raisedBy: hundredths }
    : { slots: priced, chosen, notApplicable };
}

type Made = ReturnType<typeof materialiseOrFallBack>;

/**
 * A goodwill remedy made `hundredths`/100 times as generous (`scaleSpec`: amounts rounded down to the
 * minor unit, whole months and percents down), when that raises its cost; otherwise `plain` itself.
 */
function scaled(plain: Made, hundredths: number, ctx: RemedyContext): Made {
  if (hundredths === 100 || 'notApplicable' in plain.made || plain.made.kind !== 'goodwill') return plain;
  const spec = scaleSpec(plain.spec, hundredths, ctx);
  if (spec === plain.spec) return plain;
  const made = materialise(spec, ctx);
  return !('notApplicable' in made) && made.costMinor > plain.made.costMinor ? { spec, made } : plain;
}

/**
 * A proposal made concrete; when it cannot apply as written but its loss is still owed (a lost parcel
 * with no items to send again), the remedy that makes it good instead (the full refund).
 */
function materialiseOrFallBack(spec: RemedySpec, ctx: RemedyContext) {
  const made = materialise(spec, ctx);
  if (!('notApplicable' in made)) return { spec, made };
  const instead = fallbackSpec(spec, ctx);
  const other = instead && materialise(instead, ctx);
  return other && !('notApplicable' in other) ? { spec: instead, made: other } : { spec, made };
}

/**
 * Orders candidates of one remedy type most generous first: by cost, then by care (a personal apology
 * before a standard one: both cost nothing, and a legal threat's personal apology must not become a
 * template because the incident's most severe complaint had one). Sorting is stable, so equals keep
 * their order.
 */
export function moreGenerous(a: Candidate, b: Candidate): number {
  return b.costMinor - a.costMinor || care(b) - care(a);
}

function care(c: Candidate): number {
  return c.type === 'apology' && c.form === 'personal' ? 1 : 0;
}

/**
 * The origin of `from` (a proposal, or a candidate made from one) with another spec: what `candidateOf`
 * reads of a proposal. Written out, not spread: a candidate has its remedy's fields too, and a spread of
 * objects of many shapes is a slow copy on V8.
 */
export function withSpec(from: RemedyOrigin, spec: RemedySpec): Proposal {
  return from.incident === undefined
    ? { rule: from.rule, priority: from.priority, spec }
    : { rule: from.rule, priority: from.priority, spec, incident: from.incident };
}

/**
 * A concrete remedy with the proposal it came from: the proposal's origin and spec are added to `made`
 * itself, after its own fields, and `made` is handed back as the candidate. `made` must be what
 * `materialise` has just made, held by nobody else (every caller's is): copying it field by field, as
 * this once did, was a third copy of every remedy (materialise makes one, `toRemedy` the last), about
 * 3% of a replay's deciding. Spreading it in is slower still: remedies of many shapes send V8's spread
 * down a slow path (about 3.5 µs a candidate against 0.15 µs, measured).
 */
export function candidateOf(
  made: Omit<Candidate, 'rule' | 'priority' | 'spec' | 'incident'>,
  proposal: Proposal,
): Candidate {
  const candidate = made as unknown as Record<string, unknown>;
  candidate.rule = proposal.rule;
  candidate.priority = proposal.priority;
  candidate.spec = proposal.spec;
  if (proposal.incident !== undefined) candidate.incident = proposal.incident;
  return candidate as unknown as Candidate;
}
