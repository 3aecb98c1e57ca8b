import { z } from 'zod';
import { type ApologyParams, ApologySpecSchema, materialiseApology } from './apology';
import type { Materialised, NotApplicable, RemedyContext, RemedyKind, RemedyOrigin } from './context';
import { type CouponParams, CouponSpecSchema, materialiseCoupon, reduceCoupon } from './coupon';
import { type EscalateParams, EscalateSpecSchema, materialiseEscalate } from './escalate';
import {
  type FreeMonthParams,
  FreeMonthSpecSchema,
  materialiseFreeMonth,
  reduceFreeMonth,
} from './free-month';
import { type GiftParams, GiftSpecSchema, materialiseGift, reduceGift } from './gift';
import { materialiseRefund, type RefundParams, RefundSpecSchema, reduceRefund } from './refund';
import { materialiseResend, type ResendParams, ResendSpecSchema } from './resend';

/**
 * Every remedy type, in the remedy order: how much a remedy does for the customer, least first. The
 * fairness kit's monotonicity property uses this order.
 */
export const REMEDY_TYPES = [
  'apology',
  'coupon',
  'gift',
  'free_month',
  'resend',
  'refund',
  'escalate',
] as const;

/** A remedy type. */
export type RemedyType = (typeof REMEDY_TYPES)[number];

/** A remedy as a rule writes it: the discriminated union of every remedy's parameters. */
export const RemedySpecSchema = z.discriminatedUnion('type', [
  ResendSpecSchema,
  GiftSpecSchema,
  CouponSpecSchema,
  FreeMonthSpecSchema,
  RefundSpecSchema,
  ApologySpecSchema,
  EscalateSpecSchema,
]);

/** A remedy spec from a rule file, defaults filled in. */
export type RemedySpec = z.output<typeof RemedySpecSchema>;

/** Concrete parameters of each remedy type. */
export type RemedyParams =
  | ResendParams
  | GiftParams
  | CouponParams
  | FreeMonthParams
  | RefundParams
  | ApologyParams
  | EscalateParams;

/** A concrete remedy in a recommendation: its parameters, its kind, its cost and the rule behind it. */
export type Remedy = RemedyParams &
  RemedyOrigin & {
    readonly kind: RemedyKind;
    /** Estimated cost in the complaint's currency. */
    readonly estimatedCost: number;
  };

/** Compile-time proof that a switch over remedy types handled every case. */
export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}

/** Turns a rule's remedy spec into a concrete remedy for this complaint, or says why it cannot apply. */
export function materialise(
  spec: RemedySpec,
  ctx: RemedyContext,
): (RemedyParams & Materialised) | NotApplicable {
  switch (spec.type) {
    case 'resend':
      return materialiseResend(spec, ctx);
    case 'gift':
      return materialiseGift(spec, ctx);
    case 'coupon':
      return materialiseCoupon(spec, ctx);
    case 'free_month':
      return materialiseFreeMonth(spec, ctx);
    case 'refund':
      return materialiseRefund(spec, ctx);
    case 'apology':
      return materialiseApology(spec, ctx);
    case 'escalate':
      return materialiseEscalate(spec, ctx);
    default:
      return assertNever(spec);
  }
}

/**
 * The same remedy made smaller, so that it costs at most `maxMinor` (a cap on goodwill); undefined when
 * nothing of it fits, or when the type cannot be reduced (resend, apology, escalation).
 */
export function reduceSpec(spec: RemedySpec, maxMinor: number, ctx: RemedyContext): RemedySpec | undefined {
  switch (spec.type) {
    case 'gift':
      return reduceGift(spec, maxMinor, ctx);
    case 'coupon':
      return reduceCoupon(spec, maxMinor, ctx);
    case 'free_month':
      return reduceFreeMonth(spec, maxMinor, ctx);
    case 'refund':
      return reduceRefund(spec, maxMinor, ctx);
    case 'resend':
    case 'apology':
    case 'escalate':
      return undefined;
    default:
      return assertNever(spec);
  }
}

/** Rank of a remedy type in the remedy order (apology = 0 … escalate = 6). */
export function remedyRank(type: RemedyType): number {
  return REMEDY_TYPES.indexOf(type);
}
