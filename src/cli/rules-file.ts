import { readFileSync, statSync } from 'node:fs';
import { defaultRuleSet, isRedressError, loadRuleSet, type RuleSet } from '../index';
import { CliError, describeIoError } from './cli-error';
import { type CliIo, filePath } from './io';
import { printable } from './style';

/** Rule files larger than this are refused before they are read (2,000 rules fit comfortably). */
export const MAX_RULE_FILE_BYTES = 32 * 1024 * 1024;

/** Reads a file as UTF-8 text, with errors a person can act on. */
export function readTextFile(io: CliIo, path: string, what: string, maxBytes: number): string {
  try {
    const stats = statSync(filePath(io, path));
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stats.size > maxBytes) {
      throw new CliError(`${what} ${path} is ${stats.size} bytes; at most ${maxBytes} are accepted`);
    }
    return readFileSync(filePath(io, path), 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${what} ${path}: ${describeIoError(error)}`);
  }
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
  const text = readTextFile(io, path, 'rules file', MAX_RULE_FILE_BYTES);
  try {
    return { ruleSet: loadRuleSet(text), source: path };
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
