import { complaintCurrency } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { toMinor } from '../money';
import type { CaseLink } from '../recommend/link';
import { timestampMs } from '../time/timestamp';
import { windowMs } from './case-key';

type OpenCase = Complaint['customer']['openCases'][number];

/** Whether an open case is about what the complaint is about: the same category, order or subscription. */
function sameProblem(c: Complaint, open: OpenCase): boolean {
  if (open.category !== c.category) return false;
  return open.orderId === undefined ? c.order === undefined : open.orderId === c.order?.id;
}

/**
 * The open case the helpdesk passed (`customer.openCases`) that this complaint belongs to: the same
 * category and order (or subscription), opened at most `policy.caseWindowDays` before the complaint.
 * When several match, the one opened last. Undefined when none does.
 */
export function openCaseLink(c: Complaint, windowDays: number): CaseLink | undefined {
  const at = timestampMs(c.receivedAt);
  const window = windowMs(windowDays);
  let match: OpenCase | undefined;
  let matchAt = Number.NEGATIVE_INFINITY;
  for (const open of c.customer.openCases) {
    const opened = timestampMs(open.openedAt);
    if (sameProblem(c, open) && at - opened <= window && opened > matchAt) {
      match = open;
      matchAt = opened;
    }
  }
  if (!match) return undefined;
  const currency = complaintCurrency(c);
  return {
    caseId: match.id,
    owner: match.owner,
    restitutionGiven: match.remedies.filter((r) => r.kind === 'restitution').map((r) => r.type),
    goodwillGivenMinor: match.remedies
      .filter((r) => r.kind === 'goodwill')
      .reduce((sum, r) => sum + toMinor(r.amount, currency), 0),
  };
}
