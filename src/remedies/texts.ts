import type { Locale } from '../i18n/locale';
import type { PluralCategory } from '../i18n/locales/en';
import type { MessageParams, Renderer } from '../i18n/renderer';

/**
 * The message keys a remedy of type `T` may define: its name (`remedy.coupon`, required), its offer
 * sentences (`offer.coupon`, `offer.coupon.percent`, plural forms `offer.free_month.one`), and its
 * own sentences (`apology.personal`). The pattern keeps two remedies from defining the same key.
 */
export type RemedyMessageKey<T extends string> =
  | `remedy.${T}`
  | `offer.${T}`
  | `offer.${T}.${string}`
  | `${T}.${string}`;

/** A message key without its plural category: `offer.free_month.one` → `offer.free_month`. */
export type MessageBase<K extends string> = K extends `${infer B}.zero`
  ? B
  : K extends `${infer B}.one`
    ? B
    : K extends `${infer B}.two`
      ? B
      : K extends `${infer B}.few`
        ? B
        : K extends `${infer B}.many`
          ? B
          : K extends `${infer B}.other`
            ? B
            : K;

type OptionalPlural<K> = Extract<K, `${string}.${PluralCategory}`>;

/**
 * A remedy's messages in a language other than English: every key English has, except the plural
 * forms the language's grammar does not tell apart (only `.other` is required), and no other key.
 */
export type TranslatedTexts<E> = Readonly<
  { [K in Exclude<keyof E, OptionalPlural<keyof E>>]: string } & { [K in OptionalPlural<keyof E>]?: string }
>;

/** A remedy's messages in every locale; English defines the keys. */
export type RemedyTexts<E> = { readonly en: E } & {
  readonly [L in Exclude<Locale, 'en'>]: TranslatedTexts<NoInfer<E>>;
};

/** One sentence of the rationale: its message key (the base key of a plural message) and its text. */
export interface RemedySentence {
  readonly key: string;
  readonly text: string;
}

/** Renders one of the remedy's own messages in the rationale's locale; `count` picks a plural form. */
export type Say<K extends string> = (key: K, params?: MessageParams, count?: number) => RemedySentence;

/**
 * `say` for one remedy's messages in the renderer's locale: renders a message with its parameters
 * (`count` picks the plural form) and names it by its key, as the rationale shows it.
 */
export function sayer<K extends string>(
  r: Renderer,
  texts: RemedyTexts<{ readonly [key: string]: string }>,
): Say<K> {
  const catalogue = texts[r.locale];
  return (key, params, count) => ({ key, text: r.tFrom(catalogue, key, params, count) });
}
