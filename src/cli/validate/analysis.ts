import { analyzeRuleSet } from '../../analysis/index';
import type { RuleSet } from '../../index';
import type { RuleSetCheck, ValidateFinding } from './finding';

type Analysis = ReturnType<typeof analyzeRuleSet>;
type AnalysisFinding = Analysis['findings'][number];

function hintFor(f: AnalysisFinding): string | undefined {
  switch (f.kind) {
    case 'unreachable':
      return f.cause === 'shadowed'
        ? `it never decides: ${f.shadowedBy.map((r) => `"${r}"`).join(', ')} win${f.shadowedBy.length === 1 ? 's' : ''} whenever it fires; change a priority or a condition`
        : 'check its conditions: no complaint can meet them all';
    case 'overlap':
      return 'under the unique hit policy, make their conditions exclusive (recommend refuses such complaints with RULE_CONFLICT)';
    case 'gap':
      return `add a rule for ${f.category} at ${f.severityBand} severity, or accept that these go to a person`;
    case 'over_cap':
      return `lower the ${f.remedy.type} or raise ${f.limit}: as it is, it is always reduced or left out`;
  }
}

function toFinding(f: AnalysisFinding, ruleSet: RuleSet): ValidateFinding {
  const rule = f.rules[0];
  const index = rule === undefined ? -1 : ruleSet.rules.findIndex((r) => r.name === rule);
  const path =
    index === -1
      ? []
      : f.kind === 'over_cap'
        ? ['rules', index, 'remedies', f.remedy.index]
        : ['rules', index];
  const hint = hintFor(f);
  const example = 'example' in f && f.example !== null ? f.example.complaint : undefined;
  return {
    // Rules that overlap under `unique` make recommend fail for those complaints: that is an error.
    severity: f.kind === 'overlap' ? 'error' : 'warning',
    code: f.kind === 'unreachable' ? `unreachable_${f.cause}` : f.kind,
    message: `${f.message}${f.method === 'search' ? ' (found by search)' : ''}`,
    path,
    pointer: path.map((s) => `/${s}`).join(''),
    ...(rule === undefined ? {} : { rule }),
    ...(hint === undefined ? {} : { hint }),
    ...(example === undefined ? {} : { example }),
  };
}

/**
 * A check the analyser could not finish within its work budget: a warning (findings may hide there),
 * so that `--strict` fails on it.
 */
export function notAnalysedFinding(open: Analysis['notAnalysed'][number]): ValidateFinding {
  return {
    severity: 'warning',
    code: 'not_analysed',
    message: open.message.replace(/; raise maxWork to analyse them$/, ''),
    path: [],
    pointer: '',
    hint: 'split the rule set into smaller files, or call analyzeRuleSet (redress/analysis) with a larger maxWork',
  };
}

/**
 * The analyser's findings (`analyzeRuleSet`): rules that can never fire or decide, overlaps under
 * `unique`, categories and severity bands no rule covers, remedies always over the caps; each with an
 * example complaint to try with `redress explain`; then the questions its work budget left open.
 */
export const analysisCheck: RuleSetCheck = {
  name: 'analysis',
  run: (ruleSet) => {
    const analysis = analyzeRuleSet(ruleSet);
    return [
      ...analysis.findings.map((f) => toFinding(f, ruleSet)),
      ...analysis.notAnalysed.map(notAnalysedFinding),
    ];
  },
};
