import { z } from 'zod';
import { fromZodIssues, issue, type PathSegment, RedressError, type RedressIssue } from '../errors';
import { type LimitsOption, resolveLimits } from '../input/limits';
import { type PlainJsonKind, readUntrusted } from '../input/plain-json';
import { err, ok, type Result } from '../result';
import { type Complaint, ComplaintSchema, ComplaintShape, crossFieldProblems } from './schema';

/**
 * The schema's issues as RedressIssues, under `prefix`: zod's codes and messages, except that a custom
 * issue's `reason` (`date_after_received`, `currency_mismatch`, …) becomes its code.
 */
export function complaintIssues(error: z.ZodError, prefix: readonly PathSegment[] = []): RedressIssue[] {
  return error.issues.map((i) => {
    const reason = i.code === 'custom' ? (i.params?.reason as string | undefined) : undefined;
    const [converted] = fromZodIssues([i], prefix);
    return reason && converted ? issue(reason, converted.path, i.message) : (converted as RedressIssue);
  });
}

/**
 * `ComplaintShape` with zod's compiled fast path (`z.compile`): the same schema, checked by code zod
 * generates from it once (from the schema, never from input), about five times faster on a valid
 * complaint; whatever it does not accept goes to zod's own parser. The cross-field rules
 * (`ComplaintSchema`'s refinement, which zod cannot compile: it waits for the fields to be valid) run
 * after it, as in `ComplaintSchema`. Where the runtime forbids generated code, zod hands back
 * `ComplaintShape` itself. Made on first use, not when the module loads. (zod 4 already generates its
 * object parsers this way by default; no input ever reaches the generator.)
 */
let compiledShape: typeof ComplaintShape | undefined;
/** @internal */
export function fastShape(): typeof ComplaintShape {
  compiledShape ??= z.compile(ComplaintShape);
  return compiledShape;
}

const COMPLAINT: PlainJsonKind = {
  noun: 'complaint',
  invalid: 'INVALID_COMPLAINT',
  sizeLimit: 'maxComplaintBytes',
};

/**
 * Validates an untrusted complaint: a value, or its JSON text (a string is always read as JSON text).
 * Limits are checked first and fast (the size of text before it is parsed); then hostile content is
 * refused; then the schema runs on a plain copy of the input.
 *
 * @throws RedressError `LIMIT_EXCEEDED` over a limit (`options.limits`, see `Limits`); `INVALID_JSON`
 *   for text that is not JSON or repeats a key; `INVALID_COMPLAINT` with the path of the first offending
 *   field, `issues` listing them all; `INVALID_OPTIONS` for `options.limits` that are not limits.
 *
 * @example
 * ```ts
 * import { isRedressError, parseComplaint } from 'redress';
 *
 * const complaint = parseComplaint(
 *   '{"id": "c-1", "receivedAt": "2026-03-10T09:30:00Z", "channel": "chat", "category": "late_delivery",' +
 *     ' "subscription": {"plan": "Plus", "monthlyPrice": 9.99, "currency": "EUR"},' +
 *     ' "customer": {"id": "u-1", "since": "2025-01-01"}}',
 * );
 * [complaint.tone, complaint.legalThreat, complaint.customer.priorComplaints]; //=> ['calm', false, []]
 *
 * try {
 *   parseComplaint({ ...complaint, receivedAt: '2026-03-10 09:30' });
 * } catch (error) {
 *   isRedressError(error) && [error.code, error.pointer, error.issues[0]?.message];
 *   //=> ['INVALID_COMPLAINT', '/receivedAt', 'receivedAt: expected an ISO 8601 date-time with a time zone offset']
 * }
 * ```
 */
export function parseComplaint(input: unknown, options?: LimitsOption): Complaint {
  const result = safeParseComplaint(input, options);
  if (!result.ok) throw result.error;
  return result.value;
}

/** Like `parseComplaint`, but returns a `Result` instead of throwing. */
export function safeParseComplaint(
  input: unknown,
  options: LimitsOption = {},
): Result<Complaint, RedressError> {
  const plain = readUntrusted(input, COMPLAINT, resolveLimits(options.limits));
  if (!plain.ok) return err(plain.error);
  const fast = fastShape().safeParse(plain.value);
  if (fast.success && crossFieldProblems(fast.data).length === 0) return ok(fast.data);
  // Anything the fast path does not accept is decided, and its issues written, by the schema itself.
  const parsed = ComplaintSchema.safeParse(plain.value);
  if (parsed.success) return ok(parsed.data);
  return err(new RedressError('INVALID_COMPLAINT', complaintIssues(parsed.error)));
}
