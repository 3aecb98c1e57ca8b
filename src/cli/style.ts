/**
 * Terminal colours, only when they help: on when the stream is a terminal, off when it is not, and
 * always as the user says (`--color`, `--no-color`, `NO_COLOR`, `FORCE_COLOR`).
 */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/** Whether to colour output written to `stream`. `choice` is `--color` (true) or `--no-color` (false). */
export function colorWanted(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
  choice: boolean | undefined,
): boolean {
  if (choice !== undefined) return choice;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** A style that colours when `enabled`, and returns the text unchanged otherwise. */
export function createStyle(enabled: boolean): Style {
  const plain = (text: string) => text;
  return {
    enabled,
    bold: enabled ? wrap(1, 22) : plain,
    dim: enabled ? wrap(2, 22) : plain,
    red: enabled ? wrap(31, 39) : plain,
    green: enabled ? wrap(32, 39) : plain,
    yellow: enabled ? wrap(33, 39) : plain,
    cyan: enabled ? wrap(36, 39) : plain,
  };
}

/**
 * Characters of untrusted text that must not reach a terminal as they are: C0 and C1 controls (escape
 * sequences could recolour, move the cursor or retitle the window), and the bidirectional embeddings,
 * overrides and marks (U+202A–U+202E, U+200E, U+200F, U+061C), with which a value could reverse or
 * reorder what is printed after it — an id that shows as another id, a column that moves.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is exactly what it removes
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e]/g;

/** The directional isolates: LRI, RLI, FSI open one, PDI closes it. */
const ISOLATE = /[\u2066-\u2069]/;
const PDI = 0x2069;

/**
 * Replaces, with U+FFFD, every character of `text` that would let it act on the terminal or on the
 * order of what is shown around it (see `UNPRINTABLE`). Directional isolates are kept in matched pairs
 * only — the Persian rationale wraps Latin names and numbers in them, and an isolate's content cannot
 * move anything outside it — and an unmatched one is replaced, so no value leaves one open.
 */
export function printable(text: string): string {
  const plain = text.replace(UNPRINTABLE, '�');
  return ISOLATE.test(plain) ? balanceIsolates(plain) : plain;
}

/** Right-to-left mark (U+200F). */
const RLM = '\u200f';

/**
 * A line of redress's own text (a rationale sentence, a message line) for the terminal, made safe as
 * `printable` makes it, and, when the text is right-to-left, started with an RLM the CLI adds itself: a
 * terminal that lays out bidirectional text but not isolates then shows the line right to left even where
 * it starts with an isolated Latin value. A message line's own leading RLM (see rationale/message.ts) is
 * the one mark redress writes and is put back; every other mark, wherever it came from, is replaced.
 */
export function printableLine(text: string, direction: 'ltr' | 'rtl'): string {
  if (direction === 'ltr') return printable(text);
  return `${RLM}${printable(text.startsWith(RLM) ? text.slice(1) : text)}`;
}

function balanceIsolates(text: string): string {
  const chars = [...text];
  const open: number[] = [];
  chars.forEach((c, i) => {
    const code = c.charCodeAt(0);
    if (code >= 0x2066 && code < PDI) open.push(i);
    else if (code === PDI && open.pop() === undefined) chars[i] = '�';
  });
  for (const i of open) chars[i] = '�';
  return chars.join('');
}
