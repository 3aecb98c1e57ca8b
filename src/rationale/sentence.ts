import type { Locale } from '../i18n/locale';

/** One sentence of the rationale. */
export interface RationaleSentence {
  /** The message key it was rendered from (`rule:NAME` for a rule's own text). */
  readonly key: string;
  /** `customer`: can be read out or sent as it is; `agent`: the reasoning behind it. */
  readonly audience: 'customer' | 'agent';
  readonly text: string;
  /**
   * Present only when the sentence is not in the recommendation's locale: a rule's own English text,
   * where the rule file has none in this language.
   */
  readonly locale?: Locale;
}
