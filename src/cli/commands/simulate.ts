import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { Entry } from '../../incidents/types';
import { createRecommender, type RecommenderOptions } from '../../index';
import { type BatchItem, recommendLines } from '../batch';
import { CliError, describeIoError } from '../cli-error';
import { ExitCode } from '../exit-code';
import { fromAcceptedJson, IncidentCollector } from '../incident-collector';
import { type IncidentFlagValues, incidentFlags, incidentSettings } from '../incident-flags';
import { openInput } from '../input';
import { type CliIo, filePath } from '../io';
import { isBlank, type RawLine, readLineBatches, readLines, unreadableLine } from '../line-reader';
import { isLineError } from '../line-record';
import { linkOption, maxLineBytesOption, quietOption, ratesOption, wholeNumber } from '../options';
import { refuseToOverwriteInputs } from '../overwrite-guard';
import { type Progress, silentProgress, terminalProgress } from '../progress';
import { type RatesFile, ratesFor, readRatesFile } from '../rates-file';
import { type LoadedRules, loadRulesFile } from '../rules-file';
import { OutcomeEvidence } from '../simulate/outcome-evidence';
import { type ReplayItem, replayChunks } from '../simulate/replay';
import { renderReport } from '../simulate/report/html';
import type { Reporting } from '../simulate/reporting';
import { Simulation, type SimulationIncidents } from '../simulate/simulation';
import { tallied } from '../simulate/tallied';
import { renderSimulationText } from '../simulate/text';
import { reportResources } from '../stats';
import { colorWanted, createStyle } from '../style';
import { workerLostNotice } from '../worker-lost';

interface SimulateOptions extends Omit<IncidentFlagValues, 'baseline'> {
  readonly rules?: string;
  readonly rates?: string;
  readonly baseline?: string;
  readonly report?: string;
  readonly outcomes?: string;
  readonly json?: boolean;
  readonly examples: number;
  readonly reportRows: number;
  readonly concurrency?: number;
  /** `--workers`: worker threads for the replay; absent: one fewer than the cores, once the input is large. */
  readonly workers?: number;
  /** False with `--no-link`. */
  readonly link: boolean;
  readonly maxLineBytes: number;
  readonly quiet?: boolean;
  readonly color?: boolean;
  /** `--incident-baseline`: `--baseline` is the rule set to compare with. */
  readonly incidentBaseline: string;
  /** False with `--no-incidents`. */
  readonly incidents: boolean;
  readonly applyIncidents?: boolean;
}

/** `redress simulate`: what a rule set would have done to a batch of complaints, against a baseline. */
export function simulateCommand(io: CliIo): Command {
  const command = new Command('simulate')
    .summary('replay complaints through a rule set and compare it with a baseline')
    .description(
      'Replay complaints through a rule set (and a baseline) and summarise: remedy mix, cost by tier and ' +
        'category, handling, the complaints whose recommendation changed, and the incidents (bursts of ' +
        'complaints with one cause, as `redress incidents` finds them). --report writes the same as a ' +
        'self-contained HTML page with charts.',
    )
    .argument('<input>', 'JSON Lines file of complaints, or "-" for standard input')
    .option('-r, --rules <file>', 'the rule set to try (default: the built-in rules)')
    .option('-b, --baseline <file>', 'the rule set to compare with, e.g. the one in production')
    .addOption(ratesOption())
    .option('--report <file>', 'also write a self-contained HTML report with charts and a sortable table')
    .option(
      '--outcomes <file>',
      "outcome records of the complaints under the baseline's decisions (as redress outcomes reads them): " +
        'shows how the old decision fared for the complaints whose recommendation changes; needs --baseline',
    )
    .option('--json', 'print the summary as JSON instead of text')
    .option('--examples <n>', 'largest changes listed in the text summary', wholeNumber(0, 1000), 10)
    .option('--report-rows <n>', 'largest changes in the report table', wholeNumber(0, 100_000), 1000)
    .addOption(linkOption())
    .option(
      '--workers <n>',
      'worker threads replaying the lines beside the calling thread (default: one fewer than the cores, once past the first 1,000 lines; 0: none)',
      wholeNumber(0, 64),
    )
    .addOption(maxLineBytesOption())
    .addOption(quietOption())
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'do not colour the output');
  const incidentOptions = [
    new Option('--no-incidents', 'do not look for incidents'),
    new Option(
      '--apply-incidents',
      "replay in crisis mode: each incident's complaints get its shared policy under each rule set " +
        '(holds the whole input in memory)',
    ).conflicts('incidents'),
    ...incidentFlags('--incident-baseline'),
    // Only crisis mode's batches take a concurrency; the replay's threads are --workers.
    new Option(
      '-c, --concurrency <n>',
      'with --apply-incidents: complaints in flight at once (the replay itself: --workers)',
    ).argParser(wholeNumber(1, 1024)),
  ];
  for (const option of incidentOptions) command.addOption(option.helpGroup('Incident options:'));
  return command
    .addHelpText(
      'after',
      '\nExit status: 0 when every line was recommended, 1 when some lines failed, 2 when it cannot run.',
    )
    .action(async (input: string, options: SimulateOptions) => {
      io.exitCode = await simulate(io, input, options);
    });
}

async function simulate(io: CliIo, inputPath: string, options: SimulateOptions): Promise<ExitCode> {
  const incidents = incidentDetection(options);
  refuseToOverwriteInputs(io, {
    reads: [
      { role: 'the input', path: inputPath },
      { role: '--rules', path: options.rules },
      { role: '--baseline', path: options.baseline },
      { role: '--rates', path: options.rates },
      { role: '--outcomes', path: options.outcomes },
    ],
    writes: [{ role: '--report', path: options.report }],
  });
  const proposed = loadRulesFile(io, options.rules);
  const baseline: LoadedRules | undefined =
    options.baseline === undefined ? undefined : loadRulesFile(io, options.baseline);
  const evidence = await outcomeEvidence(io, options, baseline);
  const money = simulationMoney(io, options, proposed, baseline);
  const input = openInput(io, inputPath);
  const sides = [proposed, ...(baseline ? [baseline] : [])].map((r) => {
    const exchangeRates = r.ruleSet.currency === undefined ? undefined : money.rates;
    return { ruleSet: r.ruleSet, ...(exchangeRates ? { exchangeRates } : {}) };
  });
  const simulation = new Simulation(
    input.name,
    proposed,
    baseline,
    Math.max(options.examples, options.reportRows),
    incidents,
    evidence,
    money.reporting,
  );
  const progress: Progress =
    io.stderr.isTTY && !options.quiet
      ? terminalProgress(io.stderr, 'simulate', input.size, io.now)
      : silentProgress;

  const batches = readLineBatches(input.chunks, { maxLineBytes: options.maxLineBytes });
  const workerLost = workerLostNotice(io, 'simulate', 'decided');
  for await (const items of replay(batches, sides, options, incidents, workerLost)) {
    for (const item of items) {
      const [now, before] = item.results;
      if (now === undefined) continue;
      const { failed } = simulation.add(item.line, now, before, item.seen);
      progress.record(failed, item.bytes);
    }
  }
  progress.done();

  const summary = simulation.summary();
  if (options.report !== undefined) {
    try {
      writeFileSync(filePath(io, options.report), renderReport(summary));
    } catch (error) {
      throw new CliError(`cannot write the report ${options.report}: ${describeIoError(error)}`);
    }
  }
  if (options.json) {
    const { largest, ...changes } = summary.changes ?? { largest: [] };
    const json = summary.changes
      ? { ...summary, changes: { ...changes, largest: largest.slice(0, options.examples) } }
      : summary;
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const style = createStyle(colorWanted(io.stdout, io.env, options.color));
    io.stdout.write(renderSimulationText(summary, options.examples, style));
    if (options.report !== undefined && !options.quiet)
      io.stdout.write(`\nreport written to ${options.report}\n`);
  }
  reportResources(io);
  return summary.errors.lines > 0 ? ExitCode.dataProblems : ExitCode.ok;
}

/**
 * Each line's results under every rule set. A replay reads and validates each complaint once and
 * decides it under every rule set without writing the words nobody reads; in crisis mode
 * (`--apply-incidents`) an incident's policy may depend on any later line, so the lines go through
 * the recommenders' own crisis-mode batches.
 */
function replay(
  batches: AsyncIterable<readonly RawLine[]>,
  sides: readonly RecommenderOptions[],
  options: SimulateOptions,
  incidents: SimulationIncidents | undefined,
  onWorkerLost: (why: string) => void,
): AsyncIterable<readonly ReplayItem[]> {
  const collector = incidents?.collector;
  if (!incidents?.applied) {
    return replayChunks(batches, {
      sides,
      maxLineBytes: options.maxLineBytes,
      link: options.link,
      ...(collector ? { incidents: collector } : {}),
      // Outcome evidence reads the baseline's remedies of every complaint, changed or not.
      ...(options.outcomes === undefined ? {} : { keepAllRemedies: true }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      onWorkerLost,
    });
  }
  // Read while the line's JSON is at hand; kept only if the complaint gets a recommendation.
  const inspect = collector
    ? { inspect: (value: unknown, line: number) => collector.read(fromAcceptedJson(value), line) }
    : {};
  return talliedItems(
    recommendLines(eachLine(batches), sides.map(createRecommender), options.maxLineBytes, {
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.link ? {} : { link: false }),
      incidents: incidents.options,
      ...inspect,
      onWorkerLost,
    }),
  );
}

/** The lines of `batches`, one at a time (as crisis mode's batches read them). */
async function* eachLine(batches: AsyncIterable<readonly RawLine[]>): AsyncGenerator<RawLine> {
  for await (const lines of batches) yield* lines;
}

/** Crisis mode's items with what the summary reads of each recommendation, one at a time. */
async function* talliedItems(
  items: AsyncIterable<BatchItem<Entry | undefined>>,
): AsyncGenerator<readonly ReplayItem[]> {
  for await (const item of items) {
    const results = item.results.map((r) => (isLineError(r) ? r : tallied(r)));
    yield [{ ...item, results }];
  }
}

/** The outcomes under the baseline (`--outcomes`), read before the complaints; they need a baseline to be under. */
async function outcomeEvidence(
  io: CliIo,
  options: SimulateOptions,
  baseline: LoadedRules | undefined,
): Promise<OutcomeEvidence | undefined> {
  if (options.outcomes === undefined) return undefined;
  if (baseline === undefined) {
    throw new CliError(
      "--outcomes needs --baseline: the outcomes followed the baseline's decisions, which the new rules are compared with",
    );
  }
  const input = openInput(io, options.outcomes);
  const { name, version } = baseline.ruleSet;
  const evidence = new OutcomeEvidence(input.name, { name, version });
  for await (const raw of readLines(input.chunks, { maxLineBytes: options.maxLineBytes })) {
    if ('problem' in raw)
      evidence.addUnreadable(raw.line, unreadableLine(raw.problem, raw.bytes, options.maxLineBytes));
    else if (!isBlank(raw.text)) evidence.addOutcome(raw.text, raw.line);
  }
  return evidence;
}

/**
 * The rates of `--rates` and the currency costs are added up in: the rule sets' currency. Rates are
 * per one unit of one currency, so rule sets in two different currencies cannot share a rates file;
 * a rule set without a currency reads amounts in each complaint's and is given no rates.
 */
function simulationMoney(
  io: CliIo,
  options: SimulateOptions,
  proposed: LoadedRules,
  baseline: LoadedRules | undefined,
): { rates?: ReturnType<typeof ratesFor>; reporting?: Reporting } {
  const file: RatesFile | undefined = readRatesFile(io, options.rates);
  if (!file) return {};
  const sides = [proposed, ...(baseline ? [baseline] : [])];
  const priced = sides.filter((side) => side.ruleSet.currency !== undefined);
  const currencies = [...new Set(priced.map((side) => side.ruleSet.currency as string))];
  if (currencies.length > 1) {
    throw new CliError(
      `--rates: the rule sets are in ${currencies.join(' and ')}, and a rates file is per one currency; ` +
        'compare rule sets in one currency',
    );
  }
  const first = priced[0];
  if (!first) {
    throw new CliError(
      '--rates: no rule set names a currency, so there is nothing to convert to; add "currency": "EUR" to the rule set',
    );
  }
  const rates = ratesFor(file, first.ruleSet);
  for (const side of sides) {
    if (side.ruleSet.currency === undefined && !options.quiet) {
      io.stderr.write(
        `redress: rule set "${side.ruleSet.name}" (${side.source}) names no currency: it reads amounts in ` +
          `each complaint's own, and its costs are converted into ${first.ruleSet.currency} only for the summary\n`,
      );
    }
  }
  return rates ? { rates, reporting: { currency: first.ruleSet.currency as string, rates } } : {};
}

/** Incident detection as the flags ask for it; bad detection options are a usage error (exit 2). */
function incidentDetection(options: SimulateOptions): SimulationIncidents | undefined {
  if (!options.incidents) return undefined;
  const settings = incidentSettings({ ...options, baseline: options.incidentBaseline });
  return {
    collector: new IncidentCollector(settings),
    options: settings,
    applied: options.applyIncidents === true,
  };
}
