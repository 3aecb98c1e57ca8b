import type { z } from 'zod';

/**
 * Stable, top-level error codes. Each names what was wrong, not where; the `path` says where.
 * Codes never change meaning between versions; new ones may be added.
 */
export type RedressErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_COMPLAINT'
  | 'INVALID_RULESET'
  | 'INVALID_OPTIONS'
  | 'INVALID_OUTCOME'
  | 'INVALID_RECOMMENDATION'
  | 'LIMIT_EXCEEDED'
  | 'NO_EXCHANGE_RATE'
  | 'RULE_CONFLICT'
  | 'INTERNAL';

/** One path segment: an object key or an array index. */
export type PathSegment = string | number;

/**
 * One problem found in an input. A `RedressError` carries every problem found in a single pass, so an
 * analyst fixes a rule file in one round rather than one error at a time.
 */
export interface RedressIssue {
  /** Machine-readable reason, e.g. `unknown_fact`, `invalid_type`, `too_big`, `invalid_date`. */
  readonly code: string;
  /** Path from the root of the input to the offending field. */
  readonly path: readonly PathSegment[];
  /** The same path as an RFC 6901 JSON Pointer, e.g. `/rules/3/conditions/all/0/fact`. */
  readonly pointer: string;
  /** Human-readable explanation that names the field (and the rule, for rule files). */
  readonly message: string;
  /** For rule files: the name of the rule the problem is in, when it has one. */
  readonly rule?: string;
  /** A short suggestion for fixing the problem, when one is known. */
  readonly hint?: string;
}

/** Turns a path into an RFC 6901 JSON Pointer. */
export function toPointer(path: readonly PathSegment[]): string {
  return path.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Renders a path the way a TypeScript reader writes it: `order.items[2].sku`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * The one error type redress throws for bad input. `code` is stable; `path` points at the first
 * offending field; `issues` lists every problem found.
 */
export class RedressError extends Error {
  /** Stable error code; switch on this, never on the message. */
  readonly code: RedressErrorCode;
  /** Path to the first offending field (empty for the whole input). */
  readonly path: readonly PathSegment[];
  /** `path` as a JSON Pointer. */
  readonly pointer: string;
  /** Every problem found, in input order. Never empty. */
  readonly issues: readonly RedressIssue[];

  constructor(code: RedressErrorCode, issues: readonly RedressIssue[], options?: { cause?: unknown }) {
    const first = issues[0];
    const summary = first ? first.message : code;
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    super(`${code}: ${summary}${more}`, options);
    this.name = 'RedressError';
    this.code = code;
    this.path = first ? first.path : [];
    this.pointer = toPointer(this.path);
    this.issues = issues;
  }

  /** A plain-JSON form for logs and JSON Lines error records. */
  toJSON(): {
    code: RedressErrorCode;
    message: string;
    path: readonly PathSegment[];
    pointer: string;
    issues: readonly RedressIssue[];
  } {
    return {
      code: this.code,
      message: this.message,
      path: this.path,
      pointer: this.pointer,
      issues: this.issues,
    };
  }
}

/** Builds a single issue, computing its pointer and prefixing the message with the field. */
export function issue(
  code: string,
  path: readonly PathSegment[],
  message: string,
  extra?: { rule?: string; hint?: string },
): RedressIssue {
  return {
    code,
    path,
    pointer: toPointer(path),
    message: `${formatPath(path)}: ${message}`,
    ...(extra?.rule === undefined ? {} : { rule: extra.rule }),
    ...(extra?.hint === undefined ? {} : { hint: extra.hint }),
  };
}

/** Converts zod issues to redress issues, keeping zod's codes and messages. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathSegment[] = [],
): RedressIssue[] {
  return issues.map((i) => {
    const path = [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    return issue(i.code, path, i.message);
  });
}

/** True when `value` is a RedressError (also across bundle copies, where `instanceof` fails). */
export function isRedressError(value: unknown): value is RedressError {
  return (
    value instanceof RedressError ||
    (value instanceof Error && value.name === 'RedressError' && 'code' in value && 'issues' in value)
  );
}

/**
 * The error for an option the caller got wrong (not the input): `INVALID_OPTIONS`, with the path of the
 * option (`['limits', 'maxDepth']`) and a message that names the bad value and the fix.
 */
export function invalidOption(
  path: readonly PathSegment[],
  message: string,
  code = 'invalid_option',
): RedressError {
  return new RedressError('INVALID_OPTIONS', [issue(code, path, message)]);
}

/**
 * `error` itself when it is a RedressError; otherwise an `INTERNAL` RedressError that keeps it as
 * `cause`. Used where a fault inside redress (a throwing rule evaluator, say) must not escape as some
 * other exception.
 */
export function asRedressError(error: unknown): RedressError {
  if (isRedressError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RedressError(
    'INTERNAL',
    [
      issue('internal_error', [], `redress failed inside: ${message.slice(0, 500)}`, {
        hint: 'this is a bug or a fault in the environment, not a problem with the input; please report it',
      }),
    ],
    { cause: error },
  );
}
