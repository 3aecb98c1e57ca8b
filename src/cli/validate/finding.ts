import type { PathSegment, RuleSet } from '../../index';

/**
 * One thing `redress validate` reports about a rule file. `error`s make the file invalid (exit 1);
 * `warning`s and `info`s are advice and leave the exit code alone. Named apart from the analyser's
 * `Finding` (`redress/analysis`), which `analysis.ts` turns into one of these.
 */
export interface ValidateFinding {
  readonly severity: 'error' | 'warning' | 'info';
  /** Stable machine-readable code, e.g. `unknown_fact`, `invalid_json`. */
  readonly code: string;
  readonly message: string;
  /** Path to the field in the rule file (empty for the whole file). */
  readonly path: readonly PathSegment[];
  /** The same as a JSON Pointer. */
  readonly pointer: string;
  /** The rule the finding is about, when there is one. */
  readonly rule?: string;
  /** How to fix it, when known. */
  readonly hint?: string;
  /** A complaint that shows the finding (give it to `redress explain`), when there is one. */
  readonly example?: unknown;
}

/**
 * A check that runs on a rule file that loaded, adding findings beyond the loader's own (e.g. rules that
 * can never fire, a rationale missing a locale). Register one in `checks.ts`.
 */
export interface RuleSetCheck {
  /** Short name, shown nowhere but useful in tests and traces. */
  readonly name: string;
  /** `raw` is the parsed file as written (before defaults), `ruleSet` the validated rule set. */
  run(ruleSet: RuleSet, raw: unknown): readonly ValidateFinding[] | Promise<readonly ValidateFinding[]>;
}
