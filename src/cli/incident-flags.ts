import { InvalidArgumentError, Option } from 'commander';
import { INCIDENT_DEFAULTS } from '../incidents/index';
import type { IncidentOptions } from '../index';
import { wholeNumber } from './options';

/** The detection flags as commander parses them (`--baseline` is named by the command). */
export interface IncidentFlagValues {
  readonly window: string;
  readonly baseline: string;
  readonly minCount: number;
  readonly ratio: number;
  readonly groupBy: 'cause' | 'category';
}

/** The detection options a run used, as `--json` reports them: durations as given, every default filled in. */
export interface IncidentSettings {
  readonly window: string | number;
  readonly baseline: string | number;
  readonly minCount: number;
  readonly ratio: number;
  readonly groupBy: 'cause' | 'category';
}

function ratioNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 1) {
    throw new InvalidArgumentError('expected a number of at least 1');
  }
  return n;
}

/**
 * The flags of `detectIncidents`' options with its defaults, shared by `redress incidents` and
 * `redress simulate`. `baselineFlag` names the baseline flag: `simulate` already has a `--baseline`
 * (the rule set to compare with), so there it is `--incident-baseline`.
 */
export function incidentFlags(baselineFlag: '-b, --baseline' | '--incident-baseline'): Option[] {
  return [
    new Option('-w, --window <duration>', 'length of the sliding window, e.g. 90m, 24h, 7d').default(
      INCIDENT_DEFAULTS.window,
    ),
    new Option(
      `${baselineFlag} <duration>`,
      'history before the window that sets the usual rate; 0 judges by --min-count alone',
    ).default(INCIDENT_DEFAULTS.baseline),
    new Option('--min-count <n>', 'fewest complaints of one cause in one window for a burst')
      .argParser(wholeNumber(2, 1_000_000_000))
      .default(INCIDENT_DEFAULTS.minCount),
    new Option('--ratio <x>', 'how many times the usual count a window must reach')
      .argParser(ratioNumber)
      .default(INCIDENT_DEFAULTS.ratio),
    new Option('--group-by <how>', 'what makes two complaints the same cause')
      .choices(['cause', 'category'])
      .default(INCIDENT_DEFAULTS.groupBy),
  ];
}

/** A duration flag as the library takes it: digits alone are milliseconds. */
const duration = (text: string): string | number => (/^\d+$/.test(text.trim()) ? Number(text) : text);

/** The flags' values as the library's options (not yet validated: the library checks durations). */
export function incidentSettings(values: IncidentFlagValues): IncidentSettings & IncidentOptions {
  return {
    window: duration(values.window),
    baseline: duration(values.baseline),
    minCount: values.minCount,
    ratio: values.ratio,
    groupBy: values.groupBy,
  };
}
