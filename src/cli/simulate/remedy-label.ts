import type { Remedy } from '../../index';
import { formatMoney } from './money';

/** A remedy in a few words, for tables: `coupon 20%`, `gift €5.99`, `escalate → legal`. */
export function remedyLabel(remedy: Remedy, currency: string): string {
  switch (remedy.type) {
    case 'apology':
      return remedy.form === 'personal' ? 'personal apology' : 'apology';
    case 'coupon':
      return remedy.percent !== null
        ? `coupon ${remedy.percent}%`
        : `coupon ${formatMoney(remedy.estimatedCost, currency)}`;
    case 'gift':
      return `gift ${formatMoney(remedy.estimatedCost, currency)}`;
    case 'free_month':
      return `free month ×${remedy.months}`;
    case 'resend':
      return `resend (${remedy.shipping})`;
    case 'refund':
      return `refund ${formatMoney(remedy.estimatedCost, currency)}`;
    case 'escalate':
      return `escalate → ${remedy.queue}`;
    default: {
      const unknown: never = remedy;
      return String((unknown as { type: string }).type);
    }
  }
}
