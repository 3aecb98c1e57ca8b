import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import ts from 'typescript';

/**
 * Code in the docs that runs: fenced ```ts blocks of the Markdown pages and the `@example` blocks of
 * the TSDoc in src/, each a complete program that imports from `redress` (or a subpath), run by Node
 * against the built package. A statement followed by `//=> value` is checked: the statement's value
 * must match `value`, read as a JavaScript expression.
 *
 * - An object matches when it has exactly the keys shown, each matching; `…` among its keys means "and
 *   other keys" (only those shown are checked). An array matches element by element; a last `…` means
 *   "and possibly more elements". Anything else matches when it is the same value (`Object.is`).
 * - The result may go on over the next lines, each starting with `//` and at least two spaces:
 *   ```
 *   rec.handling; //=> { mode: 'automatic', owner: 'email-desk',
 *   //                   … }
 *   ```
 * - A long result may start on the line after the statement instead:
 *   ```
 *   rec.remedies.map((r) => r.type);
 *   //=> ['resend', 'return', 'gift',
 *   //    'apology']
 *   ```
 */

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** One block of code from a page or a source file. */
export interface Snippet {
  /** The file it is in, from the repository root. */
  readonly file: string;
  /** The line of the file its code starts on. */
  readonly line: number;
  /** The code. */
  readonly code: string;
}

/** Where a snippet or one of its lines is, as `file:line`. */
export const where = (snippet: Snippet, line = 1): string => `${snippet.file}:${snippet.line + line - 1}`;

/** The ```ts blocks of a Markdown file (a block whose info string is more than `ts` is not run). */
export function markdownSnippets(file: string): Snippet[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trimEnd() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trimEnd() !== '```') end++;
    snippets.push({ file, line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return snippets;
}

/** The fenced code of every `@example` tag in a TypeScript source file. */
export function tsdocExamples(file: string): Snippet[] {
  const text = readFileSync(join(root, file), 'utf8');
  const snippets: Snippet[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const firstLine = text.slice(0, comment.index).split('\n').length;
    const lines = comment[0].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?( ?)/, ''));
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]?.startsWith('@example')) continue;
      const open = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      const close = lines.findIndex((l, j) => j > open && l.startsWith('```'));
      if (open < 0 || close < 0) throw new Error(`${file}:${firstLine + i}: @example without a fenced block`);
      snippets.push({ file, line: firstLine + open + 1, code: lines.slice(open + 1, close).join('\n') });
      i = close;
    }
  }
  return snippets;
}

/** A `//=>` check found in a snippet. */
interface Check {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly expression: string;
  readonly expected: string;
}

const CONTINUATION = /^\s*\/\/ {2,}(.*)$/;

/**
 * The `//=>` comment after a node: on the node's last line (a trailing comment), or starting the line
 * right after it (`rec.remedies.map(…);` then `//=> […]` on the next line, as a long result is written).
 */
function resultComment(code: string, node: ts.Node): ts.CommentRange | undefined {
  const trailing = ts.getTrailingCommentRanges(code, node.end)?.[0];
  if (trailing) return trailing;
  const next = ts.getLeadingCommentRanges(code, node.end)?.[0];
  if (!next || !/^[ \t]*\r?\n[ \t]*$/.test(code.slice(node.end, next.pos))) return undefined;
  return code.startsWith('//=>', next.pos) ? next : undefined;
}

/** The `//=>` checks of a snippet, each on the expression statement it follows. */
function checks(code: string): Check[] {
  const source = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = code.split('\n');
  const found: Check[] = [];
  const visit = (node: ts.Node): void => {
    const comment = resultComment(code, node);
    const text = comment && code.slice(comment.pos, comment.end);
    if (comment && text?.startsWith('//=>')) {
      const line = source.getLineAndCharacterOfPosition(comment.pos).line;
      if (!ts.isExpressionStatement(node))
        throw new Error(
          `line ${line + 1}: //=> follows an expression statement, not a ${ts.SyntaxKind[node.kind]}`,
        );
      const expected = [text.slice(4)];
      for (let i = line + 1; CONTINUATION.test(lines[i] ?? ''); i++)
        expected.push(CONTINUATION.exec(lines[i] ?? '')?.[1] ?? '');
      found.push({
        start: node.getStart(source),
        end: node.end,
        line: line + 1,
        expression: node.expression.getText(source),
        expected: expected.join(' ').trim(),
      });
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  // A result written where no statement ends (after a blank line, say) would be a check that never runs.
  const attached = new Set(found.map((check) => check.line));
  const loose = lines.flatMap((l, i) => (l.includes('//=>') && !attached.has(i + 1) ? [i + 1] : []));
  if (loose.length > 0)
    throw new Error(
      `line ${loose.join(', ')}: a //=> result must end its statement's last line or start the line after it`,
    );
  return found;
}

/**
 * `…` in an expected value, read as "and more": `[__doc.more]: true` among an object's keys, `__doc.more`
 * as an array's last element. A `…` inside a string is left alone.
 */
function withMore(expected: string): string {
  let out = '';
  const brackets: string[] = [];
  let quote = '';
  for (let i = 0; i < expected.length; i++) {
    const c = expected[i] as string;
    if (quote) {
      out += c;
      if (c === '\\') out += expected[++i] ?? '';
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
      out += c;
    } else if (c === '{' || c === '[') {
      brackets.push(c);
      out += c;
    } else if (c === '}' || c === ']') {
      brackets.pop();
      out += c;
    } else if (c === '…') {
      out += brackets.at(-1) === '{' ? '[__doc.more]: true' : '__doc.more';
    } else out += c;
  }
  return out;
}

/** The snippet as a module that reports its checks to the runner, compiled to JavaScript. */
export function instrument(snippet: Snippet): string {
  let code = snippet.code;
  const found = checks(code);
  if (found.length === 0) throw new Error(`${where(snippet)}: no //=> result to check`);
  const declared = found.map((check) => where(snippet, check.line));
  for (const check of [...found].reverse()) {
    const call = `__doc.check(${JSON.stringify(where(snippet, check.line))}, (${check.expression}), (${withMore(check.expected)}), ${JSON.stringify(check.expected)});`;
    code = code.slice(0, check.start) + call + code.slice(check.end);
  }
  // Declared first (after the hoisted imports), so that a check the run never reaches is a failure.
  code = `__doc.declare(${JSON.stringify(declared)}); ${code}`;
  return transformSync(code, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: where(snippet),
    sourcemap: 'inline',
  }).code;
}

/** What running one snippet found. */
export interface SnippetResult {
  /** Checks that held. */
  readonly passed: number;
  /** Checks that did not, and the error that stopped the snippet, if any. */
  readonly failures: readonly string[];
}

/**
 * Runs snippets, each as an ES module in a directory inside the package (so that `redress` resolves to
 * the built package by its own name), all in one Node process, one after the other.
 */
export function runSnippets(snippets: readonly Snippet[]): SnippetResult[] {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, 'tmp', 'snippets-'));
  try {
    const files = snippets.map((snippet, i) => {
      const file = join(dir, `${String(i).padStart(3, '0')}.mjs`);
      try {
        writeFileSync(file, instrument(snippet));
      } catch (error) {
        writeFileSync(file, `throw new Error(${JSON.stringify(String(error))});`);
      }
      return relative(root, file);
    });
    const out = join(dir, 'results.json');
    execFileSync(
      process.execPath,
      ['--enable-source-maps', join(root, 'test/docs/snippet-runner.mjs'), out, ...files],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    return JSON.parse(readFileSync(out, 'utf8')) as SnippetResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A `$ redress …` command of a ```console block, and the output the page shows for it. */
export interface Session {
  readonly file: string;
  /** The line of the command. */
  readonly line: number;
  /** The command as a shell would read it (continuation lines joined). */
  readonly command: string;
  /** The output shown, line by line; a line that is only `…` stands for any number of lines. */
  readonly output: readonly string[];
}

/** The commands of the ```console blocks of a Markdown file, with the output shown after each. */
export function markdownSessions(file: string): Session[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const sessions: Session[] = [];
  let inBlock = false;
  let session: { line: number; command: string; output: string[] } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (!inBlock) {
      inBlock = text.trimEnd() === '```console';
      continue;
    }
    if (text.trimEnd() === '```' || text.startsWith('$ ')) {
      if (session) sessions.push({ file, ...session });
      session = undefined;
    }
    if (text.trimEnd() === '```') inBlock = false;
    else if (text.startsWith('$ ')) {
      let command = text.slice(2);
      while (command.endsWith('\\')) command = `${command.slice(0, -1)} ${(lines[++i] ?? '').trim()}`;
      session = { line: i + 1, command, output: [] };
    } else session?.output.push(text.trimEnd());
  }
  return sessions;
}

/** Whether the output lines are those shown, `…` standing for any number of lines. */
export function outputMatches(shown: readonly string[], actual: readonly string[]): boolean {
  const [first, ...rest] = shown;
  if (first === undefined) return actual.length === 0;
  if (first.trim() === '…') {
    for (let skip = 0; skip <= actual.length; skip++)
      if (outputMatches(rest, actual.slice(skip))) return true;
    return false;
  }
  return actual.length > 0 && actual[0] === first && outputMatches(rest, actual.slice(1));
}

/**
 * Type errors in the snippets, checked as TypeScript files inside the package against the built
 * package's own type declarations (what a user's editor sees), with the project's strictness.
 */
export function typeErrors(snippets: readonly Snippet[]): string[] {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, 'tmp', 'snippet-types-'));
  try {
    const files = snippets.map((snippet, i) => {
      const file = join(dir, `${String(i).padStart(3, '0')}.ts`);
      writeFileSync(file, snippet.code);
      return file;
    });
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.es2024.string.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      types: ['node'],
      noEmit: true,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const index = d.file ? files.indexOf(d.file.fileName) : -1;
      const snippet = snippets[index];
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!snippet || !d.file || d.start === undefined) return message;
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${where(snippet, line + 1)}: ${message}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
