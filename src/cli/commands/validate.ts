import { Command } from 'commander';
import { isRedressError, loadRuleSet, type RuleSet } from '../../index';
import { NotUtf8Error } from '../bounded-read';
import { CliError } from '../cli-error';
import { ExitCode } from '../exit-code';
import type { CliIo } from '../io';
import { refuseToOverwriteInputs } from '../overwrite-guard';
import { readRulesText } from '../rules-file';
import { colorWanted, createStyle, printable, type Style } from '../style';
import { RULE_SET_CHECKS } from '../validate/checks';
import type { ValidateFinding } from '../validate/finding';
import { JsonSource, type Location } from '../validate/location';

interface ValidateOptions {
  readonly json?: boolean;
  readonly strict?: boolean;
  readonly color?: boolean;
}

/** A finding with where it is in the file. */
type LocatedFinding = ValidateFinding & { readonly line?: number; readonly column?: number };

/** What `validate` found in one file. */
interface FileReport {
  readonly file: string;
  readonly valid: boolean;
  readonly ruleSet: { readonly name: string; readonly version: string; readonly rules: number } | null;
  readonly findings: readonly LocatedFinding[];
}

/** Syntax errors cascade; past this many the rest are noise. */
const MAX_SYNTAX_PROBLEMS = 10;

/** `redress validate`: every problem in one or more rule files, each with its rule, pointer, location and a fix. */
export function validateCommand(io: CliIo): Command {
  return new Command('validate')
    .summary('check rule files: every problem at once, with its location and a fix')
    .description(
      'Check rule files: every problem at once, each with the rule, the JSON pointer, the line and ' +
        'column, and a hint.',
    )
    .argument('<files...>', 'rule set JSON file(s)')
    .option('--json', 'print the findings as JSON (for scripts and editors)')
    .option('--strict', 'treat warnings (unreachable rules, gaps, missing translations) as failures')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'do not colour the output')
    .addHelpText(
      'after',
      '\nExit status: 0 when every file is valid (with --strict: and has no warnings), 1 when one is\n' +
        'not, 2 when one cannot be read.',
    )
    .action(async (files: string[], options: ValidateOptions) => {
      refuseToOverwriteInputs(io, { reads: files.map((path) => ({ role: 'rules file', path })), writes: [] });
      const reports: FileReport[] = [];
      for (const file of files) reports.push(await validateFile(io, file));
      if (options.json) {
        io.stdout.write(
          `${JSON.stringify({ valid: reports.every((r) => r.valid), files: reports }, null, 2)}\n`,
        );
      } else {
        const style = createStyle(colorWanted(io.stdout, io.env, options.color));
        io.stdout.write(reports.map((r) => formatReport(r, style)).join('\n'));
      }
      const passed = reports.every(
        (r) => r.valid && !(options.strict && r.findings.some((f) => f.severity === 'warning')),
      );
      const unreadable = reports.some((r) => r.findings.some((f) => f.code === UNREADABLE));
      io.exitCode = unreadable ? ExitCode.cannotRun : passed ? ExitCode.ok : ExitCode.dataProblems;
    });
}

/** The finding for a file that cannot be read at all (exit 2); the other files are still checked. */
const UNREADABLE = 'unreadable';

/** A report of the one problem that stopped a file from being read, or `error` again if it is a bug. */
function readFailure(file: string, error: unknown): FileReport {
  if (error instanceof CliError) {
    const finding = {
      severity: 'error',
      code: UNREADABLE,
      message: error.message,
      path: [],
      pointer: '',
    } as const;
    return { file, valid: false, ruleSet: null, findings: [finding] };
  }
  if (!isRedressError(error)) throw error;
  const at =
    error instanceof NotUtf8Error ? { line: error.location.line, column: error.location.column } : {};
  const findings = error.issues.map((issue): LocatedFinding => ({ severity: 'error', ...issue, ...at }));
  return { file, valid: false, ruleSet: null, findings };
}

// The file is checked as `recommend --rules` reads it: its text (bounded, UTF-8, every key once, nested
// no deeper than the limit) goes to `loadRuleSet`, never an object parsed here first.
async function validateFile(io: CliIo, file: string): Promise<FileReport> {
  let text: string;
  try {
    text = readRulesText(io, file);
  } catch (error) {
    return readFailure(file, error);
  }
  const source = new JsonSource(text);
  const at = (location: Location | undefined) =>
    location ? { line: location.line, column: location.column } : {};

  if (source.syntaxProblems.length > 0) {
    const findings = source.syntaxProblems.slice(0, MAX_SYNTAX_PROBLEMS).map(
      (p): LocatedFinding => ({
        severity: 'error',
        code: 'invalid_json',
        message: p.message,
        path: [],
        pointer: '',
        ...at(p.location),
      }),
    );
    return { file, valid: false, ruleSet: null, findings };
  }

  let ruleSet: RuleSet | undefined;
  const findings: LocatedFinding[] = [];
  try {
    ruleSet = loadRuleSet(text);
  } catch (error) {
    if (!isRedressError(error)) throw error;
    for (const issue of error.issues) {
      const where =
        issue.code === 'duplicate_key' ? source.locateRepeat(issue.path) : source.locate(issue.path);
      findings.push({ severity: 'error', ...issue, ...at(where) });
    }
  }
  if (ruleSet) {
    const raw: unknown = JSON.parse(text); // the file as written, for checks that look at what was left out
    for (const check of RULE_SET_CHECKS) {
      for (const finding of await check.run(ruleSet, raw))
        findings.push({ ...finding, ...at(source.locate(finding.path)) });
    }
  }
  return {
    file,
    valid: ruleSet !== undefined && !findings.some((f) => f.severity === 'error'),
    ruleSet: ruleSet ? { name: ruleSet.name, version: ruleSet.version, rules: ruleSet.rules.length } : null,
    findings,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatReport(report: FileReport, style: Style): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  const out: string[] = [];
  if (report.valid && report.ruleSet) {
    const { name, version, rules } = report.ruleSet;
    const extra = warnings > 0 ? `, ${plural(warnings, 'warning')}` : '';
    out.push(
      `${style.green('✓')} ${style.bold(report.file)}: valid rule set "${printable(name)}" ${printable(version)}, ${plural(rules, 'rule')}${extra}`,
    );
  } else {
    const counts = [plural(errors, 'error'), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
    out.push(`${style.red('✗')} ${style.bold(report.file)}: ${counts.join(', ')}`);
  }
  for (const f of report.findings) {
    const where = f.line === undefined ? report.file : `${report.file}:${f.line}:${f.column}`;
    const label =
      f.severity === 'error'
        ? style.red('error')
        : f.severity === 'warning'
          ? style.yellow('warning')
          : style.cyan('info');
    out.push('', `${style.bold(where)} ${label} ${style.dim(f.code)}`, `  ${printable(f.message)}`);
    if (f.pointer !== '') out.push(`  ${style.dim('pointer')} ${printable(f.pointer)}`);
    if (f.hint !== undefined) out.push(`  ${style.dim('hint')}    ${printable(f.hint)}`);
    if (f.example !== undefined)
      out.push(`  ${style.dim('example')} ${printable(JSON.stringify(f.example))}`);
  }
  return `${out.join('\n')}\n`;
}
