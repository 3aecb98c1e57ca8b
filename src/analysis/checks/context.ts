import type { Facts } from '../../facts/catalogue';
import type { HitPolicy } from '../../policy/schema';
import type { Condition } from '../../rules/condition';
import type { RuleSet } from '../../rules/ruleset';
import { holds } from '../model/holds';
import type { RuleModel } from '../model/rule-model';
import { type Sample, searchComplaints } from '../model/search';

/** Whether a rule fires for these facts. */
export const fires = (r: RuleModel, facts: Facts): boolean => holds(r.rule.conditions as Condition, facts);

/**
 * What every check reads: the rule set, the hit policy it is analysed under, its enabled rules as the
 * model sees them, and the seeded search, which runs once and only when a check cannot be settled
 * exactly (so that `exact` in the analysis says whether it ran).
 */
export class CheckContext {
  private samples: Sample[] | undefined;
  private liveRules: RuleModel[] | undefined;

  constructor(
    readonly ruleSet: RuleSet,
    readonly hit: HitPolicy,
    readonly rules: readonly RuleModel[],
    /** Most pieces the remainders of gap and shadow checks may have before they are left to the search. */
    readonly maxPieces: number,
    private readonly searchRuns: number,
    private readonly seed: number,
  ) {}

  /** The complaints of the search, generated on first use. */
  search(): Sample[] {
    this.samples ??= searchComplaints(this.ruleSet, this.searchRuns, this.seed);
    return this.samples;
  }

  /** The searched complaints a rule fires for. */
  firedIn(r: RuleModel): Sample[] {
    return this.search().filter((s) => fires(r, s.facts));
  }

  /** Whether a rule the model could not settle fired for no complaint of the search. */
  neverFired(r: RuleModel): boolean {
    return (r.status === 'opaque' || r.status === 'unknown') && this.firedIn(r).length === 0;
  }

  /** The rules that can fire: proved so, or seen to fire in the search. */
  get live(): RuleModel[] {
    this.liveRules ??= this.rules.filter(
      (r) =>
        r.status === 'reachable' ||
        ((r.status === 'opaque' || r.status === 'unknown') && this.firedIn(r).length > 0),
    );
    return this.liveRules;
  }

  /** How many complaints the search generated; undefined when it never ran. */
  get searched(): number | undefined {
    return this.samples?.length;
  }
}
