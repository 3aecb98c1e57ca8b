import { CATEGORIES, type Category } from '../../complaint/schema';
import { SEVERITY_BANDS, type SeverityBand } from '../../scoring/score';
import { type Box, EVERYTHING, narrow, subtractAll } from '../model/box';
import { severityRange } from '../model/fact-sets';
import { findWitness } from '../model/witness';
import { type CheckContext, fires } from './context';
import { type Example, example, type FindingBase, type Found } from './finding';

/** Complaints of one category and severity band for which no rule fires. */
export interface GapFinding extends FindingBase {
  readonly kind: 'gap';
  readonly category: Category;
  readonly severityBand: SeverityBand;
  readonly example: Example;
}

/** The complaints of one category and severity band, as a box; undefined when there are none. */
function cellOf(ctx: CheckContext, category: Category, band: SeverityBand): Box | undefined {
  const scoring = ctx.ruleSet.scoring;
  const cell = narrow(
    narrow(EVERYTHING, 'category', { kind: 'vals', values: new Set([category]), negated: false }) as Box,
    'severity',
    { kind: 'num', set: severityRange(scoring, [band]) },
  );
  return cell && findWitness(cell, scoring).status !== 'impossible' ? cell : undefined;
}

/**
 * Subtracts every rule's boxes from the cell: a complaint left over for which no rule fires is a gap.
 * `settled` says the model proved that nothing possible is left over among the rules it could expand.
 */
function gapExactly(ctx: CheckContext, cell: Box): { found?: Found; settled: boolean } {
  const rules = ctx.rules;
  const rest = subtractAll(
    [cell],
    rules.filter((r) => r.boxes !== undefined).flatMap((r) => r.boxes as Box[]),
    ctx.maxPieces,
  );
  if (!rest) return { settled: false };
  let settled = true;
  for (const box of rest) {
    const w = findWitness(box, ctx.ruleSet.scoring);
    if (w.status === 'found' && !rules.some((r) => fires(r, w.facts)))
      return { found: { at: example(w), method: 'exact' }, settled };
    if (w.status !== 'impossible') settled = false;
  }
  return { settled };
}

function gapBySearch(ctx: CheckContext, category: Category, band: SeverityBand): Found | undefined {
  const s = ctx
    .search()
    .find(
      (x) =>
        x.facts.category === category &&
        x.facts.severityBand === band &&
        !ctx.rules.some((r) => fires(r, x.facts)),
    );
  return s ? { at: example(s), method: 'search' } : undefined;
}

/** A complaint of the cell no rule fires for: proved by the model, or found by the search when it cannot say. */
function gapIn(ctx: CheckContext, category: Category, band: SeverityBand): Found | undefined {
  const cell = cellOf(ctx, category, band);
  if (!cell) return undefined;
  const { found, settled } = gapExactly(ctx, cell);
  if (found) return found;
  const opaque = ctx.rules.some((r) => r.boxes === undefined);
  return settled && !opaque ? undefined : gapBySearch(ctx, category, band);
}

/** Gaps: each category and severity band for which some complaint makes no rule fire. */
export function gapFindings(ctx: CheckContext): GapFinding[] {
  const findings: GapFinding[] = [];
  for (const category of CATEGORIES) {
    for (const band of SEVERITY_BANDS) {
      const found = gapIn(ctx, category, band);
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
