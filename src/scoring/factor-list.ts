import { describeFactor } from '../i18n/factor-text';
import { rendererOf } from '../i18n/renderer';
import type { Factor, FactorCode } from './score';

const english = rendererOf('en');

/** Collects a score's factors in whole points, so that they add up to the score exactly. */
export class FactorList<Code extends FactorCode> {
  private readonly factors: Factor<Code | 'cap'>[] = [];

  /**
   * @param words false: each factor's `reason` is left empty, for a replay, which reads no reason
   *   (describing a factor is a few memo look-ups and, for an amount, often `Intl`: about 5% of a replay).
   */
  constructor(private readonly words = true) {}

  /** Adds a factor, rounded to whole points; a factor worth nothing is left out. */
  add(code: Code, points: number, params: Readonly<Record<string, string | number>>): void {
    const rounded = Math.round(points);
    if (rounded !== 0)
      this.factors.push({ code, points: rounded, reason: this.reason(code, params), params });
  }

  private reason(code: string, params: Readonly<Record<string, string | number>>): string {
    return this.words ? describeFactor(english, code, params) : '';
  }

  /** The score (at most 100) and the factors; past 100 a `cap` factor takes the excess back off. */
  capped(): { score: number; factors: Factor<Code | 'cap'>[] } {
    let raw = 0;
    for (const f of this.factors) raw += f.points;
    if (raw <= 100) return { score: raw, factors: [...this.factors] };
    const params = { raw };
    return {
      score: 100,
      factors: [
        ...this.factors,
        { code: 'cap', points: 100 - raw, reason: this.reason('cap', params), params },
      ],
    };
  }
}
