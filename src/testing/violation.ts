/**
 * Thrown inside a property run when a recommendation breaks the property. fast-check shrinks the input
 * that caused it and `assertFair` reports its message with the shrunk complaint, the seed and the path.
 */
export class FairnessViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FairnessViolation';
  }
}

/** Indents every line of a block of text, for nesting in a report. */
export function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${by}${line}`))
    .join('\n');
}
