import { z } from 'zod';
import type { Locale } from '../i18n/locale';
import type { Catalogue, Renderer } from '../i18n/renderer';
import type { Materialised, NotApplicable, RemedyContext, RemedyKind, RemedyOrigin } from './context';
import type {
  CostBasis,
  CostPiece,
  Given,
  MoneyRole,
  OfferWords,
  Priced,
  RemedyCheckContext,
  RemedyDefinition,
} from './definition';
import { REMEDIES } from './registry';
import type { SpecShape } from './shape';
import { type RemedySentence, sayer } from './texts';

/**
 * What the rest of redress knows of remedies, all of it read from the registry (`registry.ts`): the
 * remedy types and their order, the rule schema's union of specs, the types of specs and concrete
 * remedies, and each remedy's pricing, cap, words, label and check found by its type.
 */

type Registered = typeof REMEDIES;
type AnyRemedy = Registered[number];
/** Each remedy's `type`, tuple for tuple. */
type TypesOf<R extends readonly unknown[]> = {
  readonly [I in keyof R]: R[I] extends { readonly type: infer T } ? T : never;
};
/** Each remedy's spec schema, tuple for tuple. */
type SchemasOf<R extends readonly unknown[]> = {
  -readonly [I in keyof R]: R[I] extends { readonly schema: infer Z } ? Z : never;
};
type ParamsOf<D> = D extends RemedyDefinition<infer _T, infer _Z, infer P, infer _E, infer _K> ? P : never;

/**
 * Every remedy type, in the remedy order: how much a remedy does for the customer, least first. The
 * fairness kit's monotonicity property uses this order.
 */
export const REMEDY_TYPES = REMEDIES.map((d) => d.type) as unknown as TypesOf<Registered>;

/** A remedy type. */
export type RemedyType = AnyRemedy['type'];

/** A remedy as a rule writes it: the discriminated union of every remedy's parameters. */
export const RemedySpecSchema = z.discriminatedUnion(
  'type',
  REMEDIES.map((d) => d.schema) as unknown as SchemasOf<Registered>,
);

/** A remedy spec from a rule file, defaults filled in. */
export type RemedySpec = z.output<typeof RemedySpecSchema>;

/** A remedy spec as a rule file may write it, before defaults are filled in. */
export type RemedySpecInput = z.input<typeof RemedySpecSchema>;

/** Concrete parameters of each remedy type. */
export type RemedyParams = ParamsOf<AnyRemedy>;

/** A concrete remedy in a recommendation: its parameters, its kind, its cost and the rule behind it. */
export type Remedy = RemedyParams &
  RemedyOrigin & {
    readonly kind: RemedyKind;
    /** Estimated cost in the complaint's currency. */
    readonly estimatedCost: number;
  };

/** Compile-time proof that a switch over a union handled every case. */
export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}

/**
 * A registered remedy with its types forgotten, so that one can be called with a spec or a remedy of
 * the union: the registry pairs each type with its own definition, so a spec of type `t` always meets
 * the definition of `t`.
 */
type Definition = RemedyDefinition<
  RemedyType,
  RemedyDefinition['schema'] & z.ZodType<{ readonly type: RemedyType }>,
  { readonly type: RemedyType }
>;

const DEFINITIONS: ReadonlyMap<string, Definition> = new Map(
  REMEDIES.map((d) => [d.type, d as unknown as Definition]),
);
const RANKS: ReadonlyMap<string, number> = new Map(REMEDIES.map((d, i) => [d.type, i]));

/** The definition of a registered remedy type. */
export function definitionOf(type: RemedyType): Definition {
  const definition = DEFINITIONS.get(type);
  if (!definition) throw new Error(`no remedy "${type}" is registered`);
  return definition;
}

/** Rank of a remedy type in the remedy order (apology = 0 … escalate = 8). */
export function remedyRank(type: RemedyType): number {
  return RANKS.get(type) ?? -1;
}

/** Whether a spec, as written, is restitution, goodwill or care. */
export function remedyKind(spec: RemedySpec): RemedyKind {
  return definitionOf(spec.type).kind(spec);
}

/** Turns a rule's remedy spec into a concrete remedy for this complaint, or says why it cannot apply. */
export function materialise(
  spec: RemedySpec,
  ctx: RemedyContext,
): (RemedyParams & Materialised) | NotApplicable {
  const definition = definitionOf(spec.type);
  const made = definition.materialise(spec, ctx);
  if ('notApplicable' in made) return made;
  // The kind is added to what the remedy made, not copied with it into a new object: a recommendation
  // shows it second, after the type, and `toRemedy` (recommend/to-remedy.ts) writes it there.
  (made as unknown as Record<string, unknown>).kind = definition.kind(spec);
  return made as unknown as RemedyParams & Materialised;
}

/**
 * The same remedy made smaller, so that it costs at most `maxMinor` (a cap on goodwill); undefined when
 * nothing of it fits, or when the remedy is never goodwill (resend, apology, escalation).
 */
export function reduceSpec(spec: RemedySpec, maxMinor: number, ctx: RemedyContext): RemedySpec | undefined {
  return definitionOf(spec.type).goodwill?.reduce(spec, maxMinor, ctx) as RemedySpec | undefined;
}

/**
 * A goodwill remedy `hundredths`/100 times as generous (its `scale`), its spec in the complaint's
 * currency; the spec itself for restitution, care, a multiplier of 1, or a remedy that does not scale.
 */
export function scaleSpec(spec: RemedySpec, hundredths: number, ctx: RemedyContext): RemedySpec {
  const definition = definitionOf(spec.type);
  const scale = definition.goodwill?.scale;
  if (hundredths === 100 || definition.kind(spec) !== 'goodwill' || !scale) return spec;
  return scale(spec, hundredths, ctx) as RemedySpec;
}

/**
 * The least a goodwill remedy can cost for an affected value V, as linear pieces whose minimum is the
 * cost; undefined for a remedy that is never goodwill.
 */
export function goodwillCostBound(spec: RemedySpec, basis: CostBasis): readonly CostPiece[] | undefined {
  return definitionOf(spec.type).goodwill?.cost(spec, basis);
}

/** The fields of a remedy's spec that are money of the rule set, with their roles (none for most). */
export function moneyFields(type: RemedyType): readonly (readonly [string, MoneyRole])[] {
  const money = definitionOf(type).money as Readonly<Record<string, MoneyRole | undefined>> | undefined;
  if (!money) return [];
  return Object.entries(money).filter((e): e is [string, MoneyRole] => e[1] !== undefined);
}

/**
 * The spec with each of its money fields (the remedy's `money`) passed through `change`; the same spec
 * when it has none set. Used to convert a rule's amounts into the complaint's currency and to print them.
 */
export function withMoney(spec: RemedySpec, change: (amount: number, role: MoneyRole) => number): RemedySpec {
  let changed: Record<string, unknown> | undefined;
  for (const [field, role] of moneyFields(spec.type)) {
    const amount = (spec as unknown as Readonly<Record<string, unknown>>)[field];
    if (typeof amount !== 'number') continue;
    changed ??= { ...spec };
    changed[field] = change(amount, role);
  }
  return (changed ?? spec) as RemedySpec;
}

/** A remedy's name in the renderer's locale ("coupon", "kupon", "کوپن"), for the agent's sentences. */
export function remedyName(r: Renderer, type: RemedyType): string {
  return r.tFrom(definitionOf(type).texts[r.locale], `remedy.${type}`);
}

/** The customer's sentence offering a remedy, in the renderer's locale; undefined for the apology. */
export function offerSentence(r: Renderer, remedy: Remedy, words: OfferWords): RemedySentence | undefined {
  const definition = definitionOf(remedy.type);
  return definition.offer(remedy, sayer(r, definition.texts), r, words);
}

/** A remedy in a few words, for tables: `coupon 20%`, `gift €5.99`, `escalate → legal`. */
export function remedyLabel(remedy: Remedy, money: (amount: number) => string): string {
  return definitionOf(remedy.type).label(remedy, money);
}

/** The fairness kit's check of one given remedy's parameters and price; empty when it holds. */
export function remedyProblems(remedy: Given<RemedyParams>, ctx: RemedyCheckContext): string[] {
  return definitionOf(remedy.type).check(remedy, ctx);
}

/** The ways a rule may write a remedy of this type, for generators. */
export function remedyShapes(type: RemedyType): readonly SpecShape<Record<string, unknown>>[] {
  return definitionOf(type).shapes as readonly SpecShape<Record<string, unknown>>[];
}

/** Every remedy's messages in one locale, by key (for checking the catalogues and for translators). */
export function remedyMessages(locale: Locale): Catalogue {
  return Object.assign({}, ...REMEDIES.map((d) => d.texts[locale]));
}

export type { Priced };
