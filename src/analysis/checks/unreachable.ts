import type { RuleModel } from '../model/rule-model';
import type { CheckContext } from './context';
import type { Example, FindingBase } from './finding';

/**
 * A rule that can never fire or never decide: `contradictory` (its conditions exclude each other),
 * `impossible` (each condition can hold, but no complaint meets them together), `shadowed` (under
 * `first` or `priority`, whenever it fires a rule that wins fires too), `never_fired` (search only:
 * no complaint tried made it fire).
 */
export interface UnreachableFinding extends FindingBase {
  readonly kind: 'unreachable';
  readonly cause: 'contradictory' | 'impossible' | 'shadowed' | 'never_fired';
  /** For `shadowed`: the rules that win at the example. */
  readonly shadowedBy: readonly string[];
  /** For `shadowed`: a complaint where it fires but another rule wins; null otherwise. */
  readonly example: Example | null;
}

function provedUnreachable(r: RuleModel & { status: 'contradictory' | 'impossible' }): UnreachableFinding {
  return {
    kind: 'unreachable',
    cause: r.status,
    rules: [r.rule.name],
    shadowedBy: [],
    method: 'exact',
    example: null,
    message:
      r.status === 'contradictory'
        ? `rule "${r.rule.name}" can never fire: ${r.reason}`
        : `rule "${r.rule.name}" can never fire: each condition can hold, but no complaint meets them together (${r.reason})`,
  };
}

function neverFired(r: RuleModel, tried: number): UnreachableFinding {
  return {
    kind: 'unreachable',
    cause: 'never_fired',
    rules: [r.rule.name],
    shadowedBy: [],
    method: 'search',
    example: null,
    message: `rule "${r.rule.name}" did not fire for any of ${tried} complaints tried; it may never fire`,
  };
}

const isProvedUnreachable = (r: RuleModel): r is RuleModel & { status: 'contradictory' | 'impossible' } =>
  r.status === 'contradictory' || r.status === 'impossible';

/**
 * Rules that can never fire: proved so by the model, or (for rules it could not settle) fired by
 * none of the searched complaints. Shadowed rules are `shadowedFindings`.
 */
export function unreachableFindings(ctx: CheckContext): UnreachableFinding[] {
  const findings: UnreachableFinding[] = [];
  for (const r of ctx.rules) {
    if (isProvedUnreachable(r)) findings.push(provedUnreachable(r));
    else if (
      ctx.ask(
        'unreachable',
        () => r.rule.name,
        () => ctx.neverFired(r),
      )
    )
      findings.push(neverFired(r, ctx.search().length));
  }
  return findings;
}
