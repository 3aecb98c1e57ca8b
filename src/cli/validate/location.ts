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
 * How deeply `text` nests objects and arrays, brackets inside strings aside. A linear scan, so that
 * text too deep for the (recursive) syntax tree parser is never given to it.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* backslash: skip what it escapes */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return deepest;
}

/**
 * Nesting up to which a syntax tree is built. The loader refuses anything deeper than `limits.maxDepth`
 * (`nesting_too_deep`, with its path); past that there is nothing to locate but that one finding, and
 * the tree parser would run out of stack (5,000 levels in 10 KB do).
 */
const MAX_TREE_DEPTH = 256;

/**
 * A rule file's text with a syntax tree, to say where in the file a JSON path is. Only for locating:
 * the values themselves come from `JSON.parse`. Text nested deeper than `MAX_TREE_DEPTH` gets no tree:
 * no syntax problems of its own, and no locations.
 */
export class JsonSource {
  readonly lines: LineIndex;
  readonly syntaxProblems: readonly SyntaxProblem[];
  private readonly tree: Node | undefined;

  constructor(text: string) {
    this.lines = new LineIndex(text);
    const errors: ParseError[] = [];
    if (nestingDepth(text) > MAX_TREE_DEPTH) {
      this.syntaxProblems = [];
      return;
    }
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

  /**
   * Where the repeated key at `path` is repeated: its second occurrence in the parent object (the
   * syntax tree keeps both; `locate` would find the first).
   */
  locateRepeat(path: readonly PathSegment[]): Location | undefined {
    const parent = this.tree && findNodeAtLocation(this.tree, path.slice(0, -1) as PathSegment[]);
    const key = path.at(-1);
    const repeats = (parent?.children ?? []).filter((p) => p.children?.[0]?.value === key);
    const second = repeats[1];
    return second ? this.lines.at(second.offset) : this.locate(path);
  }
}

function describeSyntaxError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON syntax error: ${words}`;
}
