import { fromZodIssues, RedressError } from '../errors';
import { type LimitsOption, resolveLimits } from '../input/limits';
import { type PlainJsonKind, readUntrusted } from '../input/plain-json';
import { err, ok, type Result } from '../result';
import { type Outcome, OutcomeSchema } from './outcome';

// An outcome is one line of JSON Lines: the line limit bounds it.
const OUTCOME: PlainJsonKind = { noun: 'outcome', invalid: 'INVALID_OUTCOME', sizeLimit: 'maxLineBytes' };

/**
 * Validates an untrusted outcome record: a value, or its JSON text. Limits first, then hostile content
 * (prototype keys, repeated keys in text), then the schema, as for complaints.
 *
 * @throws RedressError `LIMIT_EXCEEDED` over a limit (its size is bounded by `Limits.maxLineBytes`);
 *   `INVALID_JSON` for text that is not JSON or repeats a key; `INVALID_OUTCOME` with the path of the
 *   first offending field, `issues` listing them all.
 */
export function parseOutcome(input: unknown, options?: LimitsOption): Outcome {
  const result = safeParseOutcome(input, options);
  if (!result.ok) throw result.error;
  return result.value;
}

/** Like `parseOutcome`, but returns a `Result` instead of throwing. */
export function safeParseOutcome(input: unknown, options: LimitsOption = {}): Result<Outcome, RedressError> {
  const plain = readUntrusted(input, OUTCOME, resolveLimits(options.limits));
  if (!plain.ok) return err(plain.error);
  const parsed = OutcomeSchema.safeParse(plain.value);
  if (parsed.success) return ok(parsed.data);
  return err(new RedressError('INVALID_OUTCOME', fromZodIssues(parsed.error.issues)));
}
