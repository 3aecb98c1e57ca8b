import { affectedUnits, affectedValue, receivedAt } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { toMinor } from '../money';
import type { RemedyContext } from '../remedies/context';

/**
 * What a complaint's remedies read of the complaint alone: its clock and its money in minor units of
 * its currency. It is the same under every rule set whose money converts into that currency, so a
 * replay works it out once per complaint (with the judgement it shares between rule sets), not once
 * per rule set: reading the clock parses `receivedAt`, and every order line is converted.
 */
export type ComplaintMoney = Pick<
  RemedyContext,
  'now' | 'affectedValueMinor' | 'orderLines' | 'affectedUnits'
>;

/** The clock and money of `complaint` in minor units of `currency` (the complaint's). */
export function complaintMoney(complaint: Complaint, currency: string): ComplaintMoney {
  const minor = (amount: number) => toMinor(amount, currency);
  return {
    now: receivedAt(complaint),
    affectedValueMinor: minor(affectedValue(complaint)),
    orderLines: (complaint.order?.items ?? []).map((i) => ({
      sku: i.sku,
      quantity: i.quantity,
      unitPriceMinor: minor(i.unitPrice),
    })),
    affectedUnits: affectedUnits(complaint).map((u) => ({
      sku: u.sku,
      quantity: u.quantity,
      unitPriceMinor: minor(u.unitPrice),
    })),
  };
}
