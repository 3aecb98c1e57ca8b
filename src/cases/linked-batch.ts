import { errorRecord, threadsFor } from '../batch/many';
import type { BatchResult } from '../batch/worker-pool';
import { parseComplaint } from '../complaint/parse';
import type { Complaint } from '../complaint/schema';
import { invalidOption } from '../errors';
import type { Limits } from '../input/limits';
import { toMinor } from '../money';
import type { CaseLink } from '../recommend/link';
import type { Run } from '../recommend/pipeline';
import type { Recommendation } from '../recommend/recommendation';
import { timestampMs } from '../time/timestamp';
import { CaseBook, type OpenCaseRecord } from './case-book';
import { caseKey, windowMs } from './case-key';
import { openCaseLink } from './open-case';

/** What a linked batch needs of the recommender. */
export interface LinkedBatchSetup {
  /** Recommends for a validated complaint, linked to `caseLink` when given (the pipeline's `run`). */
  readonly run: (complaint: Complaint, caseLink?: CaseLink) => Promise<Run>;
  readonly limits: Limits;
  /** `policy.caseWindowDays`. */
  readonly windowDays: number;
  /** The batch's `workers` option: `true` cannot be honoured by a linked batch. */
  readonly workers?: boolean | 'auto' | undefined;
  /** The batch's `concurrency`: checked as for any batch, though a linked batch uses one thread. */
  readonly concurrency?: number | undefined;
  /** Called with the case book after each complaint (tests watch its size). */
  readonly observe?: (book: CaseBook) => void;
}

function linkOf(open: OpenCaseRecord): CaseLink {
  return {
    caseId: open.id,
    owner: open.owner,
    restitutionGiven: [...open.restitution],
    goodwillGivenMinor: open.goodwillMinor,
  };
}

/** Adds what a recommendation gives to its case. */
function record(open: OpenCaseRecord, rec: Recommendation): void {
  for (const remedy of rec.remedies) {
    if (remedy.kind === 'restitution') open.restitution.add(remedy.type);
    if (remedy.kind === 'goodwill') open.goodwillMinor += toMinor(remedy.estimatedCost, rec.currency);
  }
}

/** The case a complaint opens: its own, or the one the helpdesk passed that it was linked to. */
function opened(c: Complaint, at: number, rec: Recommendation, from: CaseLink | undefined): OpenCaseRecord {
  const open: OpenCaseRecord = {
    id: from?.caseId ?? c.id,
    openedAt: at,
    owner: rec.handling.owner,
    restitution: new Set(from?.restitutionGiven ?? []),
    goodwillMinor: from?.goodwillGivenMinor ?? 0,
  };
  record(open, rec);
  return open;
}

/**
 * A batch with linking: complaints with one case key (customer, order or subscription, category)
 * within the window are one case. The first in input order gets the remedies and opens the case; each
 * later one is linked to it (same owner, nothing given twice, goodwill topped up when it warrants
 * more). A complaint matching one of its own `customer.openCases` is linked to that case. Runs in the
 * calling thread, one complaint at a time, since each may depend on the ones before; yields one
 * result per input, in input order.
 */
export async function* recommendLinked(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  setup: LinkedBatchSetup,
): AsyncGenerator<BatchResult> {
  threadsFor(setup.concurrency === undefined ? {} : { concurrency: setup.concurrency });
  if (setup.workers === true) {
    throw invalidOption(
      ['workers'],
      'a linked batch runs in the calling thread (a complaint may depend on the earlier ones of its case); pass link: false to use worker threads',
    );
  }
  const book = new CaseBook(windowMs(setup.windowDays));
  let index = 0;
  for await (const input of inputs) {
    const at = index++;
    try {
      const complaint = parseComplaint(input, { limits: setup.limits });
      const key = caseKey(complaint);
      const time = timestampMs(complaint.receivedAt);
      const open = book.find(key, time);
      const caseLink = open ? linkOf(open) : openCaseLink(complaint, setup.windowDays);
      const { recommendation } = await setup.run(complaint, caseLink);
      if (open) record(open, recommendation);
      else book.open(key, opened(complaint, time, recommendation, caseLink));
      setup.observe?.(book);
      yield recommendation;
    } catch (error) {
      yield errorRecord(at, input, error);
    }
  }
}
