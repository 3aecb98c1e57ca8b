import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The built command (npm test builds first). */
export const cli = join(root, 'dist', 'cli.js');

/** What a run of the command left behind. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `redress ARGS` as a child process of the built command in the repository root, with `input` on
 * standard input. Only for what needs a real process (bin.test.ts, faults.test.ts): every other CLI
 * test runs the command in-process through the io seam (`runInProcess` in run-in-process.ts).
 */
export function runCli(
  args: readonly string[],
  options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => {}); // the command may exit before reading all of it
    child.stdin.end(options.input ?? '');
  });
}

/** Parses JSON Lines output. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A fresh temporary directory, and a function that removes it. */
export function tempDir(): {
  dir: string;
  remove: () => void;
  /** Writes a file in the directory and returns its path. */
  write: (name: string, content: string | Buffer) => string;
  /** Writes lines as a JSON Lines file (each followed by a newline) and returns its path. */
  writeLines: (name: string, lines: readonly string[]) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'redress-cli-'));
  const write = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  return {
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
    write,
    writeLines: (name, lines) => write(name, `${lines.join('\n')}\n`),
  };
}
