import type { Remedy } from '../../index';
import { remedyLabel as labelOf } from '../../remedies/catalogue';
import { formatMoney } from '../format-money';

/** A remedy in a few words, for tables: `coupon 20%`, `gift €5.99`, `escalate → legal` (each remedy's own label). */
export function remedyLabel(remedy: Remedy, currency: string): string {
  return labelOf(remedy, (amount) => formatMoney(amount, currency));
}
