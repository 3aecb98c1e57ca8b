// Rule sets of nested rules, for the analysis benchmark and the analyser's tests: each rule's conditions
// are a tree as deep as the loader allows (8 levels of all/any/not by default), alternating `all` and
// `any`, with a leaf or two beside the next group at each level and a `not` here and there. These are the
// shapes on which the analysis once blew up (issue 13: 10 such rules took 9 s, 100 took 2 minutes).
// Deterministic: the same arguments always give the same rule set.
import { prng } from './workload.mjs';

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const int = (rand, min, max) => min + Math.floor(rand() * (max - min + 1));

const CATEGORIES = ['wrong_item', 'damaged_item', 'missing_item', 'late_delivery', 'billing_error', 'other'];

/** Leaves over facts of every kind: numbers (facts and scores), enums, booleans and derived facts. */
const LEAVES = [
  (r) => ({
    fact: 'daysLate',
    operator: pick(r, ['greaterThan', 'lessThanInclusive']),
    value: int(r, 1, 14),
  }),
  (r) => ({
    fact: 'orderTotal',
    operator: pick(r, ['greaterThanInclusive', 'lessThan']),
    value: int(r, 1, 40) * 10,
  }),
  (r) => ({ fact: 'severity', operator: pick(r, ['greaterThan', 'lessThan']), value: int(r, 10, 90) }),
  (r) => ({ fact: 'value', operator: 'between', value: [int(r, 0, 40), int(r, 50, 100)] }),
  (r) => ({ fact: 'itemsAffected', operator: 'greaterThanInclusive', value: int(r, 1, 4) }),
  (r) => ({ fact: 'tenureMonths', operator: pick(r, ['greaterThan', 'lessThan']), value: int(r, 1, 60) }),
  (r) => ({ fact: 'complaints90d', operator: 'lessThanInclusive', value: int(r, 1, 5) }),
  (r) => ({
    fact: 'tone',
    operator: pick(r, ['in', 'notIn']),
    value: pick(r, [['angry'], ['calm', 'upset'], ['abusive']]),
  }),
  (r) => ({
    fact: 'channel',
    operator: pick(r, ['equal', 'notEqual']),
    value: pick(r, ['email', 'phone', 'social']),
  }),
  (r) => ({ fact: 'legalThreat', operator: 'equal', value: r() < 0.5 }),
  (r) => ({ fact: 'isPublic', operator: 'equal', value: r() < 0.5 }),
  (r) => ({
    fact: 'severityBand',
    operator: 'in',
    value: pick(r, [['high', 'critical'], ['low'], ['medium', 'high']]),
  }),
  (r) => ({ fact: 'valueTier', operator: 'notEqual', value: pick(r, ['standard', 'gold']) }),
  (r) => ({ fact: 'isRepeat', operator: 'equal', value: r() < 0.5 }),
  (r) => ({ fact: 'overcharge', operator: 'greaterThan', value: int(r, 0, 30) }),
];

const leaf = (rand) => pick(rand, LEAVES)(rand);

/**
 * A group at `level` (1 is the rule's top group) holding `leaves` leaves: two children, each a group
 * with half of them, down to pairs of leaves; the kinds alternate, and a `not` stands where a level is
 * left for it.
 */
function group(rand, level, depth, kind, leaves) {
  if (leaves <= 2 || level >= depth)
    return { [kind]: Array.from({ length: Math.max(1, leaves) }, () => leaf(rand)) };
  const nextKind = kind === 'all' ? 'any' : 'all';
  const half = Math.floor(leaves / 2);
  const child = (n) => {
    const spare = depth - level > Math.ceil(Math.log2(Math.max(n, 2)));
    return spare && rand() < 0.25
      ? { not: group(rand, level + 2, depth, nextKind, n) }
      : group(rand, level + 1, depth, nextKind, n);
  };
  return { [kind]: [child(half), child(leaves - half)] };
}

/**
 * The `i`th nested rule: a category it applies to, then a tree `depth` levels deep. Its remedy is an
 * apology or a small coupon, so that caps never decide what the analysis finds.
 */
export function nestedRule(i, { depth = 8, leaves = 52, seed = 13 } = {}) {
  const rand = prng(seed * 1_000_003 + i * 7919);
  const category = { fact: 'category', operator: 'in', value: [CATEGORIES[i % CATEGORIES.length]] };
  const tree = group(rand, 2, depth, 'any', leaves);
  return {
    name: `nested-${i + 1}`,
    priority: 1 + (i % 100),
    conditions: { all: [category, tree] },
    remedies: [rand() < 0.5 ? { type: 'apology' } : { type: 'coupon', percent: 10 }],
  };
}

/** A rule set of `count` nested rules (`collect` hit policy, as shipped). */
export function nestedRuleSet(count, options = {}) {
  return {
    name: `nested-${count}`,
    version: '1',
    rules: Array.from({ length: count }, (_, i) => nestedRule(i, options)),
  };
}
