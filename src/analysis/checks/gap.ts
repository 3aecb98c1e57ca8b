import { CATEGORIES, type Category } from '../../complaint/schema';
import { SEVERITY_BANDS, type SeverityBand } from '../../scoring/score';
import { type Box, EVERYTHING, narrow, subtractAll } from '../model/box';
import { severityRange } from '../model/fact-sets';
import { witnessIn } from '../model/witness';
import { COST, type Work, withinBudget } from '../model/work';
import type { CheckContext } from './context';
import { type Example, example, type FindingBase, type Found } from './finding';

/** Complaints of one category and severity band for which no rule fires. */
export interface GapFinding extends FindingBase {
  readonly kind: 'gap';
  readonly category: Category;
  readonly severityBand: SeverityBand;
  readonly example: Example;
}

/** The complaints of one category and severity band, as a box; undefined when there are none. */
function cellOf(ctx: CheckContext, category: Category, band: SeverityBand, work: Work): Box | undefined {
  const scoring = ctx.ruleSet.scoring;
  const cell = narrow(
    narrow(EVERYTHING, 'category', { kind: 'vals', values: new Set([category]), negated: false }) as Box,
    'severity',
    { kind: 'num', set: severityRange(scoring, [band]) },
  );
  if (!cell) return undefined;
  work.spend(COST.witness);
  return witnessIn(cell, ctx.ruleSet).status !== 'impossible' ? cell : undefined;
}

/**
 * Subtracts every rule's boxes from the cell: a complaint left over for which no rule fires is a gap.
 * `settled` says the model proved that nothing possible is left over among the rules it could expand.
 * Undefined when the pieces grow past the limit.
 */
function gapExactly(
  ctx: CheckContext,
  cell: Box,
  work: Work,
): { found?: Found; settled: boolean } | undefined {
  const rules = ctx.rules;
  const rest = subtractAll(
    [cell],
    rules.filter((r) => r.boxes !== undefined).flatMap((r) => r.boxes as Box[]),
    ctx.maxPieces,
    work,
  );
  if (!rest) return undefined;
  let settled = true;
  for (const box of rest) {
    work.spend(COST.witness);
    const w = witnessIn(box, ctx.ruleSet);
    if (w.status === 'found' && !rules.some((r) => ctx.firesAt(r, w.facts, work)))
      return { found: { at: example(w), method: 'exact' }, settled };
    if (w.status !== 'impossible') settled = false;
  }
  return { settled };
}

function gapBySearch(ctx: CheckContext, category: Category, band: SeverityBand): Found | undefined {
  const covered = ctx.firedByAny();
  const s = ctx
    .search()
    .find((x) => x.facts.category === category && x.facts.severityBand === band && !covered.has(x));
  return s ? { at: example(s), method: 'search' } : undefined;
}

/**
 * A complaint of the cell no rule fires for: proved by the model within a question's budget, or found
 * by the search when it cannot say. `null` when there is none.
 */
function gapIn(ctx: CheckContext, category: Category, band: SeverityBand): Found | null {
  const work = ctx.question();
  const exactly = withinBudget(work, () => {
    const cell = cellOf(ctx, category, band, work);
    return cell ? gapExactly(ctx, cell, work) : 'empty';
  });
  if (exactly === 'empty') return null;
  if (exactly?.found) return exactly.found;
  const opaque = ctx.rules.some((r) => r.boxes === undefined);
  if (exactly?.settled && !opaque) return null;
  return gapBySearch(ctx, category, band) ?? null;
}

/** Gaps: each category and severity band for which some complaint makes no rule fire. */
export function gapFindings(ctx: CheckContext): GapFinding[] {
  const findings: GapFinding[] = [];
  for (const category of CATEGORIES) {
    for (const band of SEVERITY_BANDS) {
      const found = ctx.ask(
        'gap',
        () => `${category} at ${band} severity`,
        () => gapIn(ctx, category, band),
      );
      if (!found) continue;
      findings.push({
        kind: 'gap',
        rules: [],
        category,
        severityBand: band,
        method: found.method,
        example: found.at,
        message: `no rule fires for some ${category} complaints of ${band} severity`,
      });
    }
  }
  return findings;
}
