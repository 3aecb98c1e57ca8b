import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { PathSegment } from '../../index';

/** A place in a text file, 1-based, for `file:line:column` messages editors can jump to. */
export interface Location {
  readonly line: number;
  readonly column: number;
}

/** Maps character offsets of a text to lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The line and column of `offset`. */
  at(offset: number): Location {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }
}

/** A JSON syntax error with its location. */
export interface SyntaxProblem {
  readonly message: string;
  readonly location: Location;
}

/**
 * A rule file's text with a syntax tree, to say where in the file a JSON path is. Only for locating:
 * the values themselves come from `JSON.parse`.
 */
export class JsonSource {
  readonly lines: LineIndex;
  readonly syntaxProblems: readonly SyntaxProblem[];
  private readonly tree: Node | undefined;

  constructor(text: string) {
    this.lines = new LineIndex(text);
    const errors: ParseError[] = [];
    this.tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    // A parser that recovers reports one mistake several times at the same place; once is enough.
    const distinct = errors.filter((e, i) => i === 0 || e.offset !== errors[i - 1]?.offset);
    this.syntaxProblems = distinct.map((e) => ({
      message: describeSyntaxError(printParseErrorCode(e.error)),
      location: this.lines.at(e.offset),
    }));
  }

  /**
   * Where `path` is: the property name when the path ends at a property (the key is what a person looks
   * for), else the value; for a path that does not exist (a missing field), its nearest existing parent.
   */
  locate(path: readonly PathSegment[]): Location | undefined {
    if (!this.tree) return undefined;
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.tree, path.slice(0, n) as PathSegment[]);
      if (node) {
        const property = node.parent?.type === 'property' ? node.parent : undefined;
        return this.lines.at((property ?? node).offset);
      }
    }
    return undefined;
  }
}

function describeSyntaxError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON syntax error: ${words}`;
}
