import { OutcomeJoin } from './join';
import type { OutcomeSummaryOptions } from './options';
import type { OutcomeSummary } from './summary';

/** The two inputs of `summarizeOutcomes`; each record a value or its JSON text. */
export interface OutcomeRecords {
  /**
   * Recommendations as `recommend` returns them (or as `redress recommend` writes them). Error records
   * among them count as complaints that got no recommendation.
   */
  readonly recommendations: Iterable<unknown> | AsyncIterable<unknown>;
  /** Outcome records (see `OutcomeSchema`), one per complaint. */
  readonly outcomes: Iterable<unknown> | AsyncIterable<unknown>;
}

/**
 * What each rule's remedies achieved. Joins outcomes to recommendations by complaint id (reporting the
 * unmatched on both sides and every record it could not read), and reports per rule, remedy type,
 * category, severity band and rule set: CSAT (mean, and the satisfied share with its Wilson 95%
 * interval), repeat-complaint, churn and reopen rates, acceptance of the first choice and cost per
 * satisfied customer. `verdicts` compares each rule with the rest of its category and marks it
 * `worse` when the whole 95% interval of the difference in satisfied share is below zero, but only on
 * at least `minSample` answers on each side.
 *
 * The outcomes are read first, all of them, and kept compactly (an id and a small integer each); the
 * recommendations are then streamed, so memory grows with the number of complaints, not with the
 * size of the recommendations. Records are numbered from 1 in error lines.
 *
 * @throws RedressError `INVALID_OPTIONS` for bad options.
 * @example
 * ```ts
 * import { createRecommender } from 'redress';
 * import { summarizeOutcomes } from 'redress/outcomes';
 *
 * const recommendation = await createRecommender().recommend({
 *   id: 'c-1',
 *   receivedAt: '2026-03-10T09:30:00+01:00',
 *   channel: 'email',
 *   category: 'wrong_item',
 *   order: { id: 'o-1', total: 59.9, currency: 'EUR', placedAt: '2026-03-01', items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 59.9 }] },
 *   customer: { id: 'u-1', since: '2024-05-01' },
 * });
 * const summary = await summarizeOutcomes({
 *   recommendations: [recommendation],
 *   outcomes: [{ complaintId: 'c-1', csat: 5, churned: false }, { complaintId: 'c-9', csat: 2 }],
 * });
 * summary.join.matched; //=> 1
 * summary.join.unmatchedOutcomes; //=> { count: 1, first: ['c-9'] }
 * summary.byRule.map((g) => [g.key, g.csat.mean]); //=> [['wrong-item', 5]]
 * summary.overall.costs[0]?.perSatisfied; //=> 88.89
 * ```
 */
export async function summarizeOutcomes(
  records: OutcomeRecords,
  options?: OutcomeSummaryOptions,
): Promise<OutcomeSummary> {
  const join = new OutcomeJoin(options);
  let line = 0;
  for await (const outcome of records.outcomes) join.addOutcome(outcome, ++line);
  line = 0;
  for await (const recommendation of records.recommendations) join.addRecommendation(recommendation, ++line);
  return join.summary();
}
