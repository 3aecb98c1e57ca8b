import { z } from 'zod';
import type { Materialised, RemedyContext } from './context';

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

/** An apology costs nothing but attention. */
export function materialiseApology(spec: ApologySpec, _ctx: RemedyContext): ApologyParams & Materialised {
  return { type: 'apology', kind: 'care', form: spec.form, costMinor: 0 };
}
