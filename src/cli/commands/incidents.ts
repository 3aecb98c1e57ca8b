import { Command } from 'commander';
import type { Incident } from '../../incidents/index';
import { lineTooLong, safeParseComplaint } from '../../index';
import { ExitCode } from '../exit-code';
import { IncidentCollector } from '../incident-collector';
import { type IncidentFlagValues, incidentFlags, incidentSettings } from '../incident-flags';
import { openInput } from '../input';
import type { CliIo } from '../io';
import { isBlank, readLines } from '../line-reader';
import { type LineError, lineError } from '../line-record';
import { maxLineBytesOption } from '../options';
import { refuseToOverwriteInputs } from '../overwrite-guard';
import { printable } from '../style';

interface IncidentsCommandOptions extends IncidentFlagValues {
  readonly json?: boolean;
  readonly maxLineBytes: number;
}

/** Complaint ids shown per incident in the text output; `--json` has them all. */
const SHOWN_IDS = 5;

/** `redress incidents`: bursts of complaints with one cause, as `detectIncidents` finds them. */
export function incidentsCommand(io: CliIo): Command {
  const command = new Command('incidents')
    .summary('find bursts of complaints with one cause (crisis mode)')
    .description(
      'Read complaints and list the incidents in them: bursts of complaints with one cause (category ' +
        "plus product or service) far above that cause's usual rate. A burst is judged only after one " +
        'window of history, unless --baseline 0.',
    )
    .argument('<input>', 'JSON Lines file of complaints, or "-" for standard input');
  for (const option of incidentFlags('-b, --baseline')) command.addOption(option);
  return command
    .option('--json', 'print the incidents as a JSON array instead of text')
    .addOption(maxLineBytesOption())
    .addHelpText(
      'after',
      '\nExit status: 0 when every line was a valid complaint, 1 when some lines failed (each is reported ' +
        'on stderr and left out), 2 when it cannot run.',
    )
    .action(async (input: string, options: IncidentsCommandOptions) => {
      io.exitCode = await incidents(io, input, options);
    });
}

async function incidents(io: CliIo, inputPath: string, options: IncidentsCommandOptions): Promise<ExitCode> {
  // Bad options are a usage error (exit 2) before any input is read.
  const collector = new IncidentCollector(incidentSettings(options));
  refuseToOverwriteInputs(io, { reads: [{ role: 'the input', path: inputPath }], writes: [] });
  const input = openInput(io, inputPath);
  let failed = 0;
  const fail = (error: LineError) => {
    failed += 1;
    const { code, message } = error.error;
    // Library messages already start with their code; the CLI's own ones do not.
    const text = message.startsWith(`${code}:`) ? message : `${code}: ${message}`;
    io.stderr.write(`${printable(`line ${error.line}: ${text}`)}\n`);
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
    if (isBlank(raw.text)) continue;
    const parsed = safeParseComplaint(raw.text, { limits: { maxLineBytes: options.maxLineBytes } });
    if (!parsed.ok) {
      fail(lineError(raw.line, parsed.error.code, parsed.error.message));
      continue;
    }
    // Only what detection reads is kept, not the complaint: memory grows slowly with the file.
    const entry = collector.read(parsed.value, raw.line);
    if (entry) collector.add(entry);
  }
  const found = collector.detect();
  if (options.json) io.stdout.write(`${JSON.stringify(found.incidents, null, 2)}\n`);
  else io.stdout.write(renderIncidents(found.incidents, found.complaints));
  if (failed > 0) {
    io.stderr.write(
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
