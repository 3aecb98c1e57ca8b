import { defaultRuleSet, isRedressError, limits, loadRuleSet, type RuleSet } from '../index';
import { decodeUtf8, readFileBounded, type TextSource } from './bounded-read';
import { CliError } from './cli-error';
import type { CliIo } from './io';
import { printable } from './style';

/** A rule file, as `readFileBounded` reads it: at most `limits.maxRuleSetBytes`, as `loadRuleSet` takes. */
export function ruleFileSource(path: string): TextSource {
  return { name: `rules file ${path}`, sizeLimit: 'maxRuleSetBytes', maxBytes: limits.maxRuleSetBytes };
}

/**
 * The text of the rule file at `path` (a file, a device or a named pipe), read no further than the rule
 * set limit and refused unless it is UTF-8.
 *
 * @throws CliError when it cannot be read; RedressError `LIMIT_EXCEEDED` (`ruleset_too_large`) or
 *   `INVALID_JSON` (`invalid_utf8`).
 */
export function readRulesText(io: Pick<CliIo, 'cwd'>, path: string): string {
  const source = ruleFileSource(path);
  return decodeUtf8(readFileBounded(io, path, source), source);
}

/** A rule set and where it came from. */
export interface LoadedRules {
  readonly ruleSet: RuleSet;
  /** The file, or `built-in` for the default rules. */
  readonly source: string;
}

const SHOWN = 5;

/**
 * Loads the rule file at `path`, or the built-in default rules when no path is given. A file that does
 * not load stops the command (exit 2) with its first problems and a pointer to `redress validate`.
 */
export function loadRulesFile(io: CliIo, path: string | undefined): LoadedRules {
  if (path === undefined) return { ruleSet: defaultRuleSet, source: 'built-in' };
  try {
    return { ruleSet: loadRuleSet(readRulesText(io, path)), source: path };
  } catch (error) {
    if (!isRedressError(error)) throw error;
    const lines = error.issues.slice(0, SHOWN).map((i) => `  ${printable(i.message)}`);
    const more = error.issues.length - SHOWN;
    if (more > 0) lines.push(`  … and ${more} more`);
    throw new CliError(
      [
        `rules file ${path} is not a valid rule set (${error.code}):`,
        ...lines,
        `run "redress validate ${path}" for every problem with its location and a fix`,
      ].join('\n'),
    );
  }
}
