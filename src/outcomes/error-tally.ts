import { issue, RedressError } from '../errors';
import type { OutcomeLineError, OutcomeSummary } from './summary';

/** The plain record of an error on a line of one of the inputs. */
export function lineError(
  source: OutcomeLineError['source'],
  line: number,
  complaintId: string | null,
  error: RedressError,
): OutcomeLineError {
  const { code, message, path, pointer } = error;
  return { source, line, complaintId, error: { code, message, path, pointer } };
}

/** The error for a second line about one complaint. */
export function duplicateIdError(
  code: 'INVALID_OUTCOME' | 'INVALID_RECOMMENDATION',
  id: string,
): RedressError {
  const what = code === 'INVALID_OUTCOME' ? 'an outcome' : 'a recommendation';
  return new RedressError(code, [
    issue(
      'duplicate_complaint_id',
      ['complaintId'],
      `complaint "${id}" already has ${what} on an earlier line`,
      {
        hint:
          code === 'INVALID_OUTCOME'
            ? 'give one outcome per complaint: merge the lines, or keep the latest'
            : 'keep the one recommendation the customer was offered',
      },
    ),
  ]);
}

/** Counts error lines by code and keeps the first few, so that none goes unreported and memory stays flat. */
export class ErrorTally {
  private count = 0;
  private readonly byCode = new Map<string, number>();
  private readonly first: OutcomeLineError[] = [];

  constructor(
    private readonly listed: number,
    private readonly onError: ((error: OutcomeLineError) => void) | undefined,
  ) {}

  /** Records one error line. */
  add(error: OutcomeLineError): void {
    this.count += 1;
    this.byCode.set(error.error.code, (this.byCode.get(error.error.code) ?? 0) + 1);
    if (this.first.length < this.listed) this.first.push(error);
    this.onError?.(error);
  }

  /** The errors so far. */
  summary(): OutcomeSummary['errors'] {
    return {
      count: this.count,
      byCode: [...this.byCode.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([code, lines]) => ({ code, lines })),
      first: [...this.first],
    };
  }
}
