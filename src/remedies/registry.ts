import { apology } from './apology';
import { coupon } from './coupon';
import { registerRemedies } from './definition';
import { escalate } from './escalate';
import { freeMonth } from './free-month';
import { gift } from './gift';
import { refund } from './refund';
import { resend } from './resend';
import { returnItems } from './return';
import { storeCredit } from './store-credit';

/**
 * Every remedy redress knows, in the remedy order: how much a remedy does for the customer, least
 * first (the fairness kit's monotonicity property uses this order). Adding a remedy is its own module
 * in this folder plus one line here (CONTRIBUTING.md, "Adding a remedy"); everything else — the rule
 * schema, the types, pricing, caps, the analyser, the rationale, the report, the fairness kit — reads
 * this list.
 */
export const REMEDIES = registerRemedies([
  apology,
  coupon,
  gift,
  storeCredit,
  freeMonth,
  returnItems,
  resend,
  refund,
  escalate,
]);
