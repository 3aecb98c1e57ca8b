import { LOCALE_CODES, LOCALES, type Locale, placeholders } from '../../src/i18n/locale';
import type { RemedyDefinition } from '../../src/remedies/definition';

/**
 * What the compiler cannot check about remedy definitions, checked at run time: every locale writes
 * the same messages with the same placeholders, in plural forms its grammar has; every key is the
 * remedy's own and none is a key of the locale catalogues; each remedy's generator shapes name fields
 * its schema has; and a registry names each type once. Returns one sentence per problem.
 */

const CATEGORY = /\.(zero|one|two|few|many|other)$/;
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** A message key without a plural category, with the category ('' when none). */
function split(key: string, english: Readonly<Record<string, string>>): [string, string] {
  const match = CATEGORY.exec(key);
  const base = key.replace(CATEGORY, '');
  // `x.other` is a plural form only when the message has other forms or `x` itself is not a key.
  if (!match || Object.hasOwn(english, base)) return [key, ''];
  return [base, match[1] as string];
}

function forms(messages: Readonly<Record<string, string>>, english: Readonly<Record<string, string>>) {
  const out = new Map<string, string[]>();
  for (const key of Object.keys(messages)) {
    const [base, category] = split(key, english);
    out.set(base, [...(out.get(base) ?? []), category]);
  }
  return out;
}

function isOwn(type: string, key: string): boolean {
  return (
    key === `remedy.${type}` ||
    key === `offer.${type}` ||
    key.startsWith(`offer.${type}.`) ||
    key.startsWith(`${type}.`)
  );
}

type Messages = Readonly<Record<string, string>>;

/** The messages of one locale: the same forms as English, plural categories the locale has. */
function formProblems(
  type: string,
  locale: Locale,
  own: Map<string, string[]>,
  english: Map<string, string[]>,
) {
  const problems: string[] = [];
  if (sorted(own.keys()).join() !== sorted(english.keys()).join())
    problems.push(`${type}: ${locale} has messages ${sorted(own.keys())}, en has ${sorted(english.keys())}`);
  const possible = new Intl.PluralRules(LOCALES[locale].tag).resolvedOptions().pluralCategories as string[];
  for (const [base, categories] of own) {
    const plural = (english.get(base) ?? []).some((c) => c !== '');
    if (plural && !categories.includes('other')) problems.push(`${type}: ${locale} ${base} has no .other`);
    for (const c of categories) {
      if (c !== '' && !possible.includes(c)) problems.push(`${type}: ${locale} ${base}.${c} is never picked`);
    }
  }
  return problems;
}

/** Each key of one locale: the remedy's own, not also in the catalogue, with English's placeholders. */
function keyProblems(type: string, locale: Locale, messages: Messages, english: Messages) {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(messages)) {
    if (!isOwn(type, key)) problems.push(`${type}: ${locale} key "${key}" is not the remedy's own`);
    if (Object.hasOwn(LOCALES[locale].messages, key))
      problems.push(`${type}: ${locale} key "${key}" is also in the locale catalogue`);
    const [base] = split(key, english);
    const reference = english[key] ?? english[`${base}.other`];
    if (reference === undefined) continue;
    if (sorted(placeholders(text)).join() !== sorted(placeholders(reference)).join())
      problems.push(
        `${type}: ${locale} "${key}" has placeholders ${sorted(placeholders(text))}, en has ${sorted(placeholders(reference))}`,
      );
  }
  return problems;
}

function textProblems(definition: RemedyDefinition): string[] {
  const problems: string[] = [];
  const { type, texts } = definition;
  const english = texts.en as Messages;
  const englishForms = forms(english, english);
  if (!Object.hasOwn(english, `remedy.${type}`)) problems.push(`${type}: no name "remedy.${type}" in en`);
  for (const locale of LOCALE_CODES) {
    const messages = texts[locale] as Messages;
    problems.push(...formProblems(type, locale, forms(messages, english), englishForms));
    problems.push(...keyProblems(type, locale, messages, english));
  }
  return problems;
}

function shapeProblems(definition: RemedyDefinition): string[] {
  const shape = (definition.schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const problems: string[] = [];
  for (const [i, s] of definition.shapes.entries()) {
    for (const field of [...Object.keys(s.required ?? {}), ...Object.keys(s.optional ?? {})]) {
      if (!Object.hasOwn(shape, field))
        problems.push(`${definition.type}: shapes[${i}] names "${field}", not a field`);
    }
  }
  const literal = (shape.type as { value?: unknown } | undefined)?.value;
  if (literal !== definition.type)
    problems.push(`${definition.type}: its schema's type is ${String(literal)}`);
  return problems;
}

/** Problems of one remedy definition. */
export function definitionProblems(definition: RemedyDefinition): string[] {
  return [...textProblems(definition), ...shapeProblems(definition)];
}

/** Problems of a registry: each definition's, and a type named twice. */
export function registryProblems(definitions: readonly RemedyDefinition[]): string[] {
  const seen = new Set<string>();
  const problems = definitions.flatMap(definitionProblems);
  for (const { type } of definitions) {
    if (seen.has(type)) problems.push(`${type} is registered twice`);
    seen.add(type);
  }
  return problems;
}
