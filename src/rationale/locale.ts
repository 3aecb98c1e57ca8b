import { en, type MessageKey, type Messages } from './locales/en';

/** A locale's messages and the BCP 47 tag its numbers, money and dates are formatted with. */
export interface LocaleSpec {
  readonly messages: Messages;
  /** Passed to `Intl` formatters. */
  readonly tag: string;
  /** Writing direction, for user interfaces that show the rationale. */
  readonly direction: 'ltr' | 'rtl';
}

/** Every locale redress writes rationale in. */
export const LOCALES = {
  en: { messages: en, tag: 'en-US', direction: 'ltr' },
} as const satisfies Record<string, LocaleSpec>;

/** A supported locale. */
export type Locale = keyof typeof LOCALES;

/** The supported locale codes. */
export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

/** True when `value` names a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/** Placeholders in a template, in order of appearance: `{a} and {b}` → `['a', 'b']`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

export type { MessageKey, Messages };
