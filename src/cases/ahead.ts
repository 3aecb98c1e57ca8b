import { errorRecord } from '../batch/many';
import type { BatchResult } from '../batch/worker-pool';
import { parseComplaint } from '../complaint/parse';
import type { Complaint } from '../complaint/schema';
import type { Limits } from '../input/limits';
import type { CaseLink, CaseNote } from '../recommend/link';
import type { Run } from '../recommend/pipeline';
import { timestampMs } from '../time/timestamp';
import { caseKey } from './case-key';
import { opened, toOpened } from './case-record';
import { openCaseLink } from './open-case';

/** What recommending ahead of a complaint's turn needs: the pipeline, the limits, the window. */
export interface Ahead {
  /** Recommends for a validated complaint, linked to `caseLink` when given; throws a RedressError. */
  readonly run: (complaint: Complaint, caseLink?: CaseLink) => Promise<Run>;
  readonly limits: Limits;
  /** `policy.caseWindowDays`. */
  readonly windowDays: number;
}

/** A result recommended ahead of its turn, and its note (null when the input is not a valid complaint). */
export interface AheadResult {
  readonly result: BatchResult;
  readonly note: CaseNote | null;
}

/**
 * Recommends for one input of a linked batch ahead of its turn — on a worker thread, or in this one
 * when a chunk cannot go to a worker — as the first complaint of its case: linked only to a matching
 * `customer.openCases`. The note says which case it is and what it would open, so that the batch,
 * in input order, keeps the result or, when an earlier complaint had opened the case, recommends it
 * again linked to that case.
 */
export async function recommendAhead(input: unknown, index: number, ahead: Ahead): Promise<AheadResult> {
  let complaint: Complaint;
  let key: string;
  let at: number;
  try {
    complaint = parseComplaint(input, { limits: ahead.limits });
    key = caseKey(complaint);
    at = timestampMs(complaint.receivedAt);
  } catch (error) {
    return { result: errorRecord(index, input, error), note: null };
  }
  try {
    const caseLink = openCaseLink(complaint, ahead.windowDays);
    const run = await ahead.run(complaint, caseLink);
    return {
      result: run.recommendation,
      note: { key, at, opens: toOpened(opened(complaint, at, run, caseLink)) },
    };
  } catch (error) {
    return { result: errorRecord(index, input, error), note: { key, at } };
  }
}
