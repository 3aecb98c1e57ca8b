import type { Category } from '../complaint/schema';
import type { GroupTallies } from './groups';
import { difference, type Share, wilson } from './share';
import type { RuleVerdict, Verdict } from './summary';

const ORDER: readonly Verdict[] = ['worse', 'better', 'no_clear_difference', 'too_few', 'too_few_others'];

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const answers = (n: number) => `${n} CSAT answer${n === 1 ? '' : 's'}`;

function judge(satisfied: Share, others: Share, minSample: number): { verdict: Verdict; note: string } {
  if (satisfied.n < minSample) {
    return {
      verdict: 'too_few',
      note: `${answers(satisfied.n)}, fewer than the ${minSample} needed to judge`,
    };
  }
  if (others.n < minSample) {
    return {
      verdict: 'too_few_others',
      note: `the rest of the category has ${answers(others.n)}, fewer than the ${minSample} needed to compare`,
    };
  }
  const d = difference(satisfied, others) as NonNullable<ReturnType<typeof difference>>;
  const span = `${percent(d.low)} to ${percent(d.high)}`;
  const shares = `${percent(satisfied.rate as number)} satisfied against ${percent(others.rate as number)}`;
  if (d.high < 0) return { verdict: 'worse', note: `${shares}; the difference is ${span}, all below zero` };
  if (d.low > 0) return { verdict: 'better', note: `${shares}; the difference is ${span}, all above zero` };
  return { verdict: 'no_clear_difference', note: `${shares}; the difference, ${span}, spans zero` };
}

/** Judged rules worst first; unjudged ones with the most answers first. */
function withinVerdict(a: RuleVerdict, b: RuleVerdict): number {
  if (a.verdict === 'too_few' || a.verdict === 'too_few_others') return b.satisfied.n - a.satisfied.n;
  return (a.difference?.estimate ?? 0) - (b.difference?.estimate ?? 0);
}

/**
 * Each rule in each category it gave remedies in, against the category's other complaints: the share
 * of satisfied customers, its difference and a verdict. No verdict below `minSample` CSAT answers on
 * either side.
 */
export function ruleVerdicts(groups: GroupTallies, minSample: number): RuleVerdict[] {
  const verdicts: RuleVerdict[] = [];
  for (const [rule, cells] of groups.cells) {
    for (const [category, cell] of cells) {
      const all = (groups.categories.get(category) as NonNullable<ReturnType<typeof groups.categories.get>>)
        .satisfied;
      const mine = cell.satisfied;
      const satisfied = wilson(mine.yes, mine.known);
      const others = wilson(all.yes - mine.yes, all.known - mine.known);
      const { verdict, note } = judge(satisfied, others, minSample);
      const d = difference(satisfied, others);
      verdicts.push({
        rule,
        category: category as Category,
        verdict,
        satisfied,
        others,
        difference: d,
        note,
      });
    }
  }
  return verdicts.sort(
    (a, b) =>
      ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict) ||
      withinVerdict(a, b) ||
      a.rule.localeCompare(b.rule) ||
      a.category.localeCompare(b.category),
  );
}
