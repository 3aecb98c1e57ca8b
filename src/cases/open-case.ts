import type { Complaint } from '../complaint/schema';
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
  let match: number | undefined;
  let matchAt = Number.NEGATIVE_INFINITY;
  c.customer.openCases.forEach((open, i) => {
    const opened = timestampMs(open.openedAt);
    if (sameProblem(c, open) && at - opened <= window && opened > matchAt) {
      match = i;
      matchAt = opened;
    }
  });
  if (match === undefined) return undefined;
  const i = match;
  const open = c.customer.openCases[i] as OpenCase;
  return {
    caseId: open.id,
    owner: open.owner,
    restitutionGiven: open.remedies.filter((r) => r.kind === 'restitution').map((r) => r.type),
    // In the currency each was given in: the pipeline converts them with the call's rates.
    goodwillGivenMinor: 0,
    goodwillGivenElsewhere: open.remedies.flatMap((r, j) =>
      r.kind === 'goodwill'
        ? [
            {
              amount: r.amount,
              currency: r.currency,
              path: ['customer', 'openCases', i, 'remedies', j, 'currency'],
            },
          ]
        : [],
    ),
  };
}
