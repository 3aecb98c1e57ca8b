import { fromMinor } from '../money';
import type { Candidate, Reducer } from '../policy/caps';
import type { DroppedRemedy } from '../policy/dropped';
import type { CapStage } from './cap';
import { once } from './once';

/**
 * The open case a complaint is linked to, as the pipeline needs it: who owns it and what it gave
 * already. Made by `cases/` (from `customer.openCases`, or from the earlier complaints of a batch).
 */
export interface CaseLink {
  /** The id of the case's first complaint. */
  readonly caseId: string;
  /** The case's one owner. */
  readonly owner: string;
  /** Restitution types the case already gave: none of them is given again. */
  readonly restitutionGiven: readonly string[];
  /** Goodwill the case already gave, in minor units of the complaint's currency (a batch's own case). */
  readonly goodwillGivenMinor: number;
  /**
   * Goodwill the helpdesk says the case gave (`customer.openCases[].remedies`), each amount in its own
   * currency; the pipeline converts it into the complaint's with the call's exchange rates.
   */
  readonly goodwillGivenElsewhere?: readonly GivenMoney[];
}

/** An amount a case gave, in the currency it was given in. */
export interface GivenMoney {
  readonly amount: number;
  readonly currency: string;
  /** The path of its currency field in the complaint, for an error. */
  readonly path: readonly (string | number)[];
}

/** The case a complaint opens, as plain data (what a worker thread sends back). @internal */
export interface OpenedCase {
  /** The case's id: the complaint's own, or the helpdesk's open case it was linked to. */
  readonly id: string;
  /** `receivedAt` of the complaint, epoch ms. */
  readonly openedAt: number;
  readonly owner: string;
  /** Restitution types the case gave. */
  readonly restitution: readonly string[];
  /** Goodwill the case gave, in minor units of its currency. */
  readonly goodwillMinor: number;
}

/**
 * What a complaint recommended ahead of its turn (on a worker thread, as if no earlier complaint of
 * its batch had opened its case) tells the batch: its case key and time, and the case it opens when
 * it got a recommendation. The batch checks, in input order, that no earlier complaint did open the
 * case; if one did, it recommends the complaint again, linked. @internal
 */
export interface CaseNote {
  readonly key: string;
  /** `receivedAt`, epoch ms. */
  readonly at: number;
  /** Absent when the complaint was valid but got no recommendation (its error record says why). */
  readonly opens?: OpenedCase;
}

/** What a linked recommendation says about its case (`Recommendation.case`). */
export interface CaseMark {
  /** The id of the case's first complaint (the same as `handling.linkedTo`). */
  readonly id: string;
  /** What this complaint alone would have got (restitution + goodwill), in the complaint's currency. */
  readonly warranted: number;
  /** What linking kept from being paid twice: `warranted` minus what it gets. */
  readonly saved: number;
}

/**
 * Stage "link": a complaint linked to an open case gets only what the case has not given yet. A
 * restitution type the case already gave is left out; goodwill tops the case up to what this
 * complaint warrants within its own caps (reduced, or left out, when the case already gave that much).
 * Care (apology, escalation) stays. Returns the cap stage with the remedies kept and the totals they
 * make, and the case mark.
 */
export function link(
  stage: CapStage,
  caseLink: CaseLink,
  reduce: Reducer,
  currency: string,
): { stage: CapStage; mark: CaseMark } {
  const { capped } = stage;
  const givenMinor = caseLink.goodwillGivenMinor;
  const given = new Set(caseLink.restitutionGiven);
  const kept: Candidate[] = [];
  // What linking left out, written out here; what the caps left out comes before it, and only that is
  // written out when first asked for (`CapStage.dropped`).
  const dropped: DroppedRemedy[] = [];
  const money = (minor: number) => fromMinor(minor, currency);
  const drop = (c: Candidate, detail: string, keptMinor?: number) =>
    dropped.push({
      type: c.type,
      rule: c.rule,
      reason: 'linked',
      linkedTo: caseLink.caseId,
      kind: c.kind === 'restitution' ? 'restitution' : 'goodwill',
      estimatedCost: money(c.costMinor),
      ...(keptMinor === undefined ? {} : { keptCost: money(keptMinor) }),
      detail,
    });
  let restitution = 0;
  let goodwill = 0;
  let left = Math.max(0, capped.goodwillMinor - givenMinor);
  for (const c of capped.kept) {
    if (c.kind === 'restitution' && given.has(c.type)) {
      drop(c, `case ${caseLink.caseId} already gave the ${c.type}`);
    } else if (c.kind === 'restitution') {
      kept.push(c);
      restitution += c.costMinor;
    } else if (c.kind === 'goodwill' && c.costMinor > left) {
      const reduced = left > 0 ? reduce(c, left) : undefined;
      const fits = reduced !== undefined && reduced.costMinor > 0 && reduced.costMinor <= left;
      const already = `case ${caseLink.caseId} already gave ${money(givenMinor)} ${currency} of goodwill`;
      if (fits) {
        kept.push(reduced);
        left -= reduced.costMinor;
        goodwill += reduced.costMinor;
        drop(c, `reduced to ${money(reduced.costMinor)} ${currency}: ${already}`, reduced.costMinor);
      } else {
        drop(c, `left out: ${already}`);
      }
    } else {
      kept.push(c);
      if (c.kind === 'goodwill') {
        left -= c.costMinor;
        goodwill += c.costMinor;
      }
    }
  }
  const warrantedMinor = capped.restitutionMinor + capped.goodwillMinor;
  return {
    stage: {
      ...stage,
      capped: { ...capped, kept, restitutionMinor: restitution, goodwillMinor: goodwill },
      dropped: once(() => [...stage.dropped(), ...dropped]),
    },
    mark: {
      id: caseLink.caseId,
      warranted: money(warrantedMinor),
      saved: money(warrantedMinor - restitution - goodwill),
    },
  };
}
