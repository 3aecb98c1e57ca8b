import type { Complaint } from '../complaint/schema';
import { Memo } from '../i18n/memo';
import { toMinor } from '../money';
import type { CaseLink, OpenedCase } from '../recommend/link';
import type { DecidedRun } from '../recommend/pipeline';
import type { Decided } from '../recommend/recommendation';
import type { OpenCaseRecord } from './open-case-record';

/**
 * The restitution lists cases hold, one frozen list per combination: a case book holds up to 100,000
 * cases, and a `Set` per case took some 150 bytes of its 410, where the few combinations of restitution
 * types cases give are shared. Types come from the rule sets and from the helpdesk's open cases: the
 * memo's bound holds whatever they are.
 */
const shared = new Memo<readonly string[], string>();
const NONE: readonly string[] = Object.freeze([]);

/** `types` as a frozen list shared with every case that gave the same, in the same order. */
function sharedList(types: readonly string[]): readonly string[] {
  if (types.length === 0) return NONE;
  return shared.get(JSON.stringify(types), () => Object.freeze([...types]));
}

/** What the pipeline needs of a batch's open case to link a complaint to it. */
export function linkOf(open: OpenCaseRecord): CaseLink {
  return {
    caseId: open.id,
    owner: open.owner,
    restitutionGiven: [...open.restitution],
    goodwillGivenMinor: open.goodwillMinor,
  };
}

/** Adds what a recommendation gives to its case. */
export function record(open: OpenCaseRecord, rec: Decided): void {
  for (const remedy of rec.remedies) {
    if (remedy.kind === 'restitution' && !open.restitution.includes(remedy.type))
      open.restitution = sharedList([...open.restitution, remedy.type]);
    if (remedy.kind === 'goodwill') open.goodwillMinor += toMinor(remedy.estimatedCost, rec.currency);
  }
}

/**
 * The case a complaint opens: its own, or the one the helpdesk passed that it was linked to (with
 * what that case gave, converted into the complaint's currency by the pipeline).
 */
export function opened(
  c: Complaint,
  at: number,
  run: DecidedRun,
  from: CaseLink | undefined,
): OpenCaseRecord {
  const open: OpenCaseRecord = {
    id: from?.caseId ?? c.id,
    openedAt: at,
    owner: run.recommendation.handling.owner,
    restitution: sharedList([...new Set(from?.restitutionGiven ?? [])]),
    goodwillMinor: run.caseGoodwillGivenMinor ?? 0,
  };
  record(open, run.recommendation);
  return open;
}

/** An open case as plain data, to cross from a worker thread (field by field: a book's view has getters). */
export function toOpened(open: OpenCaseRecord): OpenedCase {
  const { id, openedAt, owner, goodwillMinor } = open;
  return { id, openedAt, owner, restitution: [...open.restitution], goodwillMinor };
}

/**
 * An open case that crossed from a worker thread, ready to take the later complaints of its case;
 * `owner` in place of its own (a replay keeps one string per owner). Field by field: a spread of the
 * crossed object, twice a complaint in a replay, takes V8's slow path.
 */
export function fromOpened(open: OpenedCase, owner: string = open.owner): OpenCaseRecord {
  return {
    id: open.id,
    openedAt: open.openedAt,
    owner,
    restitution: sharedList(open.restitution),
    goodwillMinor: open.goodwillMinor,
  };
}
