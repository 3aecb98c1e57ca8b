import { z } from 'zod';
import { limits } from '../input/limits';
import { addHours } from '../time/utc-calendar';
import type { Materialised, RemedyContext } from './context';

/** Hand the complaint to a person in a named queue, who must answer within a deadline. */
export const EscalateSpecSchema = z.strictObject({
  type: z.literal('escalate'),
  queue: z.string().trim().min(1).max(limits.maxIdLength),
  urgency: z.enum(['normal', 'high', 'urgent']).default('normal'),
  respondWithinHours: z.number().int().min(1).max(720).default(24),
});

/** An `escalate` as written in a rule. */
export type EscalateSpec = z.output<typeof EscalateSpecSchema>;

/** A concrete escalation. */
export interface EscalateParams {
  readonly type: 'escalate';
  readonly queue: string;
  readonly urgency: 'normal' | 'high' | 'urgent';
  readonly respondWithinHours: number;
  /** When the receiving queue must have answered. */
  readonly dueAt: string;
}

/** Sets the deadline; an escalation's cost is the people's time, which is not estimated here. */
export function materialiseEscalate(spec: EscalateSpec, ctx: RemedyContext): EscalateParams & Materialised {
  return {
    type: 'escalate',
    kind: 'care',
    queue: spec.queue,
    urgency: spec.urgency,
    respondWithinHours: spec.respondWithinHours,
    dueAt: new Date(addHours(ctx.now.getTime(), spec.respondWithinHours)).toISOString(),
    costMinor: 0,
  };
}
