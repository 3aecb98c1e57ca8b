import type { OutcomeGroup, OutcomeSummary, RuleVerdict } from '../../outcomes/index';
import { printable, type Style } from '../style';
import { type Align, textTable } from '../text-table';
import {
  count,
  GROUP_COLUMNS,
  groupCells,
  interval,
  mean,
  percent,
  perSatisfied,
  plural,
  span,
} from './format';

/** Which files were joined, for the heading. */
export interface OutcomeInputs {
  readonly recommendations: string;
  readonly outcomes: string;
}

/** Rules listed by name in the "not judged" line, and unmatched ids, at most; `--json` has more. */
const NAMED = 8;
const IDS = 5;

function ids(list: { readonly count: number; readonly first: readonly string[] }): string {
  const shown = list.first.slice(0, IDS);
  const more = list.count - shown.length;
  return shown.map(printable).join(', ') + (more > 0 ? `, … (+${count(more)})` : '');
}

function join(s: OutcomeSummary, inputs: OutcomeInputs, style: Style): string[] {
  const j = s.join;
  const out = [
    style.bold(
      `Outcomes of ${plural(j.matched, 'complaint')}: ${printable(inputs.recommendations)} joined with ${printable(inputs.outcomes)} by complaint id`,
    ),
    `  ${plural(j.recommendations, 'recommendation')}, ${plural(j.outcomes, 'outcome')}, ${count(j.matched)} joined`,
  ];
  if (j.notRecommended > 0)
    out.push(
      `  ${plural(j.notRecommended, 'error record')} among the recommendations (no recommendation was made)`,
    );
  out.push(
    j.unmatchedRecommendations.count === 0
      ? '  every recommendation has an outcome'
      : `  ${style.yellow(count(j.unmatchedRecommendations.count))} ${j.unmatchedRecommendations.count === 1 ? 'recommendation has' : 'recommendations have'} no outcome: ${ids(j.unmatchedRecommendations)}`,
    j.unmatchedOutcomes.count === 0
      ? '  every outcome has a recommendation'
      : `  ${style.yellow(count(j.unmatchedOutcomes.count))} ${j.unmatchedOutcomes.count === 1 ? 'outcome has' : 'outcomes have'} no recommendation: ${ids(j.unmatchedOutcomes)}`,
  );
  return out;
}

function overall(g: OutcomeGroup, style: Style): string[] {
  const facts = [
    `CSAT ${mean(g.csat.mean)} from ${plural(g.csat.satisfied.n, 'answer')}`,
    `${percent(g.csat.satisfied.rate)} satisfied (${interval(g.csat.satisfied)})`,
    `repeat ${percent(g.repeat.rate)}`,
    `churn ${percent(g.churn.rate)}`,
    `first choice ${percent(g.firstChoice.rate)}`,
  ];
  return [
    '',
    style.bold('All joined complaints'),
    `  ${facts.join(' · ')}`,
    `  cost per satisfied customer: ${perSatisfied(g.costs)}`,
  ];
}

function verdictTable(verdicts: readonly RuleVerdict[]): string[] {
  const rows = verdicts.map((v) => [
    printable(v.rule),
    v.category,
    count(v.satisfied.n),
    percent(v.satisfied.rate),
    percent(v.others.rate),
    span(v.difference),
  ]);
  const header = ['rule', 'category', 'answers', 'satisfied', 'others', 'difference (95%)'];
  return textTable([header, ...rows], ['left', 'left', 'right', 'right', 'right', 'right']);
}

function verdicts(s: OutcomeSummary, style: Style): string[] {
  const worse = s.verdicts.filter((v) => v.verdict === 'worse');
  const better = s.verdicts.filter((v) => v.verdict === 'better');
  const tooFew = s.verdicts.filter((v) => v.verdict === 'too_few' || v.verdict === 'too_few_others');
  const unclear = s.verdicts.filter((v) => v.verdict === 'no_clear_difference').length;
  const out = ['', style.bold('Rules against the rest of their category (share of satisfied customers)')];
  out.push(
    worse.length === 0
      ? `  ${style.green('no rule is worse')} than the rest of its category beyond the 95% interval`
      : `  ${style.red(`${worse.length} worse`)} than the rest of its category: the whole 95% interval of the difference is below zero`,
  );
  if (worse.length > 0) out.push(...verdictTable(worse));
  if (better.length > 0)
    out.push(`  ${better.length} better than the rest of its category:`, ...verdictTable(better));
  if (unclear > 0) out.push(`  ${count(unclear)} with no clear difference (the interval spans zero)`);
  if (tooFew.length > 0) {
    const named = tooFew
      .slice(0, NAMED)
      .map((v) => `${printable(v.rule)} in ${v.category} (${count(v.satisfied.n)})`);
    const more = tooFew.length > NAMED ? `, … (+${tooFew.length - NAMED})` : '';
    out.push(
      `  not judged, too few CSAT answers on one side (fewer than ${count(s.method.minSample)}, --min-sample): ${named.join(', ')}${more}`,
    );
  }
  return out;
}

function groups(title: string, label: string, list: readonly OutcomeGroup[], style: Style): string[] {
  if (list.length === 0) return [];
  const rows = list.map((g) => [printable(g.key), ...groupCells(g)]);
  const align: Align[] = ['left', ...GROUP_COLUMNS.map((): Align => 'right')];
  return ['', style.bold(title), ...textTable([[label, ...GROUP_COLUMNS], ...rows], align)];
}

function errors(s: OutcomeSummary, style: Style): string[] {
  if (s.errors.count === 0) return [];
  const rows = s.errors.first.map((e) => [
    e.source,
    String(e.line),
    e.error.code,
    e.error.pointer,
    printable(e.error.message),
  ]);
  return [
    '',
    style.bold(
      `${style.red(count(s.errors.count))} error ${s.errors.count === 1 ? 'line' : 'lines'}: ${s.errors.byCode.map((c) => `${c.code} ${count(c.lines)}`).join(', ')}`,
    ),
    ...textTable(
      [['input', 'line', 'code', 'pointer', 'message'], ...rows],
      ['left', 'right', 'left', 'left', 'left'],
    ),
  ];
}

/** The outcome summary as text for a terminal. */
export function renderOutcomesText(s: OutcomeSummary, inputs: OutcomeInputs, style: Style): string {
  const lines = [
    ...join(s, inputs, style),
    ...overall(s.overall, style),
    ...verdicts(s, style),
    ...groups('By rule', 'rule', s.byRule, style),
    ...groups('By remedy', 'remedy', s.byRemedy, style),
    ...groups('By category', 'category', s.byCategory, style),
    ...groups('By severity', 'severity', s.bySeverity, style),
    ...groups('By rule set', 'rule set', s.byRuleSet, style),
    ...errors(s, style),
    '',
    style.dim(
      `Satisfied: CSAT ≥ ${s.method.satisfiedFrom}. Intervals: Wilson 95% for shares, Newcombe's for differences. ` +
        `Repeat: a next complaint within ${s.method.repeatWithinDays} days. Rates count the outcomes that give them.`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
