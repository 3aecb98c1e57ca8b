import { z } from 'zod';
import type { Renderer } from '../i18n/renderer';
import { kindProblems } from './check';
import { defineRemedy, type MaterialiseResult } from './definition';
import { type RemedySentence, sayer } from './texts';

/** Saying sorry, in words that restate what happened. Every recommendation carries one. */
export const ApologySpecSchema = z.strictObject({
  type: z.literal('apology'),
  /** `personal`: written by the owner, not a template; for severe or repeated harm. */
  form: z.enum(['standard', 'personal']).default('standard'),
});

/** An `apology` as written in a rule. */
export type ApologySpec = z.output<typeof ApologySpecSchema>;

/** A concrete apology. */
export interface ApologyParams {
  readonly type: 'apology';
  readonly form: 'standard' | 'personal';
}

/** An apology costs nothing but attention; the rationale says it first, in its own words. */
export const apology = defineRemedy({
  type: 'apology',
  schema: ApologySpecSchema,
  kind: () => 'care',
  materialise: (spec): MaterialiseResult<ApologyParams> => ({
    type: 'apology',
    form: spec.form,
    costMinor: 0,
  }),
  texts: {
    en: {
      'remedy.apology': 'apology',
      'apology.standard': 'We are sorry for the trouble this has caused you.',
      'apology.personal': 'We are truly sorry.',
      'apology.personal.followThrough':
        'We will personally follow up on your complaint until it is resolved.',
    },
    tr: {
      'remedy.apology': 'özür',
      'apology.standard': 'Yaşadığınız olumsuz deneyim için içtenlikle özür dileriz.',
      'apology.personal': 'Yaşadıklarınız için içtenlikle özür dileriz.',
      'apology.personal.followThrough': 'Sorun tamamen çözülene kadar talebinizi bizzat takip edeceğiz.',
    },
    fa: {
      'remedy.apology': 'عذرخواهی',
      'apology.standard': 'بابت مشکلی که برای شما پیش آمد صمیمانه پوزش می‌خواهیم.',
      'apology.personal': 'بابت آنچه برای شما پیش آمد صمیمانه متأسفیم.',
      'apology.personal.followThrough': 'تا حل کامل مشکل، شخصاً پیگیر موضوع خواهیم بود.',
    },
  },
  offer: () => undefined, // said first, by `openingApology`
  label: (remedy) => (remedy.form === 'personal' ? 'personal apology' : 'apology'),
  check: (remedy) => [
    ...kindProblems(remedy.kind, 'care'),
    ...(remedy.form !== 'standard' && remedy.form !== 'personal'
      ? [`form "${String(remedy.form)}" is unknown`]
      : []),
  ],
  shapes: [{ optional: { form: { oneOf: ['standard', 'personal'] } } }],
});

type ApologyRemedies = readonly { readonly type: string; readonly form?: string }[];

const isPersonal = (remedies: ApologyRemedies) =>
  remedies.some((x) => x.type === 'apology' && x.form === 'personal');

/**
 * The rationale's first sentence: a personal apology when a rule gives one, the standard one
 * otherwise (the policy adds one to every recommendation).
 */
export function openingApology(r: Renderer, remedies: ApologyRemedies): RemedySentence {
  return sayer(r, apology.texts)(isPersonal(remedies) ? 'apology.personal' : 'apology.standard');
}

/**
 * A personal apology's promise to follow the complaint through, said once the customer has read what
 * happened (a native reader found it promised before the problem was named); none otherwise.
 */
export function followThrough(r: Renderer, remedies: ApologyRemedies): RemedySentence | undefined {
  return isPersonal(remedies) ? sayer(r, apology.texts)('apology.personal.followThrough') : undefined;
}
