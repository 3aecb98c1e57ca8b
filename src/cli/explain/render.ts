import {
  type ConditionTrace,
  type Factor,
  localeDirection,
  type Recommendation,
  type Remedy,
  type RuleSet,
} from '../../index';
import { fromMinor, toMinor } from '../../money';
import { formatMoney } from '../format-money';
import { printable, printableLine, type Style } from '../style';

const OPERATOR_SYMBOLS: Readonly<Record<string, string>> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'in',
  notIn: 'not in',
  between: 'between',
};

const value = (v: unknown) => printable(JSON.stringify(v) ?? String(v));

function mark(held: boolean, style: Style): string {
  return held ? style.green('✓') : style.red('✗');
}

function conditionLines(node: ConditionTrace, depth: number, style: Style, held = node.result): string[] {
  const indent = '  '.repeat(depth);
  if ('fact' in node) {
    const op = OPERATOR_SYMBOLS[node.operator] ?? node.operator;
    return [
      `${indent}${mark(held, style)} ${node.fact} ${op} ${value(node.value)}  ${style.dim(`actual ${value(node.factResult)}`)}`,
    ];
  }
  if ('not' in node) {
    return [`${indent}${mark(held, style)} not`, ...conditionLines(node.not, depth + 1, style)];
  }
  const [kind, children] = 'all' in node ? (['all of', node.all] as const) : (['any of', node.any] as const);
  return [
    `${indent}${mark(held, style)} ${kind}`,
    ...children.flatMap((child) => conditionLines(child, depth + 1, style)),
  ];
}

function factorLines(factors: readonly Factor[]): string[] {
  if (factors.length === 0) return ['    (no factors)'];
  return factors.map(
    (f) => `  ${(f.points >= 0 ? `+${f.points}` : String(f.points)).padStart(5)}  ${printable(f.reason)}`,
  );
}

/** A remedy's own parameters (what is sent, how much, until when), in a short line. */
export function remedyDetails(remedy: Remedy): string {
  const skip = new Set(['type', 'kind', 'rule', 'priority', 'estimatedCost']);
  const parts: string[] = [];
  for (const [key, v] of Object.entries(remedy)) {
    if (skip.has(key) || v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      const items = v.map((item) =>
        typeof item === 'object' && item !== null && 'sku' in item && 'quantity' in item
          ? `${printable(String(item.sku))} ×${item.quantity}`
          : value(item),
      );
      parts.push(`${key} ${items.join(', ')}`);
    } else if (typeof v === 'object') {
      parts.push(`${key} ${value(v)}`);
    } else {
      parts.push(`${key} ${printable(String(v))}`);
    }
  }
  return parts.join(' · ');
}

/** The complaint, the rule set and, for a complaint in another currency than the rules', the rate. */
function header(rec: Recommendation, source: string, style: Style): string[] {
  // Money facts are in the rule set's currency.
  const ruleSetCurrency = rec.money.ruleSetCurrency ?? rec.currency;
  const facts = rec.trace.facts;
  const out = [
    `${style.bold(`Complaint ${printable(rec.complaintId)}`)} · ${facts.category} · ${facts.channel}` +
      ` · order total ${formatMoney(facts.orderTotal, ruleSetCurrency)}`,
    style.dim(
      `rule set "${printable(rec.ruleSet.name)}" ${printable(rec.ruleSet.version)} (${printable(source)}) · hit policy ${rec.trace.hit}`,
    ),
  ];
  if (rec.money.ruleSetCurrency !== null && rec.money.currency !== rec.money.ruleSetCurrency) {
    out.push(
      style.dim(
        `money: the rules read amounts in ${ruleSetCurrency}; this complaint is in ${rec.currency}, at ` +
          `1 ${ruleSetCurrency} = ${rec.money.rate} ${rec.currency} (rates of ${printable(rec.money.asOf ?? '?')}); ` +
          `caps and remedies below are in ${rec.currency}`,
      ),
    );
  }
  return out;
}

/**
 * The readable account of one recommendation, for an analyst at a terminal: scores and their factors,
 * every rule with each condition's result and the fact's actual value, the caps, what was dropped, the
 * remedies, the handling and the rationale. Needs a recommendation made with `trace: 'all'`.
 */
export function renderExplanation(
  rec: Recommendation,
  ruleSet: RuleSet,
  source: string,
  style: Style,
): string {
  const out: string[] = [];
  const m = (amount: number) => formatMoney(amount, rec.currency);
  const heading = (text: string) => out.push('', style.bold(text));

  out.push(...header(rec, source, style));
  heading(`Severity ${rec.severity.score}/100 (${rec.severity.band})`);
  out.push(...factorLines(rec.severity.factors));
  heading(`Customer value ${rec.value.score}/100 (${rec.value.tier})`);
  out.push(...factorLines(rec.value.factors));

  heading('Rules, highest priority first');
  const outcomes = rec.trace.rules ?? [];
  for (const outcome of outcomes) {
    const status = outcome.fired ? style.green('fired') : style.dim('did not fire');
    out.push(
      `  ${mark(outcome.fired, style)} ${style.bold(outcome.name)} ${style.dim(`priority ${outcome.priority}`)} — ${status}`,
    );
    // The top group held exactly when the rule fired (older engines left its own `result` unset).
    out.push(...conditionLines(outcome.conditions, 3, style, outcome.fired));
  }
  const disabled = ruleSet.rules.filter((r) => !r.enabled);
  for (const rule of disabled)
    out.push(`  ${style.dim(`– ${rule.name} priority ${rule.priority} — disabled`)}`);
  if (outcomes.length === 0 && disabled.length === 0) out.push('  (the rule set has no rules)');

  heading('Caps');
  const cap = rec.cap;
  const limitLines: [string, string, number | null][] = [
    [
      'severity',
      `${rec.severity.band} severity share of the value at stake (${m(cap.affectedValue)})`,
      cap.severityLimit,
    ],
    ['tier', `${rec.value.tier} tier`, cap.tierLimit],
    [
      'total',
      `${m(cap.totalLimit)} for restitution and goodwill together, less restitution`,
      fromMinor(
        toMinor(cap.totalLimit, rec.currency) - toMinor(rec.restitutionCost, rec.currency),
        rec.currency,
      ),
    ],
    ['customer', "what is left of the customer's goodwill allowance", cap.customerLimit],
  ];
  out.push(
    `  goodwill limit ${m(cap.goodwillLimit)}, the smallest of:`,
    ...limitLines
      .filter(([, , v]) => v !== null)
      .map(([name, what, v]) => {
        const line = `    ${name.padEnd(9)}${m(v as number).padStart(12)}  ${what}`;
        return name === cap.binding ? `${style.bold(line)}  ${style.dim('← binds')}` : line;
      }),
    `  total ${m(rec.totalCost)} = restitution ${m(rec.restitutionCost)} (never cut) + goodwill ${m(rec.goodwillCost)}`,
  );
  if (rec.trace.dropped.length === 0) out.push(style.dim('  nothing was dropped'));
  for (const d of rec.trace.dropped) {
    out.push(
      `  ${style.yellow('dropped')} ${d.type} from rule ${printable(d.rule)} (${d.reason}): ${printable(d.detail)}`,
    );
  }

  heading('Remedies');
  const width = Math.max(...rec.remedies.map((r) => r.type.length), 4);
  for (const r of rec.remedies) {
    out.push(
      `  ${r.type.padEnd(width)} ${m(r.estimatedCost).padStart(12)}  ${r.kind.padEnd(11)} ${style.dim(`rule ${printable(r.rule)}`)}`,
    );
    const details = remedyDetails(r);
    if (details !== '') out.push(`  ${' '.repeat(width)} ${style.dim(details)}`);
  }

  const h = rec.handling;
  heading(
    `Handling: ${h.mode === 'automatic' ? style.green('automatic') : style.yellow('a person decides')}`,
  );
  if (h.reasons.length > 0) out.push(`  reasons: ${h.reasons.join(', ')}`);
  out.push(
    `  owner ${printable(h.owner)}${h.queue ? ` · queue ${printable(h.queue)}` : ''} · answer on ${h.respondOn} by ${h.respondBy}`,
  );
  if (h.publicAcknowledgement) {
    out.push(
      `  acknowledge publicly on ${printable(h.publicAcknowledgement.platform)} by ${h.publicAcknowledgement.dueAt}`,
    );
  }
  out.push(`  check satisfaction on ${rec.followUp.checkSatisfactionAt} via ${rec.followUp.channel}`);

  heading(`Rationale (${rec.locale})`);
  for (const audience of ['customer', 'agent'] as const) {
    const sentences = rec.rationale.filter((s) => s.audience === audience);
    if (sentences.length === 0) continue;
    out.push(`  ${style.dim(audience === 'customer' ? 'to the customer' : 'for the agent')}`);
    const direction = localeDirection(rec.locale);
    for (const s of sentences) out.push(`    ${printableLine(s.text, direction)}`);
  }
  return `${out.join('\n')}\n`;
}
