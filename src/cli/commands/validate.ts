import { Command } from 'commander';
import { isRedressError, loadRuleSet, type RuleSet } from '../../index';
import { ExitCode } from '../exit-code';
import type { CliIo } from '../io';
import { refuseToOverwriteInputs } from '../overwrite-guard';
import { MAX_RULE_FILE_BYTES, readTextFile } from '../rules-file';
import { colorWanted, createStyle, printable, type Style } from '../style';
import { RULE_SET_CHECKS } from '../validate/checks';
import type { Finding } from '../validate/finding';
import { JsonSource, type Location } from '../validate/location';

interface ValidateOptions {
  readonly json?: boolean;
  readonly strict?: boolean;
  readonly color?: boolean;
}

/** A finding with where it is in the file. */
type LocatedFinding = Finding & { readonly line?: number; readonly column?: number };

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
      io.exitCode = passed ? ExitCode.ok : ExitCode.dataProblems;
    });
}

async function validateFile(io: CliIo, file: string): Promise<FileReport> {
  const text = readTextFile(io, file, 'rules file', MAX_RULE_FILE_BYTES);
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
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return {
      file,
      valid: false,
      ruleSet: null,
      findings: [{ severity: 'error', code: 'invalid_json', message, path: [], pointer: '' }],
    };
  }

  let ruleSet: RuleSet | undefined;
  const findings: LocatedFinding[] = [];
  try {
    ruleSet = loadRuleSet(raw);
  } catch (error) {
    if (!isRedressError(error)) throw error;
    for (const issue of error.issues) {
      findings.push({ severity: 'error', ...issue, ...at(source.locate(issue.path)) });
    }
  }
  if (ruleSet) {
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
