import type { ComplaintInput } from '../complaint/schema';
import { decimalOf } from '../exchange/decimal';
import { limits } from '../input/limits';
import { currencyDigits, fromMinor, toMinor } from '../money';

/**
 * The same complaint in two currencies: the rule set's and another one at a rate. "The same" is exact:
 * every amount of the complaint is first moved onto a grid (a whole number of `grain`s of the rule set's
 * minor unit) on which one minor unit of the rule set's currency is a whole number of the other's, so
 * that converting an amount there and back gives it again, sums included. Amounts are also kept within
 * the complaint limit (`maxMoneyMinor`) in both currencies.
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
  // The largest amount of `from`, in minor units on the grid, whose twin is within maxMoneyMinor.
  const maxOwn = BigInt(limits.maxMoneyMinor);
  const maxOther = (maxOwn * denominator) / numerator;
  const ceiling = ((maxOwn < maxOther ? maxOwn : maxOther) / grain) * grain;

  /** Minor units of `from` on the grid: rounded up to a grain (nothing positive becomes 0), at most `most`. */
  const onGrid = (minor: bigint, most = ceiling): bigint => {
    const up = ((minor + grain - 1n) / grain) * grain;
    return up > most ? (most / grain) * grain : up;
  };
  const major = (minor: bigint, currency: string) => fromMinor(Number(minor), currency);
  const twinOf = (minor: bigint) => (minor * numerator) / denominator;
  const grid = (amount: number) => onGrid(BigInt(toMinor(amount, from)));

  /** Sets an amount on both sides: `minor` of `from` in `own`, its twin in `other`. */
  const both =
    (own: ComplaintInput, other: ComplaintInput) =>
    (write: (c: ComplaintInput, v: number) => void, minor: bigint) => {
      write(own, major(minor, from));
      write(other, major(twinOf(minor), to));
    };

  /** The order's amounts on the grid, its lines within maxMoneyMinor and its total not below them. */
  const order = (o: NonNullable<ComplaintInput['order']>, set: ReturnType<typeof both>) => {
    const items = o.items ?? [];
    const units = BigInt(items.reduce((n, i) => n + i.quantity, 0));
    // The largest unit price at which every line fits: lines add up to at most the ceiling.
    const mostUnit = units > 0n ? ceiling / units : ceiling;
    let lines = 0n;
    items.forEach((item, i) => {
      const unit = onGrid(BigInt(toMinor(item.unitPrice, from)), mostUnit);
      lines += unit * BigInt(item.quantity);
      set((c, v) => Object.assign(c.order?.items?.[i] ?? {}, { unitPrice: v }), unit);
    });
    let discount = 0n;
    if (o.discount !== undefined) {
      discount = onGrid(BigInt(toMinor(o.discount, from)), lines);
      set((c, v) => Object.assign(c.order ?? {}, { discount: v }), discount);
    }
    const least = lines - discount;
    // bigint: Math.max does not take it.
    let total = grid(o.total);
    if (total < least) total = least;
    set((c, v) => Object.assign(c.order ?? {}, { total: v }), total);
    if (o.overcharge !== undefined) {
      const over = onGrid(BigInt(toMinor(o.overcharge, from)), total);
      set((c, v) => Object.assign(c.order ?? {}, { overcharge: v }), over);
    }
  };

  return (complaint: ComplaintInput): CurrencyTwin => {
    const own = structuredClone(complaint);
    const other = structuredClone(complaint);
    const set = both(own, other);
    if (complaint.order) {
      order(complaint.order, set);
      if (other.order) other.order.currency = to;
    }
    if (complaint.subscription) {
      set(
        (c, v) => Object.assign(c.subscription ?? {}, { monthlyPrice: v }),
        grid(complaint.subscription.monthlyPrice),
      );
      if (other.subscription) other.subscription.currency = to;
    }
    set(
      (c, v) => Object.assign(c.customer, { lifetimeSpend: v }),
      grid(complaint.customer.lifetimeSpend ?? 0),
    );
    (complaint.customer.compensationHistory ?? []).forEach((h, i) => {
      if (h.currency !== from) return;
      set((c, v) => Object.assign(c.customer.compensationHistory?.[i] ?? {}, { amount: v }), grid(h.amount));
      const entry = other.customer.compensationHistory?.[i];
      if (entry) entry.currency = to;
    });
    return { own, other, currency: to, rate };
  };
}
