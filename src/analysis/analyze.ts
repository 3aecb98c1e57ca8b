import { CATEGORIES, type Category, type ComplaintInput } from '../complaint/schema';
import type { Facts } from '../facts/catalogue';
import type { CapLimitName } from '../policy/caps';
import type { HitPolicy } from '../policy/schema';
import { compareOutputRank, outputRank } from '../policy/selection';
import type { RemedyType } from '../remedies/catalogue';
import type { Condition, LeafCondition } from '../rules/condition';
import { byPriority } from '../rules/engine/evaluator';
import { loadRuleSet, type Rule, type RuleSet } from '../rules/ruleset';
import { SEVERITY_BANDS, type SeverityBand } from '../scoring/score';
import { type Box, EVERYTHING, meet, narrow, subtractAll } from './box';
import { toBoxes } from './dnf';
import { atom, intersect, isEmptySet, severityRange } from './fact-sets';
import { holds } from './holds';
import { alwaysExceeds, bindingAt, exceedsAt, isGoodwillSpec } from './over-cap';
import { type Sample, searchComplaints } from './search';
import { findWitness, type Witness } from './witness';

/** A complaint that shows a finding: its facts, and the complaint itself (valid input to `recommend`). */
export interface Example {
  readonly facts: Facts;
  readonly complaint: ComplaintInput;
}

/**
 * How a finding was established: `exact` (reasoned over the facts' sets of values and the scoring
 * model: a proof) or `search` (found by a seeded search over generated complaints).
 */
export type FindingMethod = 'exact' | 'search';

interface FindingBase {
  /** The rules the finding is about (none for a gap). */
  readonly rules: readonly string[];
  readonly method: FindingMethod;
  /** The finding in one plain sentence. */
  readonly message: string;
}

/**
 * A rule that can never fire or never decide: `contradictory` (its conditions exclude each other),
 * `impossible` (each condition can hold, but no complaint meets them together), `shadowed` (under
 * `first` or `priority`, whenever it fires a rule that wins fires too), `never_fired` (search only:
 * no complaint tried made it fire).
 */
export interface UnreachableFinding extends FindingBase {
  readonly kind: 'unreachable';
  readonly cause: 'contradictory' | 'impossible' | 'shadowed' | 'never_fired';
  /** For `shadowed`: the rules that win at the example. */
  readonly shadowedBy: readonly string[];
  /** For `shadowed`: a complaint where it fires but another rule wins; null otherwise. */
  readonly example: Example | null;
}

/** Two rules that fire for the same complaint, which the `unique` hit policy refuses. */
export interface OverlapFinding extends FindingBase {
  readonly kind: 'overlap';
  readonly example: Example;
}

/** Complaints of one category and severity band for which no rule fires. */
export interface GapFinding extends FindingBase {
  readonly kind: 'gap';
  readonly category: Category;
  readonly severityBand: SeverityBand;
  readonly example: Example;
}

/** A goodwill remedy of a rule that exceeds the goodwill limit for every complaint the rule fires for. */
export interface OverCapFinding extends FindingBase {
  readonly kind: 'over_cap';
  /** The remedy: its position in the rule's `remedies` and its type. */
  readonly remedy: { readonly index: number; readonly type: RemedyType };
  /** The limit it always exceeds on its own, or the one that binds at the example. */
  readonly limit: CapLimitName;
  readonly example: Example;
}

/** One thing `analyzeRuleSet` found. */
export type Finding = UnreachableFinding | OverlapFinding | GapFinding | OverCapFinding;

/** What `analyzeRuleSet` found, and how. */
export interface RuleSetAnalysis {
  readonly ruleSet: { readonly name: string; readonly version: string };
  /** The hit policy the rules were analysed under. */
  readonly hit: HitPolicy;
  readonly findings: readonly Finding[];
  /** True when every question was settled exactly; false when some needed the search. */
  readonly exact: boolean;
  /** Complaints the search generated (0 when none was needed). */
  readonly searched: number;
}

/** Options of `analyzeRuleSet`. */
export interface AnalyzeOptions {
  /** Analyse as if the rule set had this hit policy (e.g. `unique`, to list overlaps). Default: its own. */
  readonly hit?: HitPolicy;
  /**
   * Most boxes (conjunctions of fact sets) one rule's conditions may expand to before that rule is left
   * to the search; the remainders of gap and shadow checks may have 16 times as many. Default 256.
   */
  readonly maxBoxes?: number;
  /** Complaints the search generates when it is needed. Default 2,000. */
  readonly searchRuns?: number;
  /** Seed of the search. Default 20261125. */
  readonly seed?: number;
}

interface Analysed {
  readonly rule: Rule;
  readonly index: number;
  /** Undefined when the conditions are too large to expand: the rule is left to the search. */
  readonly boxes: Box[] | undefined;
  readonly witness: Extract<Witness, { status: 'found' }> | undefined;
  readonly status: 'reachable' | 'contradictory' | 'impossible' | 'unknown' | 'opaque';
  readonly reason: string;
}

const quote = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
const describeLeaf = (l: LeafCondition) => `${l.fact} ${l.operator} ${JSON.stringify(l.value)}`;

/** Names the leaves of a rule's top-level `all` that contradict each other on one fact, if any. */
function contradiction(rule: Rule, ruleSet: RuleSet): string {
  const top = rule.conditions as Condition;
  if ('all' in top) {
    const leaves = top.all.filter((c): c is LeafCondition => 'fact' in c);
    const byFact = new Map<string, { leaves: LeafCondition[]; set: ReturnType<typeof atom>['set'] }>();
    for (const leaf of leaves) {
      const a = atom(leaf.fact, leaf.operator, leaf.value, ruleSet.scoring);
      const seen = byFact.get(a.fact);
      const set = seen ? intersect(a.fact, seen.set, a.set) : a.set;
      byFact.set(a.fact, { leaves: [...(seen?.leaves ?? []), leaf], set });
      if (isEmptySet(set))
        return `${[...(seen?.leaves ?? []), leaf].map(describeLeaf).join(' and ')} cannot both hold`;
    }
  }
  return 'no combination of its conditions can hold at once';
}

function analyseRule(rule: Rule, index: number, ruleSet: RuleSet, maxBoxes: number): Analysed {
  const boxes = toBoxes(rule.conditions as Condition, ruleSet.scoring, maxBoxes);
  const base = { rule, index, boxes };
  if (!boxes) return { ...base, witness: undefined, status: 'opaque', reason: '' };
  if (boxes.length === 0)
    return { ...base, witness: undefined, status: 'contradictory', reason: contradiction(rule, ruleSet) };
  let reason = '';
  let undecided = false;
  for (const box of boxes) {
    const w = findWitness(box, ruleSet.scoring);
    if (w.status === 'found') return { ...base, witness: w, status: 'reachable', reason: '' };
    if (w.status === 'unknown') undecided = true;
    reason ||= w.reason;
  }
  return { ...base, witness: undefined, status: undecided ? 'unknown' : 'impossible', reason };
}

/** The order in which rules win under a single-winner hit policy: each rule's rivals come before it. */
function winningOrder(hit: HitPolicy, rules: readonly Analysed[]): Analysed[] {
  const ranked = rules.map((r) => ({ r, rank: outputRank(r.rule) }));
  ranked.sort((a, b) => {
    const byRule = byPriority(
      { priority: a.r.rule.priority, index: a.r.index },
      { priority: b.r.rule.priority, index: b.r.index },
    );
    return hit === 'priority' ? compareOutputRank(a.rank, b.rank) || byRule : byRule;
  });
  return ranked.map((x) => x.r);
}

/**
 * Checks a rule set for rules that can never fire or never decide, overlaps under `unique`, gaps
 * (categories and severity bands for which no rule fires) and goodwill remedies that always exceed
 * the caps. Each finding names its rules and, where a complaint can show it, gives one.
 *
 * Reasoning is exact where the conditions allow: each rule becomes a union of boxes (a set of values
 * per fact: intervals for numbers, sets for the others), boxes are intersected and subtracted, and a
 * box is turned into a real complaint through the scoring model (severity and value are sums of
 * factors; bands, tiers and repeats follow from them), which also proves when none exists. Rules
 * whose conditions expand beyond `maxBoxes` are left to a seeded search over generated complaints,
 * and what it finds says `method: 'search'`.
 *
 * @example
 * ```ts
 * import { defaultRuleSet } from 'redress';
 * import { analyzeRuleSet } from 'redress/analysis';
 *
 * analyzeRuleSet(defaultRuleSet); //=> { ruleSet: { name: 'default', … }, hit: 'collect', findings: [], exact: true, searched: 0 }
 *
 * const late = (name: string, days: [number, number]) => ({
 *   name,
 *   priority: 50,
 *   conditions: { all: [{ fact: 'daysLate', operator: 'between', value: days }] },
 *   remedies: [{ type: 'apology' }],
 * });
 * const { findings } = analyzeRuleSet({ name: 'mine', version: '1', rules: [late('a', [3, 6]), late('b', [5, 9])] }, { hit: 'unique' });
 * findings.filter((f) => f.kind === 'overlap').map((f) => f.message);
 * //=> ['rules "a" and "b" can fire for the same complaint, which the hit policy "unique" refuses']
 * ```
 */
export function analyzeRuleSet(input: unknown, options: AnalyzeOptions = {}): RuleSetAnalysis {
  const ruleSet = loadRuleSet(input);
  const hit = options.hit ?? ruleSet.policy.hit;
  const maxBoxes = options.maxBoxes ?? 256;
  const maxPieces = maxBoxes * 16;
  const policy = ruleSet.policy;
  const analysed = ruleSet.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.enabled)
    .map(({ rule, index }) => analyseRule(rule, index, ruleSet, maxBoxes));
  const findings: Finding[] = [];

  let samples: Sample[] | undefined;
  const search = () => {
    samples ??= searchComplaints(ruleSet, options.searchRuns ?? 2000, options.seed ?? 20261125);
    return samples;
  };
  const fires = (a: Analysed, facts: Facts) => holds(a.rule.conditions as Condition, facts);
  const example = (s: { facts: Facts; complaint: ComplaintInput }): Example => ({
    facts: s.facts,
    complaint: s.complaint,
  });
  const firedIn = (a: Analysed) => search().filter((s) => fires(a, s.facts));

  // Rules that can never fire.
  for (const a of analysed) {
    if (a.status === 'contradictory' || a.status === 'impossible') {
      findings.push({
        kind: 'unreachable',
        cause: a.status,
        rules: [a.rule.name],
        shadowedBy: [],
        method: 'exact',
        example: null,
        message:
          a.status === 'contradictory'
            ? `rule "${a.rule.name}" can never fire: ${a.reason}`
            : `rule "${a.rule.name}" can never fire: each condition can hold, but no complaint meets them together (${a.reason})`,
      });
    } else if ((a.status === 'opaque' || a.status === 'unknown') && firedIn(a).length === 0) {
      findings.push({
        kind: 'unreachable',
        cause: 'never_fired',
        rules: [a.rule.name],
        shadowedBy: [],
        method: 'search',
        example: null,
        message: `rule "${a.rule.name}" did not fire for any of ${search().length} complaints tried; it may never fire`,
      });
    }
  }
  const live = analysed.filter(
    (a) =>
      a.status === 'reachable' ||
      ((a.status === 'opaque' || a.status === 'unknown') && firedIn(a).length > 0),
  );
  const exactly = (a: Analysed) => a.status === 'reachable' && a.boxes !== undefined;

  // Rules that never decide under a single-winner hit policy.
  if (hit === 'first' || hit === 'priority') {
    const order = winningOrder(hit, live);
    order.forEach((a, position) => {
      const rivals = order.slice(0, position);
      if (rivals.length === 0) return;
      let decided: { shadowed: boolean; method: FindingMethod; at?: Example } | undefined;
      if (exactly(a) && rivals.every(exactly)) {
        const rest = subtractAll(
          a.boxes as Box[],
          rivals.flatMap((r) => r.boxes as Box[]),
          maxPieces,
        );
        if (rest) {
          const witnesses = rest.map((box) => findWitness(box, ruleSet.scoring));
          if (witnesses.some((w) => w.status === 'found')) decided = { shadowed: false, method: 'exact' };
          else if (witnesses.every((w) => w.status === 'impossible'))
            decided = { shadowed: true, method: 'exact', at: a.witness && example(a.witness) };
        }
      }
      if (!decided) {
        const cases = firedIn(a);
        const free = cases.find((s) => !rivals.some((r) => fires(r, s.facts)));
        decided =
          free || cases.length === 0
            ? { shadowed: false, method: 'search' }
            : { shadowed: true, method: 'search', at: example(cases[0] as Sample) };
      }
      if (!decided.shadowed || !decided.at) return;
      const at = decided.at;
      const by = rivals.filter((r) => fires(r, at.facts)).map((r) => r.rule.name);
      findings.push({
        kind: 'unreachable',
        cause: 'shadowed',
        rules: [a.rule.name],
        shadowedBy: by,
        method: decided.method,
        example: at,
        message: `rule "${a.rule.name}" never decides under the hit policy "${hit}": whenever it fires, a rule that wins fires too (here ${quote(by)})`,
      });
    });
  }

  // Overlaps under `unique`.
  if (hit === 'unique') {
    for (let i = 0; i < live.length; i++) {
      for (let j = i + 1; j < live.length; j++) {
        const a = live[i] as Analysed;
        const b = live[j] as Analysed;
        let found: { at: Example; method: FindingMethod } | undefined;
        if (exactly(a) && exactly(b)) {
          for (const x of a.boxes as Box[]) {
            for (const y of b.boxes as Box[]) {
              const both = meet(x, y);
              const w = both && findWitness(both, ruleSet.scoring);
              if (w && w.status === 'found') {
                found = { at: example(w), method: 'exact' };
                break;
              }
            }
            if (found) break;
          }
        } else {
          const s = search().find((x) => fires(a, x.facts) && fires(b, x.facts));
          if (s) found = { at: example(s), method: 'search' };
        }
        if (found) {
          findings.push({
            kind: 'overlap',
            rules: [a.rule.name, b.rule.name],
            method: found.method,
            example: found.at,
            message: `rules "${a.rule.name}" and "${b.rule.name}" can fire for the same complaint, which the hit policy "unique" refuses`,
          });
        }
      }
    }
  }

  // Gaps: a category and severity band for which no rule fires.
  const exactRules = analysed.filter((a) => a.boxes !== undefined);
  const opaque = analysed.filter((a) => a.boxes === undefined);
  for (const category of CATEGORIES) {
    for (const band of SEVERITY_BANDS) {
      const cell = narrow(
        narrow(EVERYTHING, 'category', { kind: 'vals', values: new Set([category]), negated: false }) as Box,
        'severity',
        { kind: 'num', set: severityRange(ruleSet.scoring, [band]) },
      );
      if (!cell || findWitness(cell, ruleSet.scoring).status === 'impossible') continue;
      let found: { at: Example; method: FindingMethod } | undefined;
      let settled = false;
      const rest = subtractAll(
        [cell],
        exactRules.flatMap((a) => a.boxes as Box[]),
        maxPieces,
      );
      if (rest) {
        settled = true;
        for (const box of rest) {
          const w = findWitness(box, ruleSet.scoring);
          if (w.status === 'found' && !analysed.some((a) => fires(a, w.facts))) {
            found = { at: example(w), method: 'exact' };
            break;
          }
          if (w.status !== 'impossible') settled = false;
        }
      }
      if (!found && !(settled && opaque.length === 0)) {
        const s = search().find(
          (x) =>
            x.facts.category === category &&
            x.facts.severityBand === band &&
            !analysed.some((a) => fires(a, x.facts)),
        );
        if (s) found = { at: example(s), method: 'search' };
      }
      if (found) {
        findings.push({
          kind: 'gap',
          rules: [],
          category,
          severityBand: band,
          method: found.method,
          example: found.at,
          message: `no rule fires for some ${category} complaints of ${band} severity`,
        });
      }
    }
  }

  // Goodwill remedies that always exceed the caps.
  for (const a of live) {
    a.rule.remedies.forEach((spec, index) => {
      if (!isGoodwillSpec(spec)) return;
      let result: { limits: CapLimitName[]; method: FindingMethod; at: Example } | undefined;
      if (exactly(a) && a.witness) {
        const checks = (a.boxes as Box[]).map((box) => alwaysExceeds(spec, box, policy, ruleSet.scoring));
        if (checks.every((c) => c.always)) {
          const limits = (['severity', 'tier', 'total', 'customer'] as CapLimitName[]).filter((l) =>
            checks.every((c) => c.limits.includes(l)),
          );
          result = { limits, method: 'exact', at: example(a.witness) };
        }
      } else if (!exactly(a)) {
        const cases = firedIn(a);
        if (cases.length > 0 && cases.every((s) => exceedsAt(spec, s.facts, policy)))
          result = { limits: [], method: 'search', at: example(cases[0] as Sample) };
      }
      if (!result) return;
      const limit = result.limits[0] ?? bindingAt(result.at.facts, policy);
      findings.push({
        kind: 'over_cap',
        rules: [a.rule.name],
        remedy: { index, type: spec.type },
        limit,
        method: result.method,
        example: result.at,
        message: `the ${spec.type} of rule "${a.rule.name}" always exceeds the goodwill limit (${limit}), so it is always reduced or left out`,
      });
    });
  }

  return {
    ruleSet: { name: ruleSet.name, version: ruleSet.version },
    hit,
    findings,
    exact: samples === undefined,
    searched: samples?.length ?? 0,
  };
}
