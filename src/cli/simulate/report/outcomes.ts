import type { OutcomeGroup } from '../../../outcomes/index';
import { count, interval, mean as meanOf, percent } from '../../outcomes/format';
import { afterLabel, type Transition } from '../outcome-evidence';
import type { SimulationSummary } from '../simulation';
import { escapeHtml as esc } from './escape';
import { ACCENT, type Section } from './page';
import { numberColumn, sortableTable } from './sortable-table';
import { barChart } from './svg';

/** Changes charted at most: the ones with the most complaints. */
const MAX_CHARTED = 12;

/** The group's mean CSAT, or `–`. */
const mean = (g: OutcomeGroup) => meanOf(g.csat.mean);

function facts(g: OutcomeGroup): string {
  return `CSAT ${mean(g)} from ${count(g.csat.satisfied.n)} answers, ${percent(g.csat.satisfied.rate)} satisfied (95%: ${interval(g.csat.satisfied)})`;
}

function table(transitions: readonly Transition[]): string {
  return sortableTable<Transition>(
    'outcome-changes',
    [
      { header: 'Before', type: 'text', text: (t) => t.before.join(' + ') },
      { header: 'After', type: 'text', text: afterLabel },
      numberColumn(
        'Complaints',
        (t) => count(t.changed),
        (t) => t.changed,
      ),
      numberColumn(
        'With outcome',
        (t) => count(t.outcomes.complaints),
        (t) => t.outcomes.complaints,
      ),
      numberColumn(
        'CSAT before',
        (t) => mean(t.outcomes),
        (t) => t.outcomes.csat.mean ?? -1,
      ),
      numberColumn(
        'Satisfied',
        (t) => percent(t.outcomes.csat.satisfied.rate),
        (t) => t.outcomes.csat.satisfied.rate ?? -1,
      ),
      {
        header: '95% interval',
        type: 'text',
        text: (t) => interval(t.outcomes.csat.satisfied),
        className: 'num',
      },
      numberColumn(
        'Churn',
        (t) => percent(t.outcomes.churn.rate),
        (t) => t.outcomes.churn.rate ?? -1,
      ),
    ],
    transitions,
  );
}

/** With `--outcomes`: how the baseline's decisions fared for the complaints whose recommendation changes. */
export function outcomesSection(s: SimulationSummary): Section | undefined {
  const o = s.outcomes;
  if (!o) return undefined;
  const charted = o.transitions.filter((t) => t.outcomes.csat.satisfied.rate !== null).slice(0, MAX_CHARTED);
  const rows = [
    ...charted.map((t) => ({
      label: `${t.before.join(' + ')} → ${afterLabel(t)}`,
      share: t.outcomes.csat.satisfied.rate as number,
    })),
    ...(o.unchanged.csat.satisfied.rate === null
      ? []
      : [{ label: 'unchanged complaints', share: o.unchanged.csat.satisfied.rate }]),
  ];
  const chart =
    rows.length === 0
      ? '<p>No CSAT answers among the compared complaints.</p>'
      : barChart({
          title: "Satisfied share under the baseline's decision, by change",
          categories: rows.map((r) => r.label),
          series: [{ name: 'satisfied under the baseline', color: ACCENT, values: rows.map((r) => r.share) }],
          format: percent,
          width: 640,
        });
  const errors =
    o.errors.count === 0
      ? ''
      : `<p>${count(o.errors.count)} outcome lines could not be read: ${o.errors.byCode.map((c) => `${esc(c.code)} ${count(c.lines)}`).join(', ')}.</p>`;
  return {
    id: 'outcomes',
    title: "Outcomes under the baseline's decisions",
    html:
      `<p>From ${esc(o.file)}: ${count(o.records)} outcome records, ${count(o.matched)} of them for compared complaints. ` +
      `The complaints whose recommendation changes: ${esc(facts(o.changed))}. The others: ${esc(facts(o.unchanged))}.</p>${errors}` +
      `<figure><figcaption>Satisfied share (CSAT ≥ 4) under the old decision</figcaption>${chart}</figure>` +
      `<div class="scroll">${table(o.transitions)}</div>`,
  };
}
