/** The values a generator may pick for one field of a spec, as plain data. */
export type FieldDomain =
  /** A whole number in [min, max]. */
  | { readonly integer: readonly [min: number, max: number] }
  /** An amount of money in major units with at most two decimals, in [min, max]. */
  | { readonly amount: readonly [min: number, max: number] }
  /** A fraction with at most two decimals, in [min, max]. */
  | { readonly share: readonly [min: number, max: number] }
  /** One of these values. */
  | { readonly oneOf: readonly [string | number | boolean, ...(string | number | boolean)[]] };

/**
 * One way of writing a remedy in a rule, as plain data the fairness kit turns into a generator: the
 * fields it always has and the fields it may have. A remedy written several ways (a coupon by percent
 * or by amount) lists one shape for each.
 */
export interface SpecShape<S> {
  readonly required?: { readonly [K in Exclude<keyof S, 'type'>]?: FieldDomain };
  readonly optional?: { readonly [K in Exclude<keyof S, 'type'>]?: FieldDomain };
}
