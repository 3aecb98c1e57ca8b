import type { ColumnEntry } from '../../incidents/entry-columns';
import type { IncidentPolicy } from '../../policy/incident-policy';
import type { IncidentCollector } from '../incident-collector';
import type { IncidentSettings } from '../incident-flags';
import type { LineError } from '../line-record';
import { isLineError } from '../line-record';
import type { LoadedRules } from '../rules-file';
import { type ChangesSummary, ChangeTally } from './changes';
import { type IncidentsSummary, incidentsSummary } from './incidents';
import type { OutcomeEvidence, OutcomeEvidenceSummary } from './outcome-evidence';
import type { Reporting } from './reporting';
import { type SideSummary, SideTally } from './side';
import type { Tallied } from './tallied';

/** Everything `redress simulate` found: printed as text, as JSON (`--json`) and drawn in the report. */
export interface SimulationSummary {
  /** The input file (or `standard input`). */
  readonly input: string;
  /** Records read (non-blank lines). */
  readonly records: number;
  /** What the new rule set (`--rules`) recommended. */
  readonly proposed: SideSummary;
  /** What the baseline (`--baseline`) recommended, when given. */
  readonly baseline: SideSummary | null;
  /** The difference, when a baseline was given. */
  readonly changes: ChangesSummary | null;
  /** Bursts of complaints with one cause among the recommended complaints; null with `--no-incidents`. */
  readonly incidents: IncidentsSummary | null;
  /** With `--outcomes`: how the baseline's decisions fared, for the complaints that change and the rest. */
  readonly outcomes?: OutcomeEvidenceSummary;
  /** Lines that got no recommendation (under either rule set). */
  readonly errors: {
    readonly lines: number;
    readonly byCode: readonly { readonly code: string; readonly lines: number }[];
    /** The first few, with their line numbers. */
    readonly first: readonly LineError[];
  };
}

const FIRST_ERRORS = 20;

/** Incident detection during a simulation. */
export interface SimulationIncidents {
  readonly collector: IncidentCollector;
  readonly options: IncidentSettings;
  /** Whether the recommenders ran in crisis mode. */
  readonly applied: boolean;
}

/**
 * Adds up a simulation one input record at a time, in memory that does not grow with the input, but
 * for incident detection: that keeps a few fields of each recommended complaint (see `IncidentCollector`).
 */
export class Simulation {
  private records = 0;
  private readonly proposed: SideTally;
  private readonly incidentPolicy: IncidentPolicy;
  private readonly baseline: SideTally | undefined;
  private readonly changes: ChangeTally | undefined;
  private errorLines = 0;
  private readonly errorCodes = new Map<string, number>();
  private readonly firstErrors: LineError[] = [];

  constructor(
    private readonly input: string,
    proposed: LoadedRules,
    baseline: LoadedRules | undefined,
    keepChanges: number,
    private readonly incidents?: SimulationIncidents,
    private readonly evidence?: OutcomeEvidence,
    reporting?: Reporting,
  ) {
    this.proposed = new SideTally(proposed.ruleSet, proposed.source, reporting);
    this.incidentPolicy = proposed.ruleSet.policy.incidents;
    this.baseline = baseline && new SideTally(baseline.ruleSet, baseline.source, reporting);
    this.changes = baseline && new ChangeTally(keepChanges, reporting);
  }

  /**
   * Counts one input record: the proposed rule set's result, and the baseline's when there is one;
   * `entry` is what incident detection read of its complaint, counted when the complaint got a
   * recommendation.
   */
  add(
    line: number,
    proposed: Tallied | LineError,
    baseline: Tallied | LineError | undefined,
    entry?: ColumnEntry,
  ): { failed: boolean } {
    this.records += 1;
    const failure = isLineError(proposed)
      ? proposed
      : baseline && isLineError(baseline)
        ? baseline
        : undefined;
    if (failure) {
      this.errorLines += 1;
      this.errorCodes.set(failure.error.code, (this.errorCodes.get(failure.error.code) ?? 0) + 1);
      if (this.firstErrors.length < FIRST_ERRORS) this.firstErrors.push(failure);
    }
    if (!isLineError(proposed)) {
      this.proposed.add(proposed);
      if (entry) this.incidents?.collector.add(entry);
    }
    if (baseline && !isLineError(baseline)) this.baseline?.add(baseline);
    if (baseline && !isLineError(baseline) && !isLineError(proposed)) {
      const changed = this.changes?.add(line, baseline, proposed);
      if (changed !== undefined) this.evidence?.add(baseline, proposed, changed);
    }
    return { failed: failure !== undefined };
  }

  /** The summary so far. */
  summary(): SimulationSummary {
    return {
      input: this.input,
      records: this.records,
      proposed: this.proposed.summary(),
      baseline: this.baseline?.summary() ?? null,
      changes: this.changes?.summary() ?? null,
      incidents: this.incidents
        ? incidentsSummary(
            this.incidents.collector.detect(),
            this.incidents.options,
            this.incidents.applied,
            this.incidentPolicy,
          )
        : null,
      ...(this.evidence ? { outcomes: this.evidence.summary() } : {}),
      errors: {
        lines: this.errorLines,
        byCode: [...this.errorCodes.entries()]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([code, lines]) => ({ code, lines })),
        first: [...this.firstErrors],
      },
    };
  }
}
