import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { createRecommender } from '../../index';
import { recommendLines } from '../batch';
import { CliError, describeIoError } from '../cli-error';
import { ExitCode } from '../exit-code';
import { openInput } from '../input';
import { readLines } from '../line-reader';
import { concurrencyOption, maxLineBytesOption, quietOption, wholeNumber } from '../options';
import { type Progress, silentProgress, terminalProgress } from '../progress';
import { type LoadedRules, loadRulesFile } from '../rules-file';
import { renderReport } from '../simulate/report/html';
import { Simulation } from '../simulate/simulation';
import { renderSimulationText } from '../simulate/text';
import { reportResources } from '../stats';
import { colorWanted, createStyle } from '../style';

interface SimulateOptions {
  readonly rules?: string;
  readonly baseline?: string;
  readonly report?: string;
  readonly json?: boolean;
  readonly examples: number;
  readonly reportRows: number;
  readonly concurrency?: number;
  readonly maxLineBytes: number;
  readonly quiet?: boolean;
  readonly color?: boolean;
}

/** `redress simulate`: what a rule set would have done to a batch of complaints, against a baseline. */
export function simulateCommand(): Command {
  return new Command('simulate')
    .summary('replay complaints through a rule set and compare it with a baseline')
    .description(
      'Replay complaints through a rule set (and a baseline) and summarise: remedy mix, cost by tier and ' +
        'category, handling, and the complaints whose recommendation changed. --report writes the same ' +
        'as a self-contained HTML page with charts.',
    )
    .argument('<input>', 'JSON Lines file of complaints, or "-" for standard input')
    .option('-r, --rules <file>', 'the rule set to try (default: the built-in rules)')
    .option('-b, --baseline <file>', 'the rule set to compare with, e.g. the one in production')
    .option('--report <file>', 'also write a self-contained HTML report with charts and a sortable table')
    .option('--json', 'print the summary as JSON instead of text')
    .option('--examples <n>', 'largest changes listed in the text summary', wholeNumber(0, 1000), 10)
    .option('--report-rows <n>', 'largest changes in the report table', wholeNumber(0, 100_000), 1000)
    .addOption(concurrencyOption())
    .addOption(maxLineBytesOption())
    .addOption(quietOption())
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'do not colour the output')
    .addHelpText(
      'after',
      '\nExit status: 0 when every line was recommended, 1 when some lines failed, 2 when it cannot run.',
    )
    .action(async (input: string, options: SimulateOptions) => {
      process.exitCode = await simulate(input, options);
    });
}

async function simulate(inputPath: string, options: SimulateOptions): Promise<ExitCode> {
  const proposed = loadRulesFile(options.rules);
  const baseline: LoadedRules | undefined =
    options.baseline === undefined ? undefined : loadRulesFile(options.baseline);
  const input = openInput(inputPath);
  const recommenders = [proposed, ...(baseline ? [baseline] : [])].map((r) =>
    createRecommender({ ruleSet: r.ruleSet }),
  );
  const simulation = new Simulation(
    input.name,
    proposed,
    baseline,
    Math.max(options.examples, options.reportRows),
  );
  const progress: Progress =
    process.stderr.isTTY && !options.quiet
      ? terminalProgress(process.stderr, 'simulate', input.size)
      : silentProgress;

  const lines = readLines(input.chunks, { maxLineBytes: options.maxLineBytes });
  const items = recommendLines(
    lines,
    recommenders,
    options.maxLineBytes,
    options.concurrency === undefined ? {} : { concurrency: options.concurrency },
  );
  for await (const item of items) {
    const [now, before] = item.results;
    if (now === undefined) continue;
    const { failed } = simulation.add(item.line, now, before);
    progress.record(failed, item.bytes);
  }
  progress.done();

  const summary = simulation.summary();
  if (options.report !== undefined) {
    try {
      writeFileSync(options.report, renderReport(summary));
    } catch (error) {
      throw new CliError(`cannot write the report ${options.report}: ${describeIoError(error)}`);
    }
  }
  if (options.json) {
    const { largest, ...changes } = summary.changes ?? { largest: [] };
    const json = summary.changes
      ? { ...summary, changes: { ...changes, largest: largest.slice(0, options.examples) } }
      : summary;
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const style = createStyle(colorWanted(process.stdout, process.env, options.color));
    process.stdout.write(renderSimulationText(summary, options.examples, style));
    if (options.report !== undefined && !options.quiet)
      process.stdout.write(`\nreport written to ${options.report}\n`);
  }
  reportResources();
  return summary.errors.lines > 0 ? ExitCode.dataProblems : ExitCode.ok;
}
