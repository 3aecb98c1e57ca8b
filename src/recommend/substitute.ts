import { undelivered } from '../complaint/measures';
import { PREFERENCES, type Preference } from '../complaint/schema';
import { fromMinor, toMinor } from '../money';
import type { Candidate } from '../policy/caps';
import type { RemedySpec } from '../remedies/catalogue';
import type { RemedyContext } from '../remedies/context';

/** The refunds that make a customer whole: a store credit or a resend can stand in for them. */
type RestitutionBasis = 'overcharge' | 'affected_items' | 'undelivered';

/** How long a store credit given instead of another remedy stays valid (a year, as shops commonly do). */
const CREDIT_DAYS = 365;
/** How long a coupon given instead of another gesture stays valid (the coupon's own default). */
const COUPON_DAYS = 90;

/** The refund that stands in for a resend: an undelivered order's total, else the affected items. */
function refundForResend(spec: Extract<RemedySpec, { type: 'resend' }>, ctx: RemedyContext): RemedySpec {
  const basis = spec.items === 'all' && undelivered(ctx.complaint) ? 'undelivered' : 'affected_items';
  return { type: 'refund', basis, share: 1 };
}

/** The restitution a candidate stands for, as a refund basis; undefined when it is not money owed. */
function owedBasis(c: Candidate, ctx: RemedyContext): RestitutionBasis | undefined {
  if (c.kind !== 'restitution') return undefined;
  if (c.type === 'refund' && c.basis !== 'order') return c.basis;
  if (c.type === 'store_credit' && c.replaces !== null) return c.replaces;
  if (c.type === 'resend' && c.spec.type === 'resend') {
    const refund = refundForResend(c.spec, ctx);
    return refund.type === 'refund' ? (refund.basis as RestitutionBasis) : undefined;
  }
  return undefined;
}

/** Goodwill that is money in all but name: a gift, coupon, free month, store credit or refund of a share. */
const MONEY_GOODWILL = new Set(['coupon', 'gift', 'free_month', 'store_credit', 'refund']);

/** Goodwill of the same value as `c`, as another remedy; undefined when `c` is not goodwill money. */
function goodwillAs(choice: Preference, c: Candidate, ctx: RemedyContext): RemedySpec | undefined {
  if (c.kind !== 'goodwill' || !MONEY_GOODWILL.has(c.type) || c.type === choice) return undefined;
  const value = fromMinor(c.costMinor, ctx.currency);
  switch (choice) {
    case 'store_credit':
      return { type: 'store_credit', value, validDays: CREDIT_DAYS };
    case 'coupon':
      return { type: 'coupon', amount: value, validDays: COUPON_DAYS };
    case 'free_month': {
      // Whole months only, no more than the gesture was worth: a month is the plan's price.
      const subscription = ctx.complaint.subscription;
      const monthly = subscription ? toMinor(subscription.monthlyPrice, ctx.currency) : 0;
      const months = monthly > 0 ? Math.min(12, Math.floor(c.costMinor / monthly)) : 0;
      return months >= 1 ? { type: 'free_month', months } : undefined;
    }
    default:
      return undefined;
  }
}

/** Restitution owed as `basis`, given as `choice` instead; undefined when that choice cannot carry it. */
function restitutionAs(choice: Preference, basis: RestitutionBasis, c: Candidate): RemedySpec | undefined {
  if (c.type === choice) return undefined;
  switch (choice) {
    case 'refund':
      return { type: 'refund', basis, share: 1 };
    case 'store_credit':
      return { type: 'store_credit', replaces: basis, validDays: CREDIT_DAYS };
    case 'resend':
      // Goods can be sent again; an overcharge cannot.
      if (basis === 'overcharge') return undefined;
      return basis === 'undelivered'
        ? { type: 'resend', shipping: 'express', items: 'all' }
        : { type: 'resend', shipping: 'standard', items: 'affected' };
    default:
      return undefined;
  }
}

/**
 * The remedy a customer who prefers `choice` gets instead of `c`, worth the same to them: restitution
 * stays restitution (a refund instead of a resend, store credit instead of a refund, a resend instead
 * of a refund of goods), a gesture stays a gesture of the same value (store credit or a coupon instead
 * of a gift, whole free months that fit in it). Undefined when `c` has no such stand-in.
 */
export function substituteSpec(choice: Preference, c: Candidate, ctx: RemedyContext): RemedySpec | undefined {
  const basis = owedBasis(c, ctx);
  if (basis !== undefined) return restitutionAs(choice, basis, c);
  return goodwillAs(choice, c, ctx);
}

/**
 * What a rule's remedy becomes when it cannot apply as written but the loss it was to make good is
 * still owed: a lost parcel whose order lists no items to send again is refunded in full.
 */
export function fallbackSpec(spec: RemedySpec, ctx: RemedyContext): RemedySpec | undefined {
  if (spec.type !== 'resend') return undefined;
  const refund = refundForResend(spec, ctx);
  return refund.type === 'refund' && refund.basis === 'undelivered' ? refund : undefined;
}

/** The choices a customer can state, in the order alternatives are listed. */
export const CHOICES: readonly Preference[] = PREFERENCES;
