import type { Recommendation, RecommendationError, RedressErrorCode } from '../index';

/**
 * The output record for an input line that got no recommendation: which line, which complaint (when
 * its id could be read), and why: a stable `code` (`INVALID_JSON`, `INVALID_COMPLAINT`,
 * `LIMIT_EXCEEDED`, …) and the `path`/`pointer` of the offending field.
 */
export interface LineError {
  /** 1-based line number in the input. */
  readonly line: number;
  readonly complaintId: RecommendationError['complaintId'];
  /** The same error a batch's `RecommendationError` carries. */
  readonly error: RecommendationError['error'];
}

/** One output record per input record: a recommendation or a line error. */
export type LineResult = Recommendation | LineError;

/** True when a record is a line error. */
export function isLineError<T extends object>(record: T | LineError): record is LineError {
  return 'error' in record && 'line' in record;
}

/** A line error for a problem found before the complaint reached the recommender. */
export function lineError(line: number, code: RedressErrorCode, message: string): LineError {
  return { line, complaintId: null, error: { code, message, path: [], pointer: '' } };
}

/** The line error for a recommender's error record. */
export function fromRecommendationError(line: number, error: RecommendationError): LineError {
  return { line, complaintId: error.complaintId, error: error.error };
}
