import type { Incident } from '../../../incidents/index';
import { formatMoney } from '../../format-money';
import type { ChangedComplaint, ChangesSummary } from '../changes';
import {
  byFirstComplaint,
  describeDetection,
  describeGrowth,
  type IncidentVoice,
  largestIncidents,
  shortTime,
} from '../incidents';
import type { SideSummary } from '../side';
import type { SimulationSummary } from '../simulation';
import { convertedNote } from '../text';
import { escapeHtml as esc } from './escape';
import { outcomesSection } from './outcomes';
import { ACCENT, card, reportPage, type Section } from './page';
import { numberColumn, sortableTable } from './sortable-table';
import { barChart, deltaChart, type Series, splitChart, timelineChart } from './svg';

const NEW = ACCENT;
const BASELINE = '#94a3b8';
const UP = '#dc2626';
const DOWN = '#16a34a';
const AUTOMATIC = '#0d9488';
const HUMAN = '#f59e0b';
const LINKED = '#6366f1';
const INCIDENT = '#b91c1c';
/** Rules charted at most: the most-fired ones. */
const MAX_RULES_CHARTED = 30;
/** Incidents drawn on the timeline at most, and listed in the table: the largest. */
const MAX_INCIDENTS_CHARTED = 30;
const MAX_INCIDENT_ROWS = 1000;
/** Complaint ids shown per incident in the table. */
const SHOWN_IDS = 3;

const count = (n: number) => n.toLocaleString('en-US');
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function series(summary: SimulationSummary, pick: (side: SideSummary) => readonly number[]): Series[] {
  const out: Series[] = [
    { name: `new: ${summary.proposed.ruleSet.name}`, color: NEW, values: pick(summary.proposed) },
  ];
  if (summary.baseline)
    out.push({
      name: `baseline: ${summary.baseline.ruleSet.name}`,
      color: BASELINE,
      values: pick(summary.baseline),
    });
  return out;
}

function overview(s: SimulationSummary): string {
  const cards: string[] = [
    card('Complaints', count(s.records), `${count(s.proposed.recommendations)} recommended`),
  ];
  for (const c of s.proposed.currencies) {
    const b = s.baseline?.currencies.find((x) => x.currency === c.currency);
    const note = b
      ? `${formatMoney(c.totalCost - b.totalCost, c.currency, true)} against the baseline`
      : `${count(c.complaints)} complaints`;
    cards.push(card(`Total cost (${c.currency})`, formatMoney(c.totalCost, c.currency), note));
    cards.push(
      card(
        `Mean per complaint (${c.currency})`,
        formatMoney(c.meanCost, c.currency),
        b ? `baseline ${formatMoney(b.meanCost, c.currency)}` : undefined,
      ),
    );
  }
  cards.push(
    card(
      'Automatic',
      percent(s.proposed.handling.automaticShare),
      s.baseline
        ? `baseline ${percent(s.baseline.handling.automaticShare)}`
        : `${count(s.proposed.handling.human)} to a person`,
    ),
  );
  if (s.changes)
    cards.push(card('Changed', count(s.changes.changed), `${percent(s.changes.share)} of complaints`));
  if (s.incidents) {
    const n = s.incidents.list.length;
    cards.push(
      card(
        'Incidents',
        count(n),
        n === 0 ? 'no bursts found' : `${count(s.incidents.inIncidents)} complaints in them`,
      ),
    );
  }
  cards.push(
    card('Failed lines', count(s.errors.lines), s.errors.lines === 0 ? 'every line recommended' : undefined),
  );
  return `<div class="cards">${cards.join('')}</div>`;
}

function remedyMix(s: SimulationSummary): Section {
  const types = s.proposed.remedies.map((r) => r.type);
  const chart = barChart({
    title: 'Share of complaints that get each remedy',
    categories: types,
    series: series(s, (side) => side.remedies.map((r) => r.share)),
    format: percent,
  });
  return {
    id: 'remedy-mix',
    title: 'Remedy mix',
    html: `<p>Share of complaints whose recommendation includes each remedy.</p>${chart}`,
  };
}

function costs(s: SimulationSummary): Section[] {
  return s.proposed.currencies.map((c) => {
    const b = s.baseline?.currencies.find((x) => x.currency === c.currency);
    const m = (v: number) => formatMoney(v, c.currency);
    const keys = (pick: 'byTier' | 'byCategory') => [
      ...new Set([...c[pick].map((g) => g.key), ...(b?.[pick] ?? []).map((g) => g.key)]),
    ];
    const chart = (pick: 'byTier' | 'byCategory', title: string) => {
      const categories = keys(pick);
      const values = (side: SideSummary) => {
        const cur = side.currencies.find((x) => x.currency === c.currency);
        return categories.map((k) => cur?.[pick].find((g) => g.key === k)?.totalCost ?? 0);
      };
      return barChart({ title, categories, series: series(s, values), format: m });
    };
    const means = (pick: 'byTier' | 'byCategory') =>
      keys(pick)
        .map((k) => {
          const now = c[pick].find((g) => g.key === k);
          const before = b?.[pick].find((g) => g.key === k);
          return `<tr><td>${esc(k)}</td><td class="num">${count(now?.complaints ?? 0)}</td><td class="num">${now ? m(now.meanCost) : '–'}</td>${b ? `<td class="num">${before ? m(before.meanCost) : '–'}</td>` : ''}</tr>`;
        })
        .join('');
    const meanTable = (pick: 'byTier' | 'byCategory', label: string) =>
      `<table class="compact"><thead><tr><th>${label}</th><th class="num">complaints</th><th class="num">mean, new</th>${b ? '<th class="num">mean, baseline</th>' : ''}</tr></thead><tbody>${means(pick)}</tbody></table>`;
    return {
      id: `cost-${c.currency.toLowerCase()}`,
      title: `Cost by tier and category (${c.currency})`,
      html:
        `<p>Total estimated cost of the recommendations: ${m(c.totalCost)}` +
        (b
          ? ` (baseline ${m(b.totalCost)}, ${formatMoney(c.totalCost - b.totalCost, c.currency, true)})`
          : '') +
        `; restitution ${m(c.restitutionCost)}, goodwill ${m(c.goodwillCost)}.</p>` +
        (c.converted
          ? `<p>Complaints in other currencies are ${esc(convertedNote(c.currency, c.converted))}.</p>`
          : '') +
        `<div class="pair"><figure><figcaption>Total by customer tier</figcaption>${chart('byTier', `Total cost by tier (${c.currency})`)}${meanTable('byTier', 'tier')}</figure>` +
        `<figure><figcaption>Total by category</figcaption>${chart('byCategory', `Total cost by category (${c.currency})`)}${meanTable('byCategory', 'category')}</figure></div>`,
    };
  });
}

function handling(s: SimulationSummary): Section {
  const parts = (h: SimulationSummary['proposed']['handling']) => [h.automatic, h.human, h.linked];
  const rows = [{ label: 'new', parts: parts(s.proposed.handling) }];
  if (s.baseline) rows.push({ label: 'baseline', parts: parts(s.baseline.handling) });
  const chart = splitChart({
    title: 'Handling: automatic, a person, or linked to a case',
    rows,
    parts: [
      { name: 'automatic', color: AUTOMATIC },
      { name: 'a person', color: HUMAN },
      { name: 'linked to a case', color: LINKED },
    ],
  });
  const saved = s.proposed.currencies
    .filter((c) => c.savedByLinking > 0)
    .map((c) => `<li>${esc(formatMoney(c.savedByLinking, c.currency))}</li>`)
    .join('');
  const reasons = s.proposed.handling.reasons
    .map((r) => `<li>${esc(r.reason)}: ${count(r.complaints)}</li>`)
    .join('');
  return {
    id: 'handling',
    title: 'Handling',
    html:
      `${chart}${reasons ? `<p>Why a person decides (new rules):</p><ul class="inline">${reasons}</ul>` : ''}` +
      (saved ? `<p>Linking kept from being paid twice (new rules):</p><ul class="inline">${saved}</ul>` : ''),
  };
}

function rules(s: SimulationSummary): Section {
  const fired = new Map<string, [number, number]>();
  for (const r of s.proposed.rules) fired.set(r.name, [r.fired, 0]);
  for (const r of s.baseline?.rules ?? []) fired.set(r.name, [fired.get(r.name)?.[0] ?? 0, r.fired]);
  const top = [...fired.entries()].sort(
    (a, b) => Math.max(...b[1]) - Math.max(...a[1]) || a[0].localeCompare(b[0]),
  );
  const shown = top.slice(0, MAX_RULES_CHARTED);
  const names = shown.map(([name]) => name);
  const chart = barChart({
    title: 'How often each rule fired',
    categories: names,
    series: series(s, (side) => names.map((n) => side.rules.find((r) => r.name === n)?.fired ?? 0)),
    format: count,
  });
  const note =
    top.length > shown.length ? `<p>The ${shown.length} most-fired of ${top.length} rules.</p>` : '';
  const never = s.proposed.rules.filter((r) => r.fired === 0).map((r) => `<code>${esc(r.name)}</code>`);
  return {
    id: 'rules',
    title: 'Rules fired',
    html: `${note}${chart}${never.length ? `<p>Never fired under the new rules: ${never.join(', ')}.</p>` : ''}`,
  };
}

function changedTable(largest: readonly ChangedComplaint[], changes: ChangesSummary): string {
  const money = (v: number, cur: string) => formatMoney(v, cur);
  const table = sortableTable<ChangedComplaint>(
    'changed',
    [
      { header: 'Line', type: 'number', text: (r) => String(r.line), value: (r) => r.line, className: 'num' },
      { header: 'Complaint', type: 'text', text: (r) => r.complaintId },
      { header: 'Category', type: 'text', text: (r) => r.category },
      { header: 'Tier', type: 'text', text: (r) => r.tier },
      { header: 'Severity', type: 'text', text: (r) => r.severityBand },
      { header: 'Before', type: 'text', text: (r) => r.before.remedies.join(' + ') },
      { header: 'After', type: 'text', text: (r) => r.after.remedies.join(' + ') },
      numberColumn(
        'Cost before',
        (r) => money(r.before.cost, r.currency),
        (r) => r.before.cost,
      ),
      numberColumn(
        'Cost after',
        (r) => money(r.after.cost, r.currency),
        (r) => r.after.cost,
      ),
      numberColumn(
        'Change',
        (r) => formatMoney(r.delta, r.currency, true),
        (r) => r.delta,
        'num delta',
      ),
      {
        header: 'Handling',
        type: 'text',
        text: (r) =>
          r.before.handling === r.after.handling
            ? r.after.handling
            : `${r.before.handling} → ${r.after.handling}`,
      },
    ],
    largest,
  );
  const note =
    largest.length < changes.changed
      ? `The ${count(largest.length)} largest changes by cost of ${count(changes.changed)}; `
      : `All ${count(changes.changed)} changed complaints; `;
  return `<p>${note}click a column header to sort.</p><div class="scroll">${table}</div>`;
}

function changes(s: SimulationSummary): Section | undefined {
  const c = s.changes;
  if (!c) return undefined;
  if (c.changed === 0) {
    return {
      id: 'changes',
      title: 'Changes against the baseline',
      html: `<p>None: all ${count(c.compared)} complaints get the same recommendation.</p>`,
    };
  }
  const kinds = barChart({
    title: 'Changed complaints by kind of change',
    categories: ['costlier', 'cheaper', 'same cost, other remedies', 'handling changed'],
    series: [
      { name: 'complaints', color: NEW, values: [c.costlier, c.cheaper, c.sameCost, c.handlingChanged] },
    ],
    format: count,
  });
  const deltas = c.currencies
    .filter((cur) => cur.byCategory.length > 0)
    .map(
      (cur) =>
        `<figure><figcaption>Change in cost by category (${esc(cur.currency)}): ${esc(formatMoney(cur.delta, cur.currency, true))} in all</figcaption>${deltaChart(
          {
            title: `Change in cost by category (${cur.currency})`,
            categories: cur.byCategory.map((g) => `${g.key} (${count(g.changed)})`),
            values: cur.byCategory.map((g) => g.delta),
            format: (v) => formatMoney(v, cur.currency, true),
            up: UP,
            down: DOWN,
          },
        )}</figure>`,
    )
    .join('');
  const list = (xs: readonly { type: string; complaints: number }[]) =>
    xs.length === 0 ? 'none' : xs.map((x) => `${esc(x.type)} ${count(x.complaints)}`).join(', ');
  return {
    id: 'changes',
    title: 'Changes against the baseline',
    html:
      `<p>${count(c.changed)} of ${count(c.compared)} complaints (${percent(c.share)}) get a different recommendation. ` +
      `Remedies added: ${list(c.remediesAdded)}; removed: ${list(c.remediesRemoved)}.</p>` +
      `<div class="pair"><figure><figcaption>Kinds of change</figcaption>${kinds}</figure>${deltas}</div>` +
      `<h3>Changed complaints</h3>${changedTable(c.largest, c)}`,
  };
}

function incidentTable(list: readonly Incident[], partners: IncidentVoice['partners']): string {
  const shown = largestIncidents(list, MAX_INCIDENT_ROWS).sort(byFirstComplaint);
  const time = (iso: string) => Date.parse(iso);
  const utc = (iso: string) => shortTime(iso).replace('T', ' ').replace(/Z$/, '');
  const table = sortableTable<Incident>(
    'incident-list',
    [
      { header: 'Incident', type: 'text', text: (r) => r.id },
      { header: 'Cause', type: 'text', text: (r) => r.cause.key },
      { header: 'First (UTC)', type: 'number', text: (r) => utc(r.firstAt), value: (r) => time(r.firstAt) },
      { header: 'Last (UTC)', type: 'number', text: (r) => utc(r.lastAt), value: (r) => time(r.lastAt) },
      numberColumn(
        'Complaints',
        (r) => count(r.count),
        (r) => r.count,
      ),
      numberColumn(
        'Peak',
        (r) => count(r.peakCount),
        (r) => r.peakCount,
      ),
      numberColumn(
        'Expected',
        (r) => String(Math.round(r.expected * 100) / 100),
        (r) => r.expected,
      ),
      // A cause with no history grew beyond any ratio: it sorts above every other.
      numberColumn(
        'Growth',
        (r) => describeGrowth(r.growth),
        (r) => r.growth ?? Number.MAX_SAFE_INTEGER,
      ),
      numberColumn(
        'Public',
        (r) => `${count(r.publicCount)} (${percent(r.publicShare)})`,
        (r) => r.publicShare,
      ),
      {
        header: 'Partners told',
        type: 'text',
        text: (r) => (partners[r.id] ?? []).join(', ') || 'none',
      },
      {
        header: 'Complaints (first)',
        type: 'text',
        text: (r) =>
          r.complaintIds.slice(0, SHOWN_IDS).join(', ') +
          (r.complaintIds.length > SHOWN_IDS ? `, … (+${count(r.complaintIds.length - SHOWN_IDS)})` : ''),
      },
    ],
    shown,
  );
  const note =
    shown.length < list.length
      ? `The ${count(shown.length)} largest of ${count(list.length)} incidents; `
      : list.length === 1
        ? 'The one incident; '
        : `All ${count(list.length)} incidents, by first complaint; `;
  return `<p>${note}click a column header to sort. <code>--json</code> lists every complaint id.</p><div class="scroll">${table}</div>`;
}

/** Who owns the incidents, what the public is told, who else is told: under the new rules. */
function voice(v: IncidentVoice): string {
  const told = [...new Set(Object.values(v.partners).flat())];
  return (
    `<p id="incident-voice">Every complaint in an incident is owned by <strong>${esc(v.owner)}</strong>; ` +
    `partners told once per incident: ${told.length > 0 ? esc(told.join(', ')) : 'none'}. ` +
    `Public posts are answered with the shared statement:</p><blockquote>${esc(v.statement)}</blockquote>`
  );
}

function incidents(s: SimulationSummary): Section | undefined {
  const i = s.incidents;
  if (!i) return undefined;
  const mode = i.applied
    ? "Replayed in crisis mode: under each rule set, every complaint in an incident was offered at least its incident's policy."
    : 'Listed only: every complaint was recommended for alone (<code>--apply-incidents</code> replays in crisis mode).';
  const detection = `<p>Detection: ${esc(describeDetection(i.options))}. ${mode}</p>`;
  const among = `${count(i.complaints)} recommended complaints${
    i.firstAt && i.lastAt ? ` (${esc(shortTime(i.firstAt))} to ${esc(shortTime(i.lastAt))})` : ''
  }`;
  if (i.list.length === 0) {
    return {
      id: 'incidents',
      title: 'Incidents',
      html: `<p class="none"><strong>No incidents</strong>: no cause had a burst among the ${among}.</p>${detection}`,
    };
  }
  const charted = largestIncidents(i.list, MAX_INCIDENTS_CHARTED).sort(byFirstComplaint);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const timeline = timelineChart({
    title: 'Incidents over time',
    from: Date.parse(i.firstAt ?? charted[0]?.firstAt ?? ''),
    to: Date.parse(i.lastAt ?? charted[0]?.lastAt ?? ''),
    rows: charted.map((x) => ({
      label: x.cause.key,
      start: Date.parse(x.firstAt),
      end: Date.parse(x.lastAt),
      note: count(x.count),
      detail: `${x.id}: ${count(x.count)} complaints, ${shortTime(x.firstAt)} to ${shortTime(x.lastAt)}, growth ${describeGrowth(x.growth)}`,
    })),
    color: INCIDENT,
    formatTime: day,
  });
  const caption =
    charted.length < i.list.length
      ? `When each incident ran: the ${charted.length} largest, with their complaints`
      : 'When each incident ran, with its complaints';
  return {
    id: 'incidents',
    title: `Incidents (${count(i.list.length)})`,
    html:
      `<p>${count(i.list.length)} incident${i.list.length === 1 ? '' : 's'} among the ${among}: ` +
      `${count(i.inIncidents)} complaints (${percent(i.inIncidents / i.complaints)}) are part of one.</p>${detection}` +
      `<figure><figcaption>${caption}</figcaption>${timeline}</figure>` +
      `<h3>One voice</h3>${voice(i.voice)}` +
      `<h3>Incident list</h3>${incidentTable(i.list, i.voice.partners)}`,
  };
}

function errors(s: SimulationSummary): Section | undefined {
  if (s.errors.lines === 0) return undefined;
  const rows = s.errors.first
    .map(
      (e) =>
        `<tr><td class="num">${e.line}</td><td>${esc(e.error.code)}</td><td><code>${esc(e.error.pointer)}</code></td><td>${esc(e.error.message)}</td></tr>`,
    )
    .join('');
  return {
    id: 'errors',
    title: `Failed lines (${count(s.errors.lines)})`,
    html:
      `<p>${s.errors.byCode.map((c) => `${esc(c.code)} ${count(c.lines)}`).join(', ')}. The first ${s.errors.first.length}:</p>` +
      `<table class="compact"><thead><tr><th class="num">line</th><th>code</th><th>pointer</th><th>message</th></tr></thead><tbody>${rows}</tbody></table>`,
  };
}

/**
 * The simulation as one self-contained HTML page: inline CSS, charts drawn as inline SVG, one inline
 * script (allowed by hash) to sort the table of changed complaints. A Content-Security-Policy forbids
 * every network request, so the page works offline and leaks nothing.
 */
export function renderReport(s: SimulationSummary): string {
  const sections = [
    remedyMix(s),
    ...costs(s),
    handling(s),
    rules(s),
    changes(s),
    outcomesSection(s),
    incidents(s),
    errors(s),
  ].filter((x): x is Section => x !== undefined);
  const ruleSets =
    `new rules: <strong>${esc(s.proposed.ruleSet.name)}</strong> ${esc(s.proposed.ruleSet.version)} (${esc(s.proposed.ruleSet.source)})` +
    (s.baseline
      ? ` · baseline: <strong>${esc(s.baseline.ruleSet.name)}</strong> ${esc(s.baseline.ruleSet.version)} (${esc(s.baseline.ruleSet.source)})`
      : '');
  return reportPage({
    title: `redress simulation: ${esc(s.proposed.ruleSet.name)}${s.baseline ? ` vs ${esc(s.baseline.ruleSet.name)}` : ''}`,
    heading: 'Rule-set simulation',
    lines: [`${count(s.records)} complaints from ${esc(s.input)}`, ruleSets],
    overview: overview(s),
    sections,
    command: 'redress simulate',
  });
}
