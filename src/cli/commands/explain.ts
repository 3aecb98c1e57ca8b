import { Command } from 'commander';
import { createRecommender, isRedressError, type Locale } from '../../index';
import { CliError } from '../cli-error';
import { ExitCode } from '../exit-code';
import { renderExplanation } from '../explain/render';
import { openInput } from '../input';
import { type CliIo, readAll } from '../io';
import { readLines } from '../line-reader';
import { DEFAULT_MAX_LINE_BYTES, localeOption, rulesOption, wholeNumber } from '../options';
import { refuseToOverwriteInputs } from '../overwrite-guard';
import { loadRulesFile, readTextFile } from '../rules-file';
import { colorWanted, createStyle, printable } from '../style';

interface ExplainOptions {
  readonly line?: number;
  readonly rules?: string;
  readonly locale: Locale | 'auto';
  readonly json?: boolean;
  readonly color?: boolean;
}

/** `redress explain`: how one complaint's recommendation came about, rule by rule. */
export function explainCommand(io: CliIo): Command {
  return new Command('explain')
    .summary('explain the recommendation for one complaint, rule by rule')
    .description(
      'Explain the recommendation for one complaint: scores and their factors, every rule and which of ' +
        'its conditions held (with the actual values), caps, remedies, handling and the rationale.',
    )
    .argument('<complaint>', 'a JSON file with one complaint, or "-" for standard input')
    .option(
      '-n, --line <n>',
      'explain line N of a JSON Lines file (the line numbers simulate and recommend report)',
      wholeNumber(1, Number.MAX_SAFE_INTEGER),
    )
    .addOption(rulesOption())
    .addOption(localeOption())
    .option('--json', 'print the recommendation with the full trace as JSON instead')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'do not colour the output')
    .addHelpText(
      'after',
      '\nExit status: 0 when explained, 1 when the complaint is invalid, 2 when it cannot run.',
    )
    .action(async (file: string, options: ExplainOptions) => {
      io.exitCode = await explain(io, file, options);
    });
}

async function explain(io: CliIo, file: string, options: ExplainOptions): Promise<ExitCode> {
  refuseToOverwriteInputs(io, {
    reads: [
      { role: 'the complaint', path: file },
      { role: '--rules', path: options.rules },
    ],
    writes: [],
  });
  const { ruleSet, source } = loadRulesFile(io, options.rules);
  const text =
    options.line !== undefined
      ? await lineOf(io, file, options.line)
      : file === '-'
        ? await readAll(io.stdin)
        : readTextFile(io, file, 'complaint file', DEFAULT_MAX_LINE_BYTES * 16);
  const recommender = createRecommender({ ruleSet, locale: options.locale, trace: 'all' });
  try {
    // The JSON text as it is: the library parses it defensively (size, duplicate keys, syntax).
    const recommendation = await recommender.recommend(text);
    if (options.json) {
      io.stdout.write(`${JSON.stringify(recommendation, null, 2)}\n`);
    } else {
      const style = createStyle(colorWanted(io.stdout, io.env, options.color));
      io.stdout.write(renderExplanation(recommendation, ruleSet, source, style));
    }
    return ExitCode.ok;
  } catch (error) {
    if (!isRedressError(error)) throw error;
    const lines = error.issues.map((i) => `  ${i.pointer || '/'}: ${printable(i.message)}`);
    throw new CliError(
      [`the complaint is not valid (${error.code}):`, ...lines].join('\n'),
      ExitCode.dataProblems,
    );
  }
}

/** The text of line `n` of a JSON Lines file, read as a stream up to that line. */
async function lineOf(io: CliIo, file: string, n: number): Promise<string> {
  const input = openInput(io, file);
  for await (const raw of readLines(input.chunks, { maxLineBytes: DEFAULT_MAX_LINE_BYTES * 16 })) {
    if (raw.line < n) continue;
    if ('text' in raw) return raw.text;
    throw new CliError(
      `line ${n} of ${input.name} is ${raw.problem === 'too_long' ? 'too long' : 'not UTF-8 text'}`,
      ExitCode.dataProblems,
    );
  }
  throw new CliError(`${input.name} has fewer than ${n} lines`);
}
