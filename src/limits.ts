/**
 * Size limits for untrusted input. Every schema bound comes from here so that the README's limits table,
 * the JSON Schema and the checks cannot disagree.
 */
export const limits = {
  /** Identifiers, SKUs, names of plans, queues and rules. */
  maxIdLength: 128,
  /** Short free text: names, platforms, emails. */
  maxShortText: 320,
  /** Long free text: a complaint's summary, a rationale template. */
  maxLongText: 10_000,
  /** Line items in one order. */
  maxItems: 500,
  /** Prior complaints listed on one customer. */
  maxPriorComplaints: 1_000,
  /** Entries in one customer's compensation history. */
  maxCompensationHistory: 1_000,
  /** Keys in `customer.attributes`. */
  maxAttributes: 64,
  /** Largest amount of money accepted, in major units. */
  maxMoney: 1_000_000_000,
  /** Largest quantity on one line item. */
  maxQuantity: 100_000,
  /** Largest audience for a public complaint. */
  maxReach: 10_000_000_000,
  /** Rules in one rule set. */
  maxRules: 2_000,
  /** Leaf conditions in one rule. */
  maxConditionsPerRule: 64,
  /** Nesting depth of all/any/not in one rule. */
  maxConditionDepth: 8,
  /** Values in one `in`/`notIn` list. */
  maxListValues: 256,
  /** Remedies proposed by one rule. */
  maxRemediesPerRule: 8,
} as const;
