import { z } from 'zod';
import { CurrencyCodeSchema } from '../complaint/schema';
import {
  formatPath,
  fromZodIssues,
  issue,
  type PathSegment,
  RedressError,
  type RedressIssue,
} from '../errors';
import { LOCALE_CODES, LOCALES, type Locale, placeholders } from '../i18n/locale';
import { isLimitCode, type Limits, type LimitsOption, limits, resolveLimits } from '../input/limits';
import { type PlainJsonKind, readUntrusted } from '../input/plain-json';
import { PolicySchema, RENAMED_POLICY_FIELDS } from '../policy/schema';
import { REMEDY_TYPES, RemedySpecSchema } from '../remedies/catalogue';
import { ScoringSchema } from '../scoring/config';
import { ConditionSchema, checkCondition, type TopLevelCondition } from './condition';

/** Placeholders a rule's own rationale text may use. */
export const RULE_RATIONALE_PLACEHOLDERS = [
  'subject',
  'orderId',
  'category',
  'daysLate',
  'severity',
  'value',
  'plan',
] as const;

const ruleRationaleText = z.string().min(1).max(limits.maxLongText);

/**
 * A rule's rationale: a key of the built-in catalogue (`"wrong-item"` → message `rule.wrong-item`), or
 * its own text per locale, English required.
 */
const RuleRationaleSchema = z.union([
  z.string().min(1).max(limits.maxIdLength),
  z.strictObject(
    Object.fromEntries(
      LOCALE_CODES.map((l) => [l, l === 'en' ? ruleRationaleText : ruleRationaleText.optional()]),
    ) as {
      en: typeof ruleRationaleText;
    } & Record<Exclude<Locale, 'en'>, z.ZodOptional<typeof ruleRationaleText>>,
  ),
]);

function ruleSchema<C extends z.ZodType>(conditions: C) {
  return z.strictObject({
    name: z
      .string()
      .min(1)
      .max(limits.maxIdLength)
      .regex(/^[A-Za-z0-9][\w.:-]*$/, 'a rule name is letters, digits, "-", "_", "." or ":"'),
    description: z.string().max(limits.maxLongText).optional(),
    /** Higher runs first and wins. A whole number ≥ 1 (json-rules-engine turns 0 into 1 silently). */
    priority: z.number().int().min(1).max(1_000_000, {
      message:
        'must be at most 1,000,000 (json-rules-engine allows any positive number): scale your priorities down; only their order matters',
    }),
    /** A disabled rule is validated but never runs. */
    enabled: z.boolean().default(true),
    conditions,
    remedies: z.array(RemedySpecSchema).min(1).max(limits.maxRemediesPerRule),
    rationale: RuleRationaleSchema.optional(),
  });
}

function ruleSetSchema<C extends z.ZodType>(conditions: C) {
  return z.strictObject({
    $schema: z.string().max(2048).optional(),
    name: z.string().min(1).max(limits.maxIdLength),
    version: z.string().min(1).max(64),
    description: z.string().max(limits.maxLongText).optional(),
    /**
     * ISO 4217 code of the currency every amount of the rule set is in (caps, auto-approval, limits,
     * shipping, gift and coupon amounts, money in conditions, the value score's spend). Complaints in
     * other currencies are converted with the caller's exchange rates. Left out, the amounts are read
     * in each complaint's own currency (and `ruleSetWarnings` warns).
     */
    currency: CurrencyCodeSchema.optional().meta({
      description:
        "ISO 4217 code of the currency every amount of the rule set is in (caps, auto-approval, limits, shipping, gift and coupon amounts, money in conditions, spend weights). Complaints in other currencies are converted with the caller's exchange rates. Left out, amounts are read in each complaint's own currency.",
    }),
    scoring: ScoringSchema,
    policy: PolicySchema,
    // At most `Limits.maxRules`, checked before the schema runs (the limit is configurable).
    rules: z.array(ruleSchema(conditions)),
  });
}

/** The rule-set schema with fully typed conditions: the source of the rule-set JSON Schema. */
export const RuleSetSchema = ruleSetSchema(
  ConditionSchema.refine((c) => !('fact' in c), 'the top of conditions must be "all", "any" or "not"'),
);

// Loading checks conditions with `checkCondition`, whose messages name the fact, operator and fix;
// the typed union above would only say "invalid input" for a mistake deep inside a tree.
const LoadSchema = ruleSetSchema(z.custom<TopLevelCondition>(() => true));

/** One validated rule. */
export type Rule = z.output<typeof LoadSchema>['rules'][number];

/** A rule set as the analyst wrote it (defaults optional). */
export type RuleSetInput = z.input<typeof RuleSetSchema>;

declare const loaded: unique symbol;

/**
 * A validated rule set: everything in it has been checked, defaults are filled in. Obtain one from
 * `loadRuleSet` (or use `defaultRuleSet`); a recommender will not run anything else.
 */
export type RuleSet = z.output<typeof LoadSchema> & { readonly [loaded]: true };

const LOADED = new WeakSet<object>();

/** True when `value` came out of `loadRuleSet` (and so needs no second validation). */
export function isLoadedRuleSet(value: unknown): value is RuleSet {
  return typeof value === 'object' && value !== null && LOADED.has(value);
}

function conditionIssues(raw: unknown, bounds: Limits): RedressIssue[] {
  const rules = typeof raw === 'object' && raw !== null ? (raw as { rules?: unknown }).rules : undefined;
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule, i) => {
    const conditions =
      typeof rule === 'object' && rule !== null ? (rule as { conditions?: unknown }).conditions : undefined;
    if (conditions === undefined) return []; // zod reports the missing field
    return checkCondition(conditions, bounds).map((p) =>
      issue(
        p.code,
        ['rules', i, 'conditions', ...p.path],
        p.message,
        p.hint === undefined ? {} : { hint: p.hint },
      ),
    );
  });
}

function semanticIssues(rules: readonly Rule[]): RedressIssue[] {
  const found: RedressIssue[] = [];
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    const previous = seen.get(rule.name);
    if (previous !== undefined) {
      found.push(
        issue(
          'duplicate_rule_name',
          ['rules', i, 'name'],
          `the name "${rule.name}" is already used by rules[${previous}]`,
          { hint: 'give every rule its own name' },
        ),
      );
    } else {
      seen.set(rule.name, i);
    }
    const rationale = rule.rationale;
    if (typeof rationale === 'string') {
      if (!Object.hasOwn(LOCALES.en.messages, `rule.${rationale}`)) {
        found.push(
          issue('unknown_rationale', ['rules', i, 'rationale'], `no built-in rationale "${rationale}"`, {
            hint: 'give the text itself: { "en": "…" }',
          }),
        );
      }
    } else if (rationale) {
      for (const [locale, text] of Object.entries(rationale)) {
        for (const name of placeholders(text ?? '')) {
          if (!(RULE_RATIONALE_PLACEHOLDERS as readonly string[]).includes(name)) {
            found.push(
              issue(
                'unknown_placeholder',
                ['rules', i, 'rationale', locale],
                `unknown placeholder {${name}}`,
                { hint: `use ${RULE_RATIONALE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` },
              ),
            );
          }
        }
      }
    }
  });
  return found;
}

function zodIssues(error: z.ZodError): RedressIssue[] {
  return error.issues.flatMap((zi) => {
    const [converted] = fromZodIssues([zi]);
    if (!converted) return [];
    const path = converted.path;
    // A policy field from an earlier version: say what replaced it rather than "unrecognized key".
    if (zi.code === 'unrecognized_keys' && path.length === 1 && path[0] === 'policy') {
      const renamed = zi.keys.filter((k) => Object.hasOwn(RENAMED_POLICY_FIELDS, k));
      const others = zi.keys.filter((k) => !Object.hasOwn(RENAMED_POLICY_FIELDS, k));
      return [
        ...renamed.map((k) =>
          issue('renamed_field', ['policy', k], `"${k}" is no longer a policy field`, {
            hint: RENAMED_POLICY_FIELDS[k] as string,
          }),
        ),
        ...(others.length > 0 ? fromZodIssues([{ ...zi, keys: others }]) : []),
      ];
    }
    // A remedy whose `type` is not one we know: say so in words, not as a union mismatch.
    if (path[0] === 'rules' && path[2] === 'remedies' && path[4] === 'type' && zi.code === 'invalid_union') {
      return [
        issue('unknown_remedy', path, 'unknown remedy type', {
          hint: `use one of ${REMEDY_TYPES.join(', ')}`,
        }),
      ];
    }
    return [converted];
  });
}

function withRuleNames(raw: unknown, issues: RedressIssue[]): RedressIssue[] {
  const rawRules = typeof raw === 'object' && raw !== null ? (raw as { rules?: unknown }).rules : undefined;
  return issues.map((i) => {
    if (i.path[0] !== 'rules' || typeof i.path[1] !== 'number' || !Array.isArray(rawRules)) return i;
    const name = (rawRules[i.path[1]] as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string') return i;
    const at = formatPath(i.path);
    const text = i.message.startsWith(`${at}: `) ? i.message.slice(at.length + 2) : i.message;
    const within = formatPath(i.path.slice(2));
    return {
      ...i,
      rule: name,
      message:
        `rule "${name.slice(0, limits.maxIdLength)}" (rules[${i.path[1]}]) ${within === '(root)' ? '' : `at ${within}`}: ${text}`.replace(
          ' :',
          ':',
        ),
    };
  });
}

const RULE_SET: PlainJsonKind = {
  noun: 'rule set',
  invalid: 'INVALID_RULESET',
  sizeLimit: 'maxRuleSetBytes',
  hasRules: true,
};

/**
 * Validates a rule set (an object, or its JSON text) up front: limits first, then structure, every fact
 * and operator, every remedy's parameters, names, priorities and rationale. Returns a frozen `RuleSet`.
 *
 * @throws RedressError `LIMIT_EXCEEDED` over a limit (`options.limits`, see `Limits`); `INVALID_JSON`
 *   for text that is not JSON or repeats a key; `INVALID_RULESET` with every problem found, each naming
 *   its rule and its path; `INVALID_OPTIONS` for `options.limits` that are not limits.
 *
 * @example
 * ```ts
 * import { createRecommender, isRedressError, loadRuleSet } from 'redress';
 *
 * const rule = {
 *   name: 'late',
 *   priority: 60,
 *   conditions: { all: [{ fact: 'daysLate', operator: 'greaterThanInclusive', value: 3 }] },
 *   remedies: [{ type: 'coupon', percent: 10 }],
 * };
 * const ruleSet = loadRuleSet(JSON.stringify({ name: 'mine', version: '1', rules: [rule] }));
 * [ruleSet.policy.hit, ruleSet.rules[0]?.enabled]; //=> ['collect', true]
 * typeof createRecommender({ ruleSet }).recommend; //=> 'function'
 *
 * try {
 *   loadRuleSet({ name: 'mine', version: '1', rules: [{ ...rule, conditions: { all: [{ fact: 'dayslate', operator: 'greaterThan', value: 3 }] } }] });
 * } catch (error) {
 *   isRedressError(error) && error.issues.map((i) => [i.code, i.pointer, i.hint]);
 *   //=> [['unknown_fact', '/rules/0/conditions/all/0/fact', 'did you mean "daysLate"?']]
 * }
 * ```
 */
export function loadRuleSet(json: unknown, options: LimitsOption = {}): RuleSet {
  if (isLoadedRuleSet(json)) return json;
  const bounds = resolveLimits(options.limits);
  const plain = readUntrusted(json, RULE_SET, bounds);
  // No rule names here: the walk stopped before the input could be read safely.
  if (!plain.ok) throw plain.error;
  const raw = plain.value;
  const structural = conditionIssues(raw, bounds);
  const overLimit = structural.filter((i) => isLimitCode(i.code));
  if (overLimit.length > 0) throw new RedressError('LIMIT_EXCEEDED', withRuleNames(raw, overLimit));
  const parsed = LoadSchema.safeParse(raw);
  const found = [
    ...(parsed.success ? semanticIssues(parsed.data.rules) : zodIssues(parsed.error)),
    ...structural,
  ];
  if (found.length > 0 || !parsed.success) {
    throw new RedressError('INVALID_RULESET', withRuleNames(raw, sortIssues(found)));
  }
  const ruleSet = deepFreeze(parsed.data) as RuleSet;
  LOADED.add(ruleSet);
  return ruleSet;
}

function sortIssues(issues: RedressIssue[]): RedressIssue[] {
  const key = (p: readonly PathSegment[]) =>
    p.map((s) => (typeof s === 'number' ? String(s).padStart(8, '0') : s)).join('\u0000');
  return issues
    .map((i, n) => ({ i, n, k: key(i.path) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.n - b.n))
    .map((x) => x.i);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
