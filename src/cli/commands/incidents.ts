import { Command, InvalidArgumentError, Option } from 'commander';
import {
  type Complaint,
  detectIncidents,
  INCIDENT_DEFAULTS,
  type Incident,
  type IncidentOptions,
  lineTooLong,
  safeParseComplaint,
} from '../../index';
import { ExitCode } from '../exit-code';
import { openInput } from '../input';
import { readLines } from '../line-reader';
import { type LineError, lineError } from '../line-record';
import { maxLineBytesOption, wholeNumber } from '../options';
import { printable } from '../style';

interface IncidentsCommandOptions {
  readonly window: string;
  readonly baseline: string;
  readonly minCount: number;
  readonly ratio: number;
  readonly groupBy: 'cause' | 'category';
  readonly json?: boolean;
  readonly maxLineBytes: number;
}

/** Complaint ids shown per incident in the text output; `--json` has them all. */
const SHOWN_IDS = 5;

function ratioNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 1) {
    throw new InvalidArgumentError('expected a number of at least 1');
  }
  return n;
}

/** `redress incidents`: bursts of complaints with one cause, as `detectIncidents` finds them. */
export function incidentsCommand(): Command {
  return new Command('incidents')
    .summary('find bursts of complaints with one cause (crisis mode)')
    .description(
      'Read complaints and list the incidents in them: bursts of complaints with one cause (category ' +
        "plus product or service) far above that cause's usual rate. A burst is judged only after one " +
        'window of history, unless --baseline 0.',
    )
    .argument('<input>', 'JSON Lines file of complaints, or "-" for standard input')
    .option(
      '-w, --window <duration>',
      'length of the sliding window, e.g. 90m, 24h, 7d',
      INCIDENT_DEFAULTS.window,
    )
    .option(
      '-b, --baseline <duration>',
      'history before the window that sets the usual rate; 0 judges by --min-count alone',
      INCIDENT_DEFAULTS.baseline,
    )
    .option(
      '--min-count <n>',
      'fewest complaints of one cause in one window for a burst',
      wholeNumber(2, 1_000_000_000),
      INCIDENT_DEFAULTS.minCount,
    )
    .option(
      '--ratio <x>',
      'how many times the usual count a window must reach',
      ratioNumber,
      INCIDENT_DEFAULTS.ratio,
    )
    .addOption(
      new Option('--group-by <how>', 'what makes two complaints the same cause')
        .choices(['cause', 'category'])
        .default(INCIDENT_DEFAULTS.groupBy),
    )
    .option('--json', 'print the incidents as a JSON array instead of text')
    .addOption(maxLineBytesOption())
    .addHelpText(
      'after',
      '\nExit status: 0 when every line was a valid complaint, 1 when some lines failed (each is reported ' +
        'on stderr and left out), 2 when it cannot run.',
    )
    .action(async (input: string, options: IncidentsCommandOptions) => {
      process.exitCode = await incidents(input, options);
    });
}

/** A duration flag as the library takes it: digits alone are milliseconds. */
const duration = (text: string): string | number => (/^\d+$/.test(text.trim()) ? Number(text) : text);

async function incidents(inputPath: string, options: IncidentsCommandOptions): Promise<ExitCode> {
  const detection: IncidentOptions = {
    window: duration(options.window),
    baseline: duration(options.baseline),
    minCount: options.minCount,
    ratio: options.ratio,
    groupBy: options.groupBy,
  };
  detectIncidents([], detection); // bad options are a usage error (exit 2) before any input is read
  const input = openInput(inputPath);
  const complaints: Complaint[] = [];
  let failed = 0;
  const fail = (error: LineError) => {
    failed += 1;
    const { code, message } = error.error;
    // Library messages already start with their code; the CLI's own ones do not.
    const text = message.startsWith(`${code}:`) ? message : `${code}: ${message}`;
    process.stderr.write(`${printable(`line ${error.line}: ${text}`)}\n`);
  };
  for await (const raw of readLines(input.chunks, { maxLineBytes: options.maxLineBytes })) {
    if ('problem' in raw) {
      fail(
        raw.problem === 'too_long'
          ? lineError(
              raw.line,
              'LIMIT_EXCEEDED',
              `${lineTooLong(raw.bytes, { limits: { maxLineBytes: options.maxLineBytes } })?.message ?? 'line too long'} (--max-line-bytes)`,
            )
          : lineError(raw.line, 'INVALID_JSON', 'the line is not valid UTF-8 text'),
      );
      continue;
    }
    if (raw.text.trim() === '') continue;
    const parsed = safeParseComplaint(raw.text, { limits: { maxLineBytes: options.maxLineBytes } });
    if (parsed.ok) complaints.push(parsed.value);
    else fail(lineError(raw.line, parsed.error.code, parsed.error.message));
  }
  const found = detectIncidents(complaints, detection);
  if (options.json) process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
  else process.stdout.write(renderIncidents(found, complaints.length));
  if (failed > 0) {
    process.stderr.write(
      `${failed} line${failed === 1 ? '' : 's'} failed and ${failed === 1 ? 'was' : 'were'} left out\n`,
    );
  }
  return failed > 0 ? ExitCode.dataProblems : ExitCode.ok;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const round = (n: number) => String(Math.round(n * 100) / 100);

/** The incidents as text, one block each; complaint ids are cut to the first few. */
export function renderIncidents(found: readonly Incident[], complaints: number): string {
  const read = `${complaints} complaint${complaints === 1 ? '' : 's'} read`;
  if (found.length === 0) return `no incidents (${read})\n`;
  const blocks = found.map((incident) => {
    const ids = incident.complaintIds;
    const shown =
      ids.slice(0, SHOWN_IDS).join(', ') +
      (ids.length > SHOWN_IDS ? `, … (+${ids.length - SHOWN_IDS} more)` : '');
    return [
      incident.id,
      `  cause      ${incident.cause.key}`,
      `  first      ${incident.firstAt}`,
      `  last       ${incident.lastAt}`,
      `  count      ${incident.count} (peak ${incident.peakCount} in one window, expected ${round(incident.expected)})`,
      `  growth     ${incident.growth === null ? 'new cause (none in the baseline)' : `×${round(incident.growth)}`}`,
      `  public     ${incident.publicCount} (${percent(incident.publicShare)})`,
      `  complaints ${shown}`,
    ]
      .map(printable)
      .join('\n');
  });
  return `${found.length} incident${found.length === 1 ? '' : 's'} (${read})\n\n${blocks.join('\n\n')}\n`;
}
