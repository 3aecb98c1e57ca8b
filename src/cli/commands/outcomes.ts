import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { OUTCOME_DEFAULTS, type OutcomeLineError, type OutcomeSummary } from '../../outcomes/index';
import { OutcomeJoin } from '../../outcomes/join';
import { CliError, describeIoError } from '../cli-error';
import { ExitCode } from '../exit-code';
import { type Input, openInput } from '../input';
import { type CliIo, filePath } from '../io';
import { isBlank, readLines, unreadableLine } from '../line-reader';
import { maxLineBytesOption, quietOption, wholeNumber } from '../options';
import { renderOutcomesReport } from '../outcomes/report';
import { type OutcomeInputs, renderOutcomesText } from '../outcomes/text';
import { refuseToOverwriteInputs } from '../overwrite-guard';
import { silentProgress, terminalProgress } from '../progress';
import { fileSink, type RecordSink } from '../record-sink';
import { reportResources } from '../stats';
import { colorWanted, createStyle } from '../style';

interface OutcomesOptions {
  readonly json?: boolean;
  readonly report?: string;
  readonly errors?: string;
  readonly minSample: number;
  readonly repeatWithin: number;
  readonly listed: number;
  readonly maxLineBytes: number;
  readonly quiet?: boolean;
  readonly color?: boolean;
}

/** `redress outcomes`: what each rule's remedies achieved, from stored recommendations and their outcomes. */
export function outcomesCommand(io: CliIo): Command {
  return new Command('outcomes')
    .summary('join outcomes to recommendations and report what each rule achieved')
    .description(
      'Join outcome records (CSAT, reopen, repeat complaint, churn, the answer to the offer) to the ' +
        'recommendations they followed, by complaint id, and report per rule, remedy, category, severity ' +
        'and rule set, with 95% intervals; mark the rules whose customers are less satisfied than the rest ' +
        'of their category. --report writes the same as a self-contained HTML page.',
    )
    .argument(
      '<recommendations>',
      'JSON Lines of recommendations, as redress recommend writes them ("-": standard input)',
    )
    .argument('<outcomes>', 'JSON Lines of outcome records, one per complaint ("-": standard input)')
    .option('--json', 'print the summary as JSON instead of text')
    .option('--report <file>', 'also write a self-contained HTML report with charts and sortable tables')
    .option(
      '-e, --errors <file>',
      'write every error line to this file as JSON Lines (the summary lists the first)',
    )
    .option(
      '--min-sample <n>',
      'fewest CSAT answers on each side to judge a rule against its category',
      wholeNumber(1, 1_000_000_000),
      OUTCOME_DEFAULTS.minSample,
    )
    .option(
      '--repeat-within <days>',
      'a next complaint within this many days counts as a repeat',
      wholeNumber(0, 3650),
      OUTCOME_DEFAULTS.repeatWithinDays,
    )
    .option(
      '--listed <n>',
      'unmatched ids and error lines listed in the summary',
      wholeNumber(0, 100_000),
      OUTCOME_DEFAULTS.listed,
    )
    .addOption(maxLineBytesOption())
    .addOption(quietOption())
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'do not colour the output')
    .addHelpText(
      'after',
      '\nExit status: 0 when every line was read, 1 when some lines were errors, 2 when it cannot run.',
    )
    .action(async (recommendations: string, outcomes: string, options: OutcomesOptions) => {
      io.exitCode = await summarize(io, { recommendations, outcomes }, options);
    });
}

/**
 * Refuses to write over an input — a command never destroys what it reads: `--report`, `--errors` and
 * standard output are compared with both inputs by file identity (`refuseToOverwriteInputs`).
 */
function checkOutputs(io: CliIo, inputs: OutcomeInputs, options: OutcomesOptions): void {
  if (inputs.recommendations === '-' && inputs.outcomes === '-')
    throw new CliError('only one of the two inputs can be standard input ("-")');
  refuseToOverwriteInputs(io, {
    reads: [
      { role: 'the recommendations', path: inputs.recommendations },
      { role: 'the outcomes', path: inputs.outcomes },
    ],
    writes: [
      { role: '--report', path: options.report },
      { role: '--errors', path: options.errors },
    ],
  });
}

async function feed(
  io: CliIo,
  input: Input,
  source: OutcomeLineError['source'],
  add: (text: string, line: number) => void,
  join: OutcomeJoin,
  options: OutcomesOptions,
): Promise<void> {
  const progress =
    io.stderr.isTTY && !options.quiet
      ? terminalProgress(io.stderr, source, input.size, io.now)
      : silentProgress;
  for await (const raw of readLines(input.chunks, { maxLineBytes: options.maxLineBytes })) {
    if ('problem' in raw)
      join.addUnreadable(source, raw.line, unreadableLine(raw.problem, raw.bytes, options.maxLineBytes));
    else if (!isBlank(raw.text)) add(raw.text, raw.line);
    progress.record('problem' in raw, raw.bytes);
  }
  progress.done();
}

function writeReport(io: CliIo, path: string, html: string): void {
  try {
    writeFileSync(filePath(io, path), html);
  } catch (error) {
    throw new CliError(`cannot write the report ${path}: ${describeIoError(error)}`);
  }
}

async function summarize(io: CliIo, inputs: OutcomeInputs, options: OutcomesOptions): Promise<ExitCode> {
  checkOutputs(io, inputs, options);
  const outcomesInput = openInput(io, inputs.outcomes);
  const recommendationsInput = openInput(io, inputs.recommendations);
  const sink: RecordSink | undefined =
    options.errors === undefined ? undefined : fileSink(io, options.errors, 'truncate');
  const join = new OutcomeJoin({
    minSample: options.minSample,
    repeatWithinDays: options.repeatWithin,
    listed: options.listed,
    limits: { maxLineBytes: options.maxLineBytes },
    ...(sink ? { onError: (e: OutcomeLineError) => void sink.write(e) } : {}),
  });
  // Outcomes first: they are kept (compactly), the recommendations stream past them.
  await feed(io, outcomesInput, 'outcomes', (text, line) => join.addOutcome(text, line), join, options);
  await feed(
    io,
    recommendationsInput,
    'recommendations',
    (text, line) => join.addRecommendation(text, line),
    join,
    options,
  );
  await sink?.close();
  const summary = join.summary();
  const named = { recommendations: recommendationsInput.name, outcomes: outcomesInput.name };
  if (options.report !== undefined) writeReport(io, options.report, renderOutcomesReport(summary, named));
  print(io, summary, named, options);
  reportResources(io);
  return summary.errors.count > 0 ? ExitCode.dataProblems : ExitCode.ok;
}

function print(io: CliIo, summary: OutcomeSummary, inputs: OutcomeInputs, options: OutcomesOptions): void {
  if (options.json) {
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const style = createStyle(colorWanted(io.stdout, io.env, options.color));
  io.stdout.write(renderOutcomesText(summary, inputs, style));
  if (options.report !== undefined && !options.quiet)
    io.stdout.write(`\nreport written to ${options.report}\n`);
}
