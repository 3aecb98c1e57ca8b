import { Command } from 'commander';
import { createRecommender, isRedressError, type Locale } from '../../index';
import { type BatchItem, type BatchOptions, recommendLines, recordTexts } from '../batch';
import { CliError } from '../cli-error';
import { ExitCode } from '../exit-code';
import { type IncidentFlagValues, incidentFlags, incidentSettings } from '../incident-flags';
import { type Input, openInput } from '../input';
import type { CliIo } from '../io';
import { readLines } from '../line-reader';
import { isLineError } from '../line-record';
import {
  concurrencyOption,
  linkOption,
  localeOption,
  maxLineBytesOption,
  quietOption,
  ratesOption,
  rulesOption,
} from '../options';
import { refuseToOverwriteInputs } from '../overwrite-guard';
import { type Progress, silentProgress, terminalProgress } from '../progress';
import { ratesFor, readRatesFile } from '../rates-file';
import { fileSink, type RecordSink, streamSink } from '../record-sink';
import { ContinuationCheck, prepareResume, type ResumePoint } from '../resume';
import { loadRulesFile } from '../rules-file';
import { reportResources } from '../stats';
import { inTimeOrder } from '../time-order';
import { workerLostNotice } from '../worker-lost';

interface RecommendOptions extends IncidentFlagValues {
  readonly incidents?: boolean;
  readonly rules?: string;
  readonly rates?: string;
  readonly locale: Locale | 'auto';
  readonly output?: string;
  readonly errors?: string;
  readonly resume?: boolean;
  readonly concurrency?: number;
  /** False with `--no-link`. */
  readonly link: boolean;
  readonly maxLineBytes: number;
  readonly quiet?: boolean;
}

/** `redress recommend`: JSON Lines of complaints in, one recommendation (or error record) per line out. */
export function recommendCommand(io: CliIo): Command {
  const command = new Command('recommend')
    .summary('recommend remedies for every complaint in a JSON Lines file, streaming')
    .description(
      'Recommend remedies for every complaint in a JSON Lines file (or standard input), streaming: one ' +
        'output line per input line, in input order. A bad line yields an error record (line, code, path) ' +
        'and never stops the run. Blank lines are skipped.',
    )
    .argument('[input]', 'JSON Lines file, or "-" for standard input', undefined)
    .addOption(rulesOption())
    .addOption(ratesOption())
    .addOption(localeOption())
    .option('-o, --output <file>', 'write recommendations to this file instead of standard output')
    .option('-e, --errors <file>', 'write error records to this file instead of with the recommendations')
    .option(
      '--resume',
      'continue an interrupted run: keep the complete lines already in --output (and --errors) and ' +
        'process only the input after them; cases begun before that point are not seen again, so a ' +
        'complaint whose case started before it opens a new case (docs/cases.md)',
    )
    .addOption(concurrencyOption())
    .addOption(linkOption())
    .addOption(maxLineBytesOption())
    .addOption(quietOption())
    .option(
      '--incidents',
      'crisis mode: answer the complaints of each incident with one voice (the flags below set detection); ' +
        'time-ordered input streams in bounded memory, a file out of order is read in passes',
    )
    .addHelpText(
      'after',
      '\nExit status: 0 when every line got a recommendation, 1 when some lines failed, 2 when the ' +
        'command could not run (usage, unreadable input, invalid rules).',
    )
    .action(async (input: string | undefined, options: RecommendOptions) => {
      io.exitCode = await recommend(io, input, options);
    });
  for (const option of incidentFlags('-b, --baseline')) command.addOption(option);
  return command;
}

async function recommend(
  io: CliIo,
  inputPath: string | undefined,
  options: RecommendOptions,
): Promise<ExitCode> {
  checkOptions(options);
  refuseToOverwriteInputs(io, {
    reads: [
      { role: 'the input', path: inputPath },
      { role: '--rules', path: options.rules },
      { role: '--rates', path: options.rates },
    ],
    writes: [
      { role: '--output', path: options.output },
      { role: '--errors', path: options.errors },
    ],
    stdinByDefault: true,
  });
  const { ruleSet } = loadRulesFile(io, options.rules);
  const exchangeRates = ratesFor(readRatesFile(io, options.rates), ruleSet);
  const recommender = createRecommender({
    ruleSet,
    locale: options.locale,
    ...(exchangeRates ? { exchangeRates } : {}),
  });
  const input = openInput(io, inputPath);
  const resume = resumePoints(io, options, input.name);

  const mode = options.resume ? 'append' : 'truncate';
  const out: RecordSink =
    options.output === undefined ? streamSink(io.stdout) : fileSink(io, options.output, mode);
  const errors: RecordSink = options.errors === undefined ? out : fileSink(io, options.errors, mode);
  const progress: Progress =
    io.stderr.isTTY && !options.quiet
      ? terminalProgress(io.stderr, 'recommend', input.size, io.now)
      : silentProgress;

  let failed = 0;
  try {
    const crisis = options.incidents ? await crisisOptions(io, inputPath, options) : {};
    const lines = readLines(input.chunks, { maxLineBytes: options.maxLineBytes });
    const items = recommendLines(lines, [recommender], options.maxLineBytes, {
      ...batchOptions(options, input, resume),
      ...crisis,
      onWorkerLost: workerLostNotice(io, 'recommend', 'recommended'),
    });
    failed = await writeRecords(items, { out, errors, progress }).catch((error: unknown) => {
      throw outOfOrder(error, input);
    });
  } finally {
    resume.continuation?.close();
    await out.close();
    if (errors !== out) await errors.close();
  }
  progress.done();
  reportResources(io);
  return failed > 0 ? ExitCode.dataProblems : ExitCode.ok;
}

/**
 * Crisis mode's batch options: standard input is streamed, so it must come in time order; a file is
 * read once first to see whether it does (then it streams too), else it is read in passes: once for
 * its incidents, once for their members, and once for the results.
 */
async function crisisOptions(
  io: CliIo,
  inputPath: string | undefined,
  options: RecommendOptions,
): Promise<Pick<BatchOptions, 'incidents' | 'timeOrdered' | 'readAgain'>> {
  const incidents = incidentSettings(options);
  const stdin = inputPath === undefined || inputPath === '-';
  const timeOrdered = stdin || (await inTimeOrder(openInput(io, inputPath), options.maxLineBytes));
  if (timeOrdered) return { incidents, timeOrdered };
  const { maxLineBytes } = options;
  const readAgain = () => recordTexts(readLines(openInput(io, inputPath).chunks, { maxLineBytes }));
  return { incidents, timeOrdered, readAgain };
}

/** Standard input out of time order (or a file that changed between passes), said as what to do about it. */
function outOfOrder(error: unknown, input: Input): unknown {
  if (isRedressError(error) && error.issues[0]?.code === 'changed') {
    return new CliError(
      `${input.name} changed while it was read: --incidents reads a file out of time order more than once, ` +
        'and the complaints read again were not the same; run it again on a file that stays as it is',
    );
  }
  if (!isRedressError(error) || error.issues[0]?.code !== 'out_of_order') return error;
  const id = /complaint ("[^"]*")/.exec(error.issues[0]?.message ?? '')?.[1] ?? 'a complaint';
  return new CliError(
    `${input.name} is not in time order: ${id} is earlier than the complaint before it. ` +
      '--incidents streams standard input only in time order: sort it by receivedAt, or name the file ' +
      '(a file out of order is read in passes)',
  );
}

function checkOptions(options: RecommendOptions): void {
  if (options.incidents && options.resume) {
    throw new CliError('--resume cannot be used with --incidents: detection needs the whole input');
  }
  if (options.resume && options.output === undefined) {
    throw new CliError('--resume needs --output FILE: only a file can be continued');
  }
  if (options.errors !== undefined && options.errors === options.output) {
    throw new CliError('--errors and --output must be different files');
  }
}

/** Where an earlier run of `--resume` stopped: in the output, and in the errors file when there is one. */
interface Resume {
  readonly output?: ResumePoint;
  readonly errors?: ResumePoint;
  /** Records already done. */
  readonly skip: number;
  /** Checks that the records already done are this input's (when there are any). */
  readonly continuation?: ContinuationCheck;
}

function resumePoints(io: CliIo, options: RecommendOptions, inputName: string): Resume {
  if (!options.resume || options.output === undefined) return { skip: 0 };
  const output = prepareResume(io, options.output);
  const errors = options.errors === undefined ? undefined : prepareResume(io, options.errors);
  notice(io, options, resumeNotice(options.output, output, errors));
  const skip = output.records + (errors?.records ?? 0);
  const files = {
    output: options.output,
    inputName,
    ...(options.errors === undefined ? {} : { errors: options.errors }),
  };
  return {
    output,
    ...(errors === undefined ? {} : { errors }),
    skip,
    ...(skip > 0 ? { continuation: new ContinuationCheck(io, files) } : {}),
  };
}

function batchOptions(
  options: RecommendOptions,
  input: { readonly name: string },
  resume: Resume,
): BatchOptions {
  const { skip } = resume;
  return {
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.link ? {} : { link: false }),
    skip,
    ...(resume.continuation ? { onSkipped: resume.continuation.check.bind(resume.continuation) } : {}),
    onShortInput: (records) => {
      throw new CliError(
        `cannot resume: ${options.output} already has ${skip} records, but ${input.name} has only ${records}`,
      );
    },
  };
}

/** Writes each record where it belongs; returns how many lines failed. */
async function writeRecords(
  items: AsyncIterable<BatchItem>,
  to: { readonly out: RecordSink; readonly errors: RecordSink; readonly progress: Progress },
): Promise<number> {
  let failed = 0;
  for await (const item of items) {
    const [record] = item.results;
    if (record === undefined) continue;
    const isFailure = isLineError(record);
    if (isFailure) failed += 1;
    await (isFailure ? to.errors : to.out).write(record);
    to.progress.record(isFailure, item.bytes);
  }
  return failed;
}

function notice(io: CliIo, options: RecommendOptions, text: string): void {
  if (!options.quiet) io.stderr.write(`redress: ${text}\n`);
}

function resumeNotice(output: string, out: ResumePoint, errors: ResumePoint | undefined): string {
  const dropped = out.droppedBytes + (errors?.droppedBytes ?? 0);
  const done = out.records + (errors?.records ?? 0);
  return (
    `resuming after ${done} record${done === 1 ? '' : 's'} already in ${output}${errors ? ' and the errors file' : ''}` +
    (dropped > 0 ? ` (dropped an incomplete last line of ${dropped} bytes)` : '')
  );
}
