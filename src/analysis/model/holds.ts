import type { Facts } from '../../facts/catalogue';
import type { Condition } from '../../rules/condition';
import { compare } from '../../rules/operators';

/**
 * Whether a validated condition holds for some facts: json-rules-engine's semantics for redress's
 * operators (see `compare`), synchronously, for the analyser's many checks.
 */
export function holds(c: Condition, facts: Facts): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, facts));
  if ('any' in c) return c.any.some((x) => holds(x, facts));
  if ('not' in c) return !holds(c.not, facts);
  return compare(c.operator, facts[c.fact], c.value);
}
