import * as fc from 'fast-check';
import type { ComplaintInput } from '../../complaint/schema';
import { invalidOption } from '../../errors';
import type { Recommendation } from '../../recommend/recommendation';
import { complaintArbitrary } from '../complaint-arbitrary';
import { firstDifference } from '../difference';
import { complaintsFor, type FairnessOptions, type FairnessSubject, resolveSubject } from '../subject';
import { FairnessViolation, indent } from '../violation';

/** Options of `determinism`. */
export interface DeterminismOptions extends FairnessOptions {
  /** How many calls a concurrent wave puts in flight at once. Default 50. */
  readonly inFlight?: number;
  /**
   * How often a run sends a concurrent wave: on average one run in `waveEvery` (default 50). A wave is
   * `inFlight` different complaints at once, each compared with its recommendation made alone; the
   * other runs check one complaint, called twice.
   */
  readonly waveEvery?: number;
}

function wholeAtLeastOne(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw invalidOption([name], `must be a whole number ≥ 1, got ${value}`);
  }
  return value;
}

/**
 * Determinism: the same complaint gives deep-equal recommendations — called again, with calls in flight
 * at once (a wave of `inFlight` different complaints, by default 50, in one run in `waveEvery`), and
 * after a JSON round trip of the result (it is plain JSON). Recommending never modifies the complaint.
 * A wave uses different complaints because state leaking between calls only shows when they differ.
 */
export function determinism(
  subject: FairnessSubject,
  options: DeterminismOptions = {},
): fc.IAsyncPropertyWithHooks<[ComplaintInput, ComplaintInput[]]> {
  const target = resolveSubject(subject, options);
  const inFlight = wholeAtLeastOne('inFlight', options.inFlight ?? 50);
  const waveEvery = wholeAtLeastOne('waveEvery', options.waveEvery ?? 50);
  const complaint = complaintArbitrary(complaintsFor(target, options));
  const wave = fc.array(complaint, { minLength: inFlight - 1, maxLength: inFlight - 1 });
  const companions =
    waveEvery === 1
      ? wave
      : fc.oneof(
          { arbitrary: fc.constant<ComplaintInput[]>([]), weight: waveEvery - 1 },
          { arbitrary: wave, weight: 1 },
        );

  return fc.asyncProperty(complaint, companions, async (main, others) => {
    const check = (difference: string | undefined, what: string) => {
      if (difference !== undefined) throw new FairnessViolation(`${what} at ${difference}`);
    };
    const pristine = JSON.stringify(main);
    const first = await target.recommend(main);
    const after = JSON.stringify(main);
    if (after !== pristine) {
      check(
        firstDifference(JSON.parse(after), JSON.parse(pristine)),
        'recommending modified the complaint it was given',
      );
    }
    check(
      firstDifference(JSON.parse(JSON.stringify(first)), first),
      'the recommendation is not plain JSON: a JSON round trip changed it',
    );
    check(
      firstDifference(await target.recommend(structuredClone(main)), first),
      'a second call gave a different recommendation',
    );

    if (others.length === 0) return;
    const batch = [main, ...others];
    const alone: Recommendation[] = [first];
    for (const other of others) alone.push(await target.recommend(other));
    const together = await Promise.all(batch.map((c) => target.recommend(structuredClone(c))));
    together.forEach((rec, i) => {
      const difference = firstDifference(rec, alone[i]);
      if (difference !== undefined) {
        throw new FairnessViolation(
          [
            `with ${batch.length} calls in flight at once, complaint #${i + 1} got a different recommendation than alone, at ${difference}`,
            ...(i === 0 ? [] : ['that complaint:', indent(JSON.stringify(batch[i]), '  ')]),
          ].join('\n'),
        );
      }
    });
  });
}
