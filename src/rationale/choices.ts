import type { Preference } from '../complaint/schema';
import type { MessageKey } from '../i18n/locale';
import type { Renderer } from '../i18n/renderer';
import { type RemedyType, remedyName } from '../remedies/catalogue';

/** What became of the customer's `preference`. */
export type PreferenceOutcome =
  /** None was stated. */
  | { readonly status: 'none' }
  /** The first choice already gives it. */
  | { readonly status: 'given'; readonly preference: Preference }
  /** An acceptable set gives it: that set is the first choice, instead of the rules' `replaces`. */
  | { readonly status: 'chosen'; readonly preference: Preference; readonly replaces: readonly RemedyType[] }
  /** No acceptable set gives it: the rules' first choice stands. */
  | { readonly status: 'unavailable'; readonly preference: Preference };

/** One alternative as the customer is told of it: the remedy it offers, and the remedies of the offer it replaces. */
export interface OfferedChoice {
  readonly choice: RemedyType;
  readonly replaces: readonly RemedyType[];
}

/** The choice the rationale tells of: the other acceptable sets, by what each offers, and the preference. */
export interface ChoiceInput {
  /** Each alternative, in order: what it offers, instead of what. */
  readonly offered: readonly OfferedChoice[];
  readonly preference: PreferenceOutcome;
}

/** A remedy as something a customer may choose ("a refund", "store credit"); its name otherwise. */
export function choicePhrase(r: Renderer, type: RemedyType): string {
  return phrase(r, 'choice', type, remedyName);
}

/** The two kinds of phrase a remedy has, each its catalogue prefix. */
type PhraseKind = 'choice' | 'replaced';

/**
 * Each renderer's phrases by kind and remedy type, made once: a phrase is fixed by the locale's
 * catalogue and the remedy's own, and every complaint's alternatives name a few (each a key built,
 * looked up in the catalogue twice and rendered).
 */
const phrases = new WeakMap<Renderer, Record<PhraseKind, Map<RemedyType, string>>>();

/** The catalogue's `kind.type` phrase when it has one, else `otherwise`'s; remembered per renderer. */
function phrase(
  r: Renderer,
  kind: PhraseKind,
  type: RemedyType,
  otherwise: (r: Renderer, type: RemedyType) => string,
): string {
  let known = phrases.get(r);
  if (known === undefined) {
    known = { choice: new Map(), replaced: new Map() };
    phrases.set(r, known);
  }
  const byType = known[kind];
  let text = byType.get(type);
  if (text === undefined) {
    const key = `${kind}.${type}`;
    text = r.has(key) ? r.t(key) : otherwise(r, type);
    byType.set(type, text);
  }
  return text;
}

type Say = (key: MessageKey, text: string, audience?: 'customer' | 'agent') => void;

/** Before the offers: the customer's preference, when it could not be met. */
export function preferenceRefused(r: Renderer, choice: ChoiceInput | undefined, say: Say): void {
  if (choice?.preference.status !== 'unavailable') return;
  const preference = choicePhrase(r, choice.preference.preference);
  say('offer.preferenceUnavailable', r.m('offer.preferenceUnavailable', { preference }));
}

/** A remedy of the offer as the thing an alternative replaces ("the replacement", "the gift"). */
export function replacedPhrase(r: Renderer, type: RemedyType): string {
  return phrase(r, 'replaced', type, choicePhrase);
}

/**
 * The alternatives grouped by what they replace, in the order each group first appears: each one
 * replaces one part of the offer, and the customer must not read a coupon as replacing the new shoes.
 */
function groupsByReplaced(
  offered: readonly OfferedChoice[],
): { replaces: readonly RemedyType[]; choices: RemedyType[] }[] {
  const groups = new Map<string, { replaces: readonly RemedyType[]; choices: RemedyType[] }>();
  for (const o of offered) {
    // One replaced remedy is its own key (the usual case): no copy, sort and join.
    const key = o.replaces.length === 1 ? (o.replaces[0] as string) : [...o.replaces].sort().join(' ');
    const group = groups.get(key) ?? { replaces: o.replaces, choices: [] };
    if (!group.choices.includes(o.choice)) group.choices.push(o.choice);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** After the offers: the other choices, in one sentence, each group naming the part of the offer it replaces. */
export function otherChoices(r: Renderer, choice: ChoiceInput | undefined, say: Say): void {
  if (!choice || choice.offered.length === 0) return;
  const phrases = groupsByReplaced(choice.offered).map(({ replaces, choices }) => {
    const options = r.orList(choices.map((type) => choicePhrase(r, type)));
    if (replaces.length === 0) return options;
    const replaced = r.list(replaces.map((type) => replacedPhrase(r, type)));
    return r.m('offer.choice.group', { choices: options, replaced });
  });
  const options = phrases
    .slice(1)
    .reduce((groups, group) => r.m('offer.choice.more', { groups, group }), phrases[0] ?? '');
  say('offer.choice', r.m('offer.choice', { options }));
}

/** For the agent: how the preference was met, or why it could not be. */
export function whyPreference(r: Renderer, choice: ChoiceInput | undefined, say: Say): void {
  const outcome = choice?.preference;
  if (outcome?.status === 'chosen') {
    const preference = choicePhrase(r, outcome.preference);
    const replaces = r.list(outcome.replaces.map((type) => choicePhrase(r, type)));
    say('why.preference', r.m('why.preference', { preference, replaces }), 'agent');
  } else if (outcome?.status === 'unavailable') {
    const preference = choicePhrase(r, outcome.preference);
    say('why.preferenceUnavailable', r.m('why.preferenceUnavailable', { preference }), 'agent');
  }
}

/** One alternative in one line: what it gives instead of what, and its cost. */
export function alternativeLine(
  r: Renderer,
  alternative: { readonly choice: RemedyType; readonly replaces: readonly RemedyType[] },
  total: string,
): string {
  return r.m('why.alternative', {
    choice: choicePhrase(r, alternative.choice),
    replaces: r.list(alternative.replaces.map((type) => replacedPhrase(r, type))),
    total,
  });
}
