/** The checks of the analysis, as `NotAnalysed` names them. */
export type CheckName = 'unreachable' | 'shadowed' | 'overlap' | 'gap' | 'over_cap';

/**
 * A check the analysis could not finish within its work budget (`maxWork`): how many of its questions
 * were left open, and the first of them. Nothing was found or ruled out about those: they may hide
 * findings.
 */
export interface NotAnalysed {
  readonly check: CheckName;
  /** Questions left open: rules (`unreachable`, `shadowed`, `over_cap`), pairs of rules, or cells of a category and severity band. */
  readonly open: number;
  /** The first few of them: a rule's name, `"a" + "b"`, or `wrong_item at high severity`. */
  readonly examples: readonly string[];
  /** The gap in one plain sentence, with what to do about it. */
  readonly message: string;
}

const ORDER: readonly CheckName[] = ['unreachable', 'shadowed', 'overlap', 'gap', 'over_cap'];
const EXAMPLES = 5;

const WHAT: Record<CheckName, [one: string, many: string]> = {
  unreachable: ['whether this rule can fire', 'whether these rules can fire'],
  shadowed: ['whether this rule is shadowed', 'whether these rules are shadowed'],
  overlap: ['whether this pair of rules overlaps', 'whether these pairs of rules overlap'],
  gap: ['whether this category and band has a gap', 'whether these categories and bands have gaps'],
  over_cap: [
    'whether this rule’s goodwill is always over the caps',
    'whether these rules’ goodwill is always over the caps',
  ],
};

/** The questions left open, by check: how many, and the first few (each question is asked once). */
export class OpenQuestions {
  private readonly byCheck = new Map<CheckName, { count: number; examples: string[] }>();

  /** Records a question left open; `subject` names it, and is only called for the first few. */
  add(check: CheckName, subject: () => string): void {
    let open = this.byCheck.get(check);
    if (!open) {
      open = { count: 0, examples: [] };
      this.byCheck.set(check, open);
    }
    open.count++;
    if (open.examples.length < EXAMPLES) open.examples.push(subject());
  }

  /** What the analysis reports: one entry per check with open questions, in the checks' order. */
  report(maxWork: number): NotAnalysed[] {
    return ORDER.flatMap((check) => {
      const open = this.byCheck.get(check);
      if (!open) return [];
      const [one, many] = WHAT[check];
      const listed = `${open.examples.join(', ')}${open.count > EXAMPLES ? ', …' : ''}`;
      return [
        {
          check,
          open: open.count,
          examples: open.examples,
          message: `not analysed: ${open.count === 1 ? one : `${many} (${open.count})`} — ${listed}: the analysis used its whole budget of ${maxWork.toLocaleString('en-US')} work units; raise maxWork to analyse them`,
        },
      ];
    });
  }
}
