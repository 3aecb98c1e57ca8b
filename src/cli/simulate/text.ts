import type { OutcomeGroup, Share } from '../../outcomes/index';
import { formatMoney } from '../format-money';
import type { LineError } from '../line-record';
import { printable, type Style } from '../style';
import { type Align, textTable } from '../text-table';
import { describeDetection, describeGrowth, largestIncidents, shortTime } from './incidents';
import { afterLabel } from './outcome-evidence';
import type { ConvertedWith } from './reporting';
import type { CostGroup, SideSummary } from './side';
import type { SimulationSummary } from './simulation';

const count = (n: number) => n.toLocaleString('en-US');
/** Incidents listed in the text; `--json` has them all. */
const SHOWN_INCIDENTS = 10;
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function describeRuleSet(side: SideSummary): string {
  return `"${printable(side.ruleSet.name)}" ${printable(side.ruleSet.version)} (${printable(side.ruleSet.source)})`;
}

function remedyMix(s: SimulationSummary): string[] {
  const { proposed, baseline } = s;
  const header = ['remedy', 'new', '', ...(baseline ? ['baseline', ''] : [])];
  const rows = proposed.remedies.map((r, i) => {
    const b = baseline?.remedies[i];
    return [
      r.type,
      count(r.complaints),
      percent(r.share),
      ...(b ? [count(b.complaints), percent(b.share)] : []),
    ];
  });
  return textTable([header, ...rows], ['left', 'right', 'right', 'right', 'right']);
}

function groupRows(
  label: string,
  now: readonly CostGroup[],
  before: readonly CostGroup[] | undefined,
  currency: string,
) {
  const keys = [...new Set([...now.map((g) => g.key), ...(before ?? []).map((g) => g.key)])];
  const header = [
    label,
    'complaints',
    'total',
    'mean',
    ...(before ? ['baseline total', 'baseline mean', 'change'] : []),
  ];
  const rows = keys.map((key) => {
    const g = now.find((x) => x.key === key);
    const b = before?.find((x) => x.key === key);
    const money = (v: number | undefined) => (v === undefined ? '–' : formatMoney(v, currency));
    return [
      key,
      count(g?.complaints ?? b?.complaints ?? 0),
      money(g?.totalCost),
      money(g?.meanCost),
      ...(before
        ? [
            money(b?.totalCost),
            money(b?.meanCost),
            formatMoney((g?.totalCost ?? 0) - (b?.totalCost ?? 0), currency, true),
          ]
        : []),
    ];
  });
  const align: Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'right'];
  return textTable([header, ...rows], align, '    ');
}

function costs(s: SimulationSummary, style: Style): string[] {
  const out: string[] = [];
  for (const c of s.proposed.currencies) {
    const b = s.baseline?.currencies.find((x) => x.currency === c.currency);
    out.push('', style.bold(`Cost in ${c.currency} (${count(c.complaints)} complaints)`));
    if (c.converted) out.push(style.dim(`  ${convertedNote(c.currency, c.converted)}`));
    const m = (v: number) => formatMoney(v, c.currency);
    const d = (now: number, before: number) => formatMoney(now - before, c.currency, true);
    const header = ['', 'new', ...(b ? ['baseline', 'change'] : [])];
    const row = (label: string, now: number, before: number | undefined) => [
      label,
      m(now),
      ...(before === undefined ? [] : [m(before), d(now, before)]),
    ];
    out.push(
      ...textTable(
        [
          header,
          row('total', c.totalCost, b?.totalCost),
          row('mean per complaint', c.meanCost, b?.meanCost),
          row('restitution', c.restitutionCost, b?.restitutionCost),
          row('goodwill', c.goodwillCost, b?.goodwillCost),
        ],
        ['left', 'right', 'right', 'right'],
      ),
      '',
      ...groupRows('by tier', c.byTier, b?.byTier, c.currency),
      '',
      ...groupRows('by category', c.byCategory, b?.byCategory, c.currency),
    );
  }
  return out;
}

/** "converted at 1 EUR = 470,000 IRR, 36.5 TRY (rates of 2026-11-01)". */
export function convertedNote(currency: string, converted: ConvertedWith): string {
  const rates = Object.entries(converted.rates).map(
    ([code, rate]) => `${rate.toLocaleString('en-US')} ${code}`,
  );
  return `converted at 1 ${currency} = ${rates.join(', ')} (rates of ${converted.asOf})`;
}

const shareOf = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function handling(s: SimulationSummary, style: Style): string[] {
  const { proposed: p, baseline: b } = s;
  const out = ['', style.bold('Handling')];
  out.push(
    ...textTable(
      [
        ['', 'new', '', ...(b ? ['baseline', ''] : [])],
        [
          'automatic',
          count(p.handling.automatic),
          percent(p.handling.automaticShare),
          ...(b ? [count(b.handling.automatic), percent(b.handling.automaticShare)] : []),
        ],
        [
          'a person',
          count(p.handling.human),
          percent(shareOf(p.handling.human, p.recommendations)),
          ...(b ? [count(b.handling.human), percent(shareOf(b.handling.human, b.recommendations))] : []),
        ],
        [
          'linked to a case',
          count(p.handling.linked),
          percent(shareOf(p.handling.linked, p.recommendations)),
          ...(b ? [count(b.handling.linked), percent(shareOf(b.handling.linked, b.recommendations))] : []),
        ],
      ],
      ['left', 'right', 'right', 'right', 'right'],
    ),
  );
  if (p.handling.reasons.length > 0) {
    out.push(
      `  why a person: ${p.handling.reasons.map((r) => `${r.reason} ${count(r.complaints)}`).join(', ')}`,
    );
  }
  for (const c of p.currencies) {
    if (c.savedByLinking > 0) {
      out.push(`  linking kept ${formatMoney(c.savedByLinking, c.currency)} from being paid twice`);
    }
  }
  return out;
}

function changes(s: SimulationSummary, examples: number, style: Style): string[] {
  const c = s.changes;
  if (!c) return [];
  const out = ['', style.bold('Changes against the baseline')];
  if (c.changed === 0) {
    out.push(`  none: all ${count(c.compared)} complaints get the same recommendation`);
    return out;
  }
  out.push(
    `  ${count(c.changed)} of ${count(c.compared)} complaints (${percent(c.share)}) get a different recommendation`,
    `  costlier ${count(c.costlier)} · cheaper ${count(c.cheaper)} · same cost, other remedies ${count(c.sameCost)}` +
      ` · handling changed ${count(c.handlingChanged)}`,
  );
  for (const cur of c.currencies) {
    out.push(
      `  cost ${formatMoney(cur.baselineCost, cur.currency)} → ${formatMoney(cur.cost, cur.currency)}` +
        ` (${formatMoney(cur.delta, cur.currency, true)})` +
        (cur.converted ? `, ${convertedNote(cur.currency, cur.converted)}` : ''),
    );
    if (cur.byCategory.length > 0) {
      out.push(
        `  by category: ${cur.byCategory.map((g) => `${g.key} ${count(g.changed)} (${formatMoney(g.delta, cur.currency, true)})`).join(', ')}`,
      );
    }
  }
  const list = (xs: readonly { type: string; complaints: number }[]) =>
    xs.length === 0 ? 'none' : xs.map((x) => `${x.type} ${count(x.complaints)}`).join(', ');
  out.push(`  remedies added: ${list(c.remediesAdded)}; removed: ${list(c.remediesRemoved)}`);
  const shown = c.largest.slice(0, examples);
  if (shown.length > 0) {
    out.push('', `  Largest changes (${shown.length} of ${count(c.changed)})`);
    const rows = shown.map((x) => [
      String(x.line),
      printable(x.complaintId),
      `${x.category} · ${x.tier}`,
      `${x.before.remedies.join(' + ')} (${formatMoney(x.before.cost, x.currency)})`,
      '→',
      `${x.after.remedies.join(' + ')} (${formatMoney(x.after.cost, x.currency)})`,
      formatMoney(x.delta, x.currency, true),
    ]);
    out.push(
      ...textTable(
        [['line', 'complaint', 'category · tier', 'before', '', 'after', 'change'], ...rows],
        ['right', 'left', 'left', 'left', 'left', 'left', 'right'],
      ),
    );
  }
  return out;
}

function incidents(s: SimulationSummary, style: Style): string[] {
  const i = s.incidents;
  if (!i) return [];
  const out = ['', style.bold('Incidents'), `  detection: ${printable(describeDetection(i.options))}`];
  out.push(
    i.applied
      ? "  replayed in crisis mode: each incident's complaints got its shared policy under each rule set"
      : '  listed only: each complaint was recommended for alone (--apply-incidents replays in crisis mode)',
  );
  const among = `among ${count(i.complaints)} recommended complaints${
    i.firstAt && i.lastAt ? ` (${shortTime(i.firstAt)} to ${shortTime(i.lastAt)})` : ''
  }`;
  if (i.list.length === 0) {
    out.push(`  no incidents ${among}`);
    return out;
  }
  out.push(
    `  ${count(i.list.length)} incident${i.list.length === 1 ? '' : 's'} ${among}`,
    `  ${count(i.inIncidents)} of them (${percent(i.inIncidents / i.complaints)}) are part of an incident`,
  );
  const told = [...new Set(Object.values(i.voice.partners).flat())];
  out.push(
    `  one voice: owner ${printable(i.voice.owner)}; partners told: ${told.length > 0 ? printable(told.join(', ')) : 'none'}`,
    `  statement: ${printable(i.voice.statement)}`,
  );
  const shown = largestIncidents(i.list, SHOWN_INCIDENTS);
  if (shown.length < i.list.length) out.push(`  the ${shown.length} largest:`);
  const rows = shown.map((x) => [
    printable(x.id),
    printable(x.cause.key),
    shortTime(x.firstAt),
    shortTime(x.lastAt),
    count(x.count),
    describeGrowth(x.growth),
    `${count(x.publicCount)} (${percent(x.publicShare)})`,
  ]);
  out.push(
    ...textTable(
      [['incident', 'cause', 'first', 'last', 'complaints', 'growth', 'public'], ...rows],
      ['left', 'left', 'left', 'left', 'right', 'right', 'right'],
    ),
  );
  if (shown.length < i.list.length) {
    out.push(`  … and ${count(i.list.length - shown.length)} more (--json lists them all)`);
  }
  return out;
}

/** Changes listed in the outcomes table; `--json` has up to fifty. */
const SHOWN_TRANSITIONS = 10;

function outcomeFacts(g: OutcomeGroup): string {
  const s = g.csat.satisfied;
  return `CSAT ${g.csat.mean === null ? '–' : g.csat.mean.toFixed(2)} (${count(s.n)} answers), ${s.rate === null ? '–' : percent(s.rate)} satisfied (${shareInterval(s)})`;
}

function shareInterval(s: Share): string {
  return s.low === null || s.high === null
    ? '–'
    : `${(s.low * 100).toFixed(1)}–${(s.high * 100).toFixed(1)}%`;
}

function outcomes(s: SimulationSummary, style: Style): string[] {
  const o = s.outcomes;
  if (!o) return [];
  const out = [
    '',
    style.bold(`Outcomes under the baseline's decisions (${printable(o.file)})`),
    `  ${count(o.records)} outcome records; ${count(o.matched)} of the compared complaints have one`,
    `  complaints whose recommendation changes: ${count(o.changed.complaints)} with an outcome: ${outcomeFacts(o.changed)}`,
    `  the others: ${count(o.unchanged.complaints)} with an outcome: ${outcomeFacts(o.unchanged)}`,
  ];
  const shown = o.transitions.slice(0, SHOWN_TRANSITIONS);
  if (shown.length > 0) {
    const rows = shown.map((t) => {
      const g = t.outcomes;
      const rate = (x: Share) => (x.rate === null ? '–' : percent(x.rate));
      return [
        t.before.join(' + '),
        '→',
        afterLabel(t),
        count(t.changed),
        count(g.complaints),
        g.csat.mean === null ? '–' : g.csat.mean.toFixed(2),
        rate(g.csat.satisfied),
        shareInterval(g.csat.satisfied),
        rate(g.churn),
      ];
    });
    const header = [
      'before',
      '',
      'after',
      'complaints',
      'with outcome',
      'CSAT before',
      'satisfied',
      '95% interval',
      'churn',
    ];
    out.push(
      ...textTable(
        [header, ...rows],
        ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  if (o.errors.count > 0) {
    out.push(
      `  ${style.red(count(o.errors.count))} outcome lines could not be read: ${o.errors.byCode.map((c) => `${c.code} ${count(c.lines)}`).join(', ')}`,
    );
    out.push(
      ...o.errors.first.map(
        (e) =>
          `  line ${e.line}: ${e.error.code}${e.error.pointer ? ` at ${printable(e.error.pointer)}` : ''}: ${printable(e.error.message)}`,
      ),
    );
  }
  return out;
}

function errorLine(e: LineError): string {
  return `  line ${e.line}: ${e.error.code}${e.error.pointer ? ` at ${printable(e.error.pointer)}` : ''}: ${printable(e.error.message)}`;
}

function errors(s: SimulationSummary, style: Style): string[] {
  const e = s.errors;
  if (e.lines === 0) return ['', `${style.green('✓')} every line got a recommendation`];
  const out = [
    '',
    style.bold(style.red(`${count(e.lines)} line${e.lines === 1 ? '' : 's'} failed`)) +
      ` (${e.byCode.map((c) => `${c.code} ${count(c.lines)}`).join(', ')})`,
    ...e.first.map(errorLine),
  ];
  if (e.lines > e.first.length) out.push(`  … and ${count(e.lines - e.first.length)} more`);
  return out;
}

/** The simulation summary as text for a terminal or a log. */
export function renderSimulationText(s: SimulationSummary, examples: number, style: Style): string {
  const out = [
    style.bold(`Simulated ${count(s.records)} complaints from ${printable(s.input)}`),
    `  new rules       ${describeRuleSet(s.proposed)}`,
    ...(s.baseline ? [`  baseline rules  ${describeRuleSet(s.baseline)}`] : []),
    '',
    style.bold('Remedy mix (complaints that get each remedy)'),
    ...remedyMix(s),
    ...costs(s, style),
    ...handling(s, style),
    ...changes(s, examples, style),
    ...outcomes(s, style),
    ...incidents(s, style),
    ...errors(s, style),
  ];
  return `${out.join('\n')}\n`;
}
