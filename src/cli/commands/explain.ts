import { Command } from 'commander';
import { issue, RedressError } from '../../errors';
import { createRecommender, isRedressError, type Locale, limits } from '../../index';
import { limitIssue } from '../../input/limits';
import { decodeUtf8, readFileBounded, readStreamBounded, type TextSource } from '../bounded-read';
import { CliError } from '../cli-error';
import { ExitCode } from '../exit-code';
import { renderExplanation } from '../explain/render';
import { openInput } from '../input';
import type { CliIo } from '../io';
import { readLines } from '../line-reader';
import { localeOption, ratesOption, rulesOption, wholeNumber } from '../options';
import { refuseToOverwriteInputs } from '../overwrite-guard';
import { ratesFor, readRatesFile } from '../rates-file';
import { loadRulesFile } from '../rules-file';
import { colorWanted, createStyle, printable } from '../style';

interface ExplainOptions {
  readonly line?: number;
  readonly rules?: string;
  readonly rates?: string;
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
    .addOption(ratesOption())
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
      { role: '--rates', path: options.rates },
    ],
    writes: [],
  });
  const { ruleSet, source } = loadRulesFile(io, options.rules);
  const exchangeRates = ratesFor(readRatesFile(io, options.rates), ruleSet);
  const recommender = createRecommender({
    ruleSet,
    locale: options.locale,
    trace: 'all',
    ...(exchangeRates ? { exchangeRates } : {}),
  });
  try {
    // The JSON text as it is: the library parses it defensively (size, duplicate keys, syntax).
    const recommendation = await recommender.recommend(await complaintText(io, file, options.line));
    if (options.json) {
      io.stdout.write(`${JSON.stringify(recommendation, null, 2)}\n`);
    } else {
      const style = createStyle(colorWanted(io.stdout, io.env, options.color));
      io.stdout.write(renderExplanation(recommendation, ruleSet, source, style));
    }
    return ExitCode.ok;
  } catch (error) {
    if (!isRedressError(error)) throw error;
    const lines = error.issues.map(
      (i) =>
        `  ${i.pointer || '/'}: ${printable(i.message)}${i.hint === undefined ? '' : ` (${printable(i.hint)})`}`,
    );
    const what =
      error.code === 'NO_EXCHANGE_RATE'
        ? 'the complaint cannot be priced without an exchange rate'
        : 'the complaint is not valid';
    throw new CliError([`${what} (${error.code}):`, ...lines].join('\n'), ExitCode.dataProblems);
  }
}

/** A complaint read whole is read no further than the library's limit on a complaint. */
function complaintSource(name: string): TextSource {
  return { name, sizeLimit: 'maxComplaintBytes', maxBytes: limits.maxComplaintBytes };
}

/**
 * The complaint's text: line `line` of a JSON Lines file, or a whole file or standard input, bounded
 * and UTF-8 whatever the source (a pipe, a device).
 *
 * @throws RedressError `LIMIT_EXCEEDED` or `INVALID_JSON`: the complaint is refused as the library
 *   would refuse the same text.
 */
async function complaintText(io: CliIo, file: string, line: number | undefined): Promise<string> {
  if (line !== undefined) return lineOf(io, file, line);
  if (file === '-') {
    const source = complaintSource('standard input');
    return decodeUtf8(await readStreamBounded(io.stdin, source), source);
  }
  const source = complaintSource(`complaint file ${file}`);
  return decodeUtf8(readFileBounded(io, file, source), source);
}

/** The text of line `n` of a JSON Lines file, read as a stream up to that line and no further. */
async function lineOf(io: CliIo, file: string, n: number): Promise<string> {
  const input = openInput(io, file);
  const max = limits.maxComplaintBytes;
  for await (const raw of readLines(input.chunks, { maxLineBytes: max, lastLine: n })) {
    if (raw.line < n) continue;
    if ('text' in raw) return raw.text;
    const what = `line ${n} of ${input.name}`;
    throw raw.problem === 'too_long'
      ? new RedressError('LIMIT_EXCEEDED', [
          limitIssue('maxComplaintBytes', max, [], `${what} (more than ${max} bytes)`),
        ])
      : new RedressError('INVALID_JSON', [issue('invalid_utf8', [], `${what} is not UTF-8 text`)]);
  }
  throw new CliError(`${input.name} has fewer than ${n} lines`);
}
