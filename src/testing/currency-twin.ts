import type { ComplaintInput } from '../complaint/schema';
import { decimalOf } from '../exchange/decimal';
import { limits } from '../input/limits';
import { currencyDigits, fromMinor, toMinor } from '../money';

/**
 * The same complaint in two currencies: the rule set's and another one at a rate. "The same" is exact:
 * every amount of the complaint is first moved onto a grid (a whole number of `grain`s of the rule set's
 * minor unit) on which one minor unit of the rule set's currency is a whole number of the other's, so
 * that converting an amount there and back gives it again, sums included. Amounts are also kept within
 * the complaint limit (`maxMoney`) in both currencies.
 */
export interface CurrencyTwin {
  /** The complaint in the rule set's currency, its amounts on the grid. */
  readonly own: ComplaintInput;
  /** The same complaint in `currency`, every amount at `rate`. */
  readonly other: ComplaintInput;
  readonly currency: string;
  readonly rate: number;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * How one minor unit of `from` maps to minor units of `to` at `rate`: `factor = numerator / denominator`,
 * and the smallest number of `from` minor units (`grain`) that is a whole number of `to` minor units.
 */
function mapping(from: string, to: string, rate: number) {
  const r = decimalOf(rate);
  // factor = rate × 10^(digits(to) − digits(from)) = digits / 10^scale
  const power = currencyDigits(to) - currencyDigits(from) - r.scale;
  const numerator = power >= 0 ? r.digits * 10n ** BigInt(power) : r.digits;
  const denominator = power >= 0 ? 1n : 10n ** BigInt(-power);
  const grain = denominator / gcd(numerator, denominator);
  return { numerator, denominator, grain };
}

/**
 * A twin maker for one pair of currencies at one rate. `twin(complaint)` expects a complaint in `from`
 * (every currency field `from`).
 */
export function currencyTwinMaker(from: string, to: string, rate: number) {
  const { numerator, denominator, grain } = mapping(from, to, rate);
  // The largest amount of `from`, in minor units on the grid, whose twin is within maxMoney.
  const maxOwn = toMinor(limits.maxMoney, from);
  const maxOther = (BigInt(toMinor(limits.maxMoney, to)) * denominator) / numerator;
  const ceiling = (BigInt(Math.min(maxOwn, Number(maxOther))) / grain) * grain;

  /** `amount` of `from` on the grid (rounded up to a grain, so nothing positive becomes 0) and its twin. */
  const pair = (amount: number): [number, number] => {
    const minor = BigInt(toMinor(amount, from));
    let onGrid = ((minor + grain - 1n) / grain) * grain;
    if (onGrid > ceiling) onGrid = ceiling;
    const twin = (onGrid * numerator) / denominator;
    return [fromMinor(Number(onGrid), from), fromMinor(Number(twin), to)];
  };

  return (complaint: ComplaintInput): CurrencyTwin => {
    const own = structuredClone(complaint);
    const other = structuredClone(complaint);
    const set = (write: (c: ComplaintInput, value: number) => void, amount: number) => {
      const [a, b] = pair(amount);
      write(own, a);
      write(other, b);
    };
    if (complaint.order) {
      const order = complaint.order;
      set((c, v) => Object.assign(c.order ?? {}, { total: v }), order.total);
      (order.items ?? []).forEach((item, i) => {
        set((c, v) => Object.assign(c.order?.items?.[i] ?? {}, { unitPrice: v }), item.unitPrice);
      });
      if (order.overcharge !== undefined) {
        set((c, v) => Object.assign(c.order ?? {}, { overcharge: v }), order.overcharge);
      }
      if (other.order) other.order.currency = to;
    }
    if (complaint.subscription) {
      set(
        (c, v) => Object.assign(c.subscription ?? {}, { monthlyPrice: v }),
        complaint.subscription.monthlyPrice,
      );
      if (other.subscription) other.subscription.currency = to;
    }
    const spend = complaint.customer.lifetimeSpend ?? 0;
    set((c, v) => Object.assign(c.customer, { lifetimeSpend: v }), spend);
    (complaint.customer.compensationHistory ?? []).forEach((h, i) => {
      if (h.currency !== from) return;
      set((c, v) => Object.assign(c.customer.compensationHistory?.[i] ?? {}, { amount: v }), h.amount);
      const entry = other.customer.compensationHistory?.[i];
      if (entry) entry.currency = to;
    });
    // An overcharge rounded up past the total would be refused: keep it within.
    for (const c of [own, other]) {
      if (c.order?.overcharge !== undefined) c.order.overcharge = Math.min(c.order.overcharge, c.order.total);
    }
    return { own, other, currency: to, rate };
  };
}
