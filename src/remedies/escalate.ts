import { z } from 'zod';
import { limits } from '../input/limits';
import { isoInstant } from '../time/format-instant';
import { addHours } from '../time/utc-calendar';
import { dateProblems, isWhole, kindProblems } from './check';
import type { RemedyContext } from './context';
import { defineRemedy, type MaterialiseResult, type RemedyCheckContext } from './definition';

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

/**
 * Sets the deadline: the rule's hours, or the policy's first-answer time when that is sooner, so that
 * the queue's deadline and the customer's `respondBy` are one value. An escalation's cost is the
 * people's time, which is not estimated here.
 */
function materialiseEscalate(spec: EscalateSpec, ctx: RemedyContext): MaterialiseResult<EscalateParams> {
  const hours = Math.min(spec.respondWithinHours, ctx.respondWithinHours);
  return {
    type: 'escalate',
    queue: spec.queue,
    urgency: spec.urgency,
    respondWithinHours: hours,
    dueAt: isoInstant(addHours(ctx.now.getTime(), hours)),
    costMinor: 0,
  };
}

/** A named queue, a known urgency, and a deadline that many hours after the complaint. */
function escalateProblems(r: EscalateParams, ctx: RemedyCheckContext): string[] {
  const problems: string[] = [];
  if (typeof r.queue !== 'string' || r.queue.trim() === '') problems.push('no queue');
  if (!['normal', 'high', 'urgent'].includes(r.urgency)) problems.push(`urgency "${r.urgency}" is unknown`);
  if (!isWhole(r.respondWithinHours, 1, 720))
    problems.push(`respondWithinHours ${r.respondWithinHours} is out of range`);
  else if (r.respondWithinHours > ctx.respondWithinHours)
    problems.push(
      `respondWithinHours ${r.respondWithinHours} is later than the policy's first answer (${ctx.respondWithinHours})`,
    );
  else
    problems.push(
      ...dateProblems('dueAt', r.dueAt, new Date(ctx.receivedMs + r.respondWithinHours * 3_600_000)),
    );
  return problems;
}

/** An escalation is care: it costs attention, and sends the complaint to a person. */
export const escalate = defineRemedy({
  type: 'escalate',
  schema: EscalateSpecSchema,
  kind: () => 'care',
  materialise: materialiseEscalate,
  texts: {
    en: {
      'remedy.escalate': 'escalation',
      'offer.escalate': 'A member of our {queue} team will contact you by {dueAt}.',
      'offer.escalate.unnamed': 'A member of our team will contact you by {dueAt}.',
      'offer.escalate.at': 'A member of our {queue} team will contact you by {time} on {date}.',
      'offer.escalate.unnamed.at': 'A member of our team will contact you by {time} on {date}.',
    },
    tr: {
      'remedy.escalate': 'üst birime aktarma',
      'offer.escalate': '{dueAt} tarihine kadar {queue} ekibimiz sizinle iletişime geçecek.',
      'offer.escalate.unnamed': '{dueAt} tarihine kadar ekibimiz sizinle iletişime geçecek.',
      'offer.escalate.at': '{date} günü saat {time} olmadan {queue} ekibimiz sizinle iletişime geçecek.',
      'offer.escalate.unnamed.at': '{date} günü saat {time} olmadan ekibimiz sizinle iletişime geçecek.',
    },
    fa: {
      'remedy.escalate': 'ارجاع',
      'offer.escalate': 'یکی از کارشناسان {queue} ما حداکثر تا {dueAt} با شما تماس خواهد گرفت.',
      'offer.escalate.unnamed': 'یکی از کارشناسان ما حداکثر تا {dueAt} با شما تماس خواهد گرفت.',
      'offer.escalate.at': 'یکی از کارشناسان {queue} ما حداکثر تا {date} ساعت {time} با شما تماس خواهد گرفت.',
      'offer.escalate.unnamed.at': 'یکی از کارشناسان ما حداکثر تا {date} ساعت {time} با شما تماس خواهد گرفت.',
    },
  },
  // The customer hears the team's name, never the queue's id; a queue without a name names no team.
  offer: (remedy, say, _r, { queueName, contactBy }) => {
    const queue = queueName(remedy.queue);
    const { date, time } = contactBy(remedy.dueAt);
    // With a time the sentence is built around it: Turkish cannot say "12:30 tarihine kadar".
    if (time !== undefined)
      return queue === undefined
        ? say('offer.escalate.unnamed.at', { date, time })
        : say('offer.escalate.at', { queue, date, time });
    return queue === undefined
      ? say('offer.escalate.unnamed', { dueAt: date })
      : say('offer.escalate', { queue, dueAt: date });
  },
  label: (remedy) => `escalate → ${remedy.queue}`,
  check: (remedy, ctx) => [...kindProblems(remedy.kind, 'care'), ...escalateProblems(remedy, ctx)],
  shapes: [
    {
      required: { queue: { oneOf: ['care', 'senior-care', 'legal'] } },
      optional: {
        urgency: { oneOf: ['normal', 'high', 'urgent'] },
        respondWithinHours: { integer: [1, 720] },
      },
    },
  ],
});
