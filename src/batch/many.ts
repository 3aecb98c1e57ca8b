import { isRedressError } from '../errors';
import type { Recommendation, RecommendationError } from '../recommendation';

/** Options for a batch. */
export interface ManyOptions {
  /** Complaints in flight at once; at least 1. Output order is input order whatever this is. Default 16. */
  readonly concurrency?: number;
}

/** The error record for an input that got no recommendation. */
export function errorRecord(index: number, input: unknown, error: unknown): RecommendationError {
  const complaintId = readableId(input);
  if (isRedressError(error)) {
    return {
      index,
      complaintId,
      error: { code: error.code, message: error.message, path: error.path, pointer: error.pointer },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { index, complaintId, error: { code: 'INTERNAL', message, path: [], pointer: '' } };
}

function readableId(input: unknown): string | null {
  try {
    const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id.slice(0, 128) : null;
  } catch {
    // A hostile input (a throwing getter or proxy) must cost only its own record, not the batch.
    return null;
  }
}

/**
 * Runs `recommend` over a (possibly async, possibly endless) sequence with bounded concurrency and
 * yields one result per input, in input order: a recommendation, or an error record saying which input
 * failed and why. Nothing is dropped, and a bad input never stops the batch.
 */
export async function* recommendEach(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  recommend: (input: unknown) => Promise<Recommendation>,
  options: ManyOptions = {},
): AsyncGenerator<Recommendation | RecommendationError> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 16));
  const window: Promise<Recommendation | RecommendationError>[] = [];
  let index = 0;
  for await (const input of inputs) {
    const position = index++;
    window.push(recommend(input).catch((error: unknown) => errorRecord(position, input, error)));
    if (window.length >= concurrency)
      yield await (window.shift() as Promise<Recommendation | RecommendationError>);
  }
  while (window.length > 0) yield await (window.shift() as Promise<Recommendation | RecommendationError>);
}

/** True when a batch result is an error record rather than a recommendation. */
export function isRecommendationError(
  value: Recommendation | RecommendationError,
): value is RecommendationError {
  return 'error' in value && !('remedies' in value);
}
