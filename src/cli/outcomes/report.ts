import type { OutcomeGroup, OutcomeSummary, RuleVerdict } from '../../outcomes/index';
import { escapeHtml as esc } from '../simulate/report/escape';
import { ACCENT, card, reportPage, type Section } from '../simulate/report/page';
import { type Column, numberColumn, sortableTable } from '../simulate/report/sortable-table';
import { barChart, intervalChart } from '../simulate/report/svg';
import { count, interval, mean, percent, perSatisfied, span } from './format';
import type { OutcomeInputs } from './text';

const WORSE = '#dc2626';
const BETTER = '#16a34a';
const NEUTRAL = '#64748b';
/** Rows charted at most per chart: the groups with the most complaints. */
const MAX_CHARTED = 30;

const VERDICT_COLOR: Record<RuleVerdict['verdict'], string> = {
  worse: WORSE,
  better: BETTER,
  no_clear_difference: NEUTRAL,
  too_few: NEUTRAL,
  too_few_others: NEUTRAL,
};

const VERDICT_WORDS: Record<RuleVerdict['verdict'], string> = {
  worse: 'worse',
  better: 'better',
  no_clear_difference: 'no clear difference',
  too_few: 'too few answers',
  too_few_others: 'too few others',
};

function overview(s: OutcomeSummary): string {
  const g = s.overall;
  const worse = s.verdicts.filter((v) => v.verdict === 'worse').length;
  const judged = s.verdicts.filter((v) => v.verdict !== 'too_few' && v.verdict !== 'too_few_others').length;
  const unmatched = s.join.unmatchedRecommendations.count + s.join.unmatchedOutcomes.count;
  return `<div class="cards">${[
    card('Joined', count(s.join.matched), `of ${count(s.join.recommendations)} recommendations`),
    card('CSAT', mean(g.csat.mean), `from ${count(g.csat.satisfied.n)} answers`),
    card('Satisfied', percent(g.csat.satisfied.rate), `95%: ${interval(g.csat.satisfied)}`),
    card('Rules worse', count(worse), `of ${count(judged)} judged against their category`),
    card('Cost per satisfied', perSatisfied(g.costs)),
    card('Unmatched', count(unmatched), `${count(s.join.unmatchedRecommendations.count)} without outcome`),
    card('Error lines', count(s.errors.count), s.errors.count === 0 ? 'every line read' : undefined),
  ].join('')}</div>`;
}

function verdictRows(verdicts: readonly RuleVerdict[]) {
  return verdicts
    .filter((v) => v.satisfied.rate !== null)
    .slice(0, MAX_CHARTED)
    .map((v) => ({
      label: `${v.rule} · ${v.category}`,
      value: v.satisfied.rate as number,
      low: v.satisfied.low as number,
      high: v.satisfied.high as number,
      ...(v.others.rate === null ? {} : { reference: v.others.rate }),
      color: VERDICT_COLOR[v.verdict],
      detail: `${v.rule} in ${v.category}: ${VERDICT_WORDS[v.verdict]}; ${v.note}`,
    }));
}

const VERDICT_COLUMNS: readonly Column<RuleVerdict>[] = [
  { header: 'Rule', type: 'text', text: (v) => v.rule },
  { header: 'Category', type: 'text', text: (v) => v.category },
  { header: 'Verdict', type: 'text', text: (v) => VERDICT_WORDS[v.verdict] },
  numberColumn(
    'Answers',
    (v) => count(v.satisfied.n),
    (v) => v.satisfied.n,
  ),
  numberColumn(
    'Satisfied',
    (v) => percent(v.satisfied.rate),
    (v) => v.satisfied.rate,
  ),
  numberColumn(
    'Others',
    (v) => percent(v.others.rate),
    (v) => v.others.rate,
  ),
  numberColumn(
    'Difference (95%)',
    (v) => span(v.difference),
    (v) => v.difference?.estimate ?? null,
  ),
  { header: 'Why', type: 'text', text: (v) => v.note },
];

function verdicts(s: OutcomeSummary): Section {
  const worse = s.verdicts.filter((v) => v.verdict === 'worse');
  const lead =
    worse.length === 0
      ? '<p class="none"><strong>No rule is worse</strong> than the rest of its category beyond the 95% interval.</p>'
      : `<p><strong>${count(worse.length)} worse</strong> than the rest of its category: ${worse.map((v) => `<code>${esc(v.rule)}</code> in ${esc(v.category)}`).join(', ')}.</p>`;
  const judged = s.verdicts.filter((v) => v.verdict !== 'too_few' && v.verdict !== 'too_few_others');
  const chart = intervalChart({
    title: 'Satisfied share by rule and category, with the rest of the category',
    rows: verdictRows(judged.length > 0 ? judged : s.verdicts),
  });
  return {
    id: 'verdicts',
    title: 'Rules against the rest of their category',
    html:
      `${lead}<p>Each rule's share of satisfied customers (CSAT ≥ ${s.method.satisfiedFrom}) in a category, against the category's other complaints (the black tick). ` +
      `A rule is <em>worse</em> when the whole 95% interval of the difference (Newcombe) is below zero; no verdict on fewer than ${count(s.method.minSample)} answers on either side.</p>` +
      `<figure><figcaption>Satisfied share with its 95% interval (${judged.length > 0 ? 'the rules judged' : 'no rule has enough answers to judge'})</figcaption>${chart}</figure>` +
      `<div class="scroll">${sortableTable('verdict-list', VERDICT_COLUMNS, s.verdicts)}</div>`,
  };
}

const GROUP_COLUMNS: readonly Column<OutcomeGroup>[] = [
  numberColumn(
    'Complaints',
    (g) => count(g.complaints),
    (g) => g.complaints,
  ),
  numberColumn(
    'Answers',
    (g) => count(g.csat.satisfied.n),
    (g) => g.csat.satisfied.n,
  ),
  numberColumn(
    'CSAT',
    (g) => mean(g.csat.mean),
    (g) => g.csat.mean,
  ),
  numberColumn(
    'Satisfied',
    (g) => percent(g.csat.satisfied.rate),
    (g) => g.csat.satisfied.rate,
  ),
  numberColumn(
    '95% interval',
    (g) => interval(g.csat.satisfied),
    (g) => g.csat.satisfied.low,
  ),
  numberColumn(
    'Repeat',
    (g) => percent(g.repeat.rate),
    (g) => g.repeat.rate,
  ),
  numberColumn(
    'Churn',
    (g) => percent(g.churn.rate),
    (g) => g.churn.rate,
  ),
  numberColumn(
    'Reopened',
    (g) => percent(g.reopened.rate),
    (g) => g.reopened.rate,
  ),
  numberColumn(
    'First choice',
    (g) => percent(g.firstChoice.rate),
    (g) => g.firstChoice.rate,
  ),
  numberColumn(
    'Per satisfied',
    (g) => perSatisfied(g.costs),
    (g) => g.costs[0]?.perSatisfied ?? null,
  ),
];

function groupSection(
  id: string,
  title: string,
  label: string,
  groups: readonly OutcomeGroup[],
): Section | undefined {
  if (groups.length === 0) return undefined;
  const charted = groups.filter((g) => g.csat.satisfied.rate !== null).slice(0, MAX_CHARTED);
  const chart =
    charted.length === 0
      ? '<p>No CSAT answers to chart.</p>'
      : barChart({
          title: `Satisfied share by ${label}`,
          categories: charted.map((g) => g.key),
          series: [
            { name: 'satisfied', color: ACCENT, values: charted.map((g) => g.csat.satisfied.rate as number) },
          ],
          format: percent,
        });
  const columns: Column<OutcomeGroup>[] = [
    { header: label, type: 'text', text: (g) => g.key },
    ...GROUP_COLUMNS,
  ];
  return {
    id,
    title,
    html: `<figure><figcaption>Satisfied share (CSAT ≥ 4)</figcaption>${chart}</figure><div class="scroll">${sortableTable(`${id}-table`, columns, groups)}</div>`,
  };
}

function unmatched(s: OutcomeSummary): Section {
  const list = (side: { count: number; first: readonly string[] }, what: string) =>
    side.count === 0
      ? `<p>Every ${what}.</p>`
      : `<p>${count(side.count)}: ${side.first.map((id) => `<code>${esc(id)}</code>`).join(', ')}${side.count > side.first.length ? ', …' : ''}</p>`;
  return {
    id: 'join',
    title: 'The join',
    html:
      `<p>${count(s.join.recommendations)} recommendations and ${count(s.join.outcomes)} outcomes; ${count(s.join.matched)} joined by complaint id` +
      `${s.join.notRecommended > 0 ? `; ${count(s.join.notRecommended)} complaints got no recommendation` : ''}.</p>` +
      `<h3>Recommendations without an outcome</h3>${list(s.join.unmatchedRecommendations, 'recommendation has an outcome')}` +
      `<h3>Outcomes without a recommendation</h3>${list(s.join.unmatchedOutcomes, 'outcome has a recommendation')}`,
  };
}

function errors(s: OutcomeSummary): Section | undefined {
  if (s.errors.count === 0) return undefined;
  const rows = s.errors.first
    .map(
      (e) =>
        `<tr><td>${esc(e.source)}</td><td class="num">${e.line}</td><td>${esc(e.error.code)}</td><td><code>${esc(e.error.pointer)}</code></td><td>${esc(e.error.message)}</td></tr>`,
    )
    .join('');
  return {
    id: 'errors',
    title: `Error lines (${count(s.errors.count)})`,
    html:
      `<p>${s.errors.byCode.map((c) => `${esc(c.code)} ${count(c.lines)}`).join(', ')}. The first ${s.errors.first.length}:</p>` +
      `<table class="compact"><thead><tr><th>input</th><th class="num">line</th><th>code</th><th>pointer</th><th>message</th></tr></thead><tbody>${rows}</tbody></table>`,
  };
}

/**
 * The outcome summary as one self-contained HTML page in the style of the simulation report: the same
 * shell, cards, sortable tables and inline SVG charts, and no request of any kind.
 */
export function renderOutcomesReport(s: OutcomeSummary, inputs: OutcomeInputs): string {
  const sections = [
    verdicts(s),
    groupSection('by-rule', 'By rule', 'rule', s.byRule),
    groupSection('by-remedy', 'By remedy', 'remedy', s.byRemedy),
    groupSection('by-category', 'By category', 'category', s.byCategory),
    groupSection('by-severity', 'By severity', 'severity', s.bySeverity),
    groupSection('by-rule-set', 'By rule set', 'rule set', s.byRuleSet),
    unmatched(s),
    errors(s),
  ].filter((x): x is Section => x !== undefined);
  return reportPage({
    title: 'redress outcomes',
    heading: 'What the remedies achieved',
    lines: [
      `${count(s.join.matched)} complaints: ${esc(inputs.recommendations)} joined with ${esc(inputs.outcomes)}`,
      `Satisfied: CSAT ≥ ${s.method.satisfiedFrom} · 95% intervals (Wilson; Newcombe for differences) · repeat within ${s.method.repeatWithinDays} days · verdicts on at least ${count(s.method.minSample)} answers`,
    ],
    overview: overview(s),
    sections,
    command: 'redress outcomes',
  });
}
