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

/** Removes terminal control sequences and other control characters from untrusted text before printing. */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: this is exactly what it removes
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}
