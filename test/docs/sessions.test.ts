import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../cli/run-in-process';
import { markdownSessions, outputMatches, root } from './snippets';

// Every `$ redress …` command shown in a ```console block of the README and docs/ is run in a directory
// where examples/ is the repository's, and prints what the page shows (a line that is only `…` stands
// for any number of lines). A command that is `redress` and plain arguments runs in-process through
// the CLI's io seam (test/cli/bin.test.ts shows the built command prints the same); one with shell
// syntax (a pipe, a redirect, `&&`) runs in bash with the built command on the PATH.
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const sessions = pages.flatMap((page) => markdownSessions(page));

const dir = mkdtempSync(join(tmpdir(), 'redress-sessions-'));
mkdirSync(join(dir, 'bin'));
mkdirSync(join(dir, 'work'));
writeFileSync(
  join(dir, 'bin', 'redress'),
  `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'dist', 'cli.js')}" "$@"\n`,
);
chmodSync(join(dir, 'bin', 'redress'), 0o755);
for (const name of ['examples', 'schema']) symlinkSync(join(root, name), join(dir, 'work', name));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A command shown on two pages (the README's quick start and the CLI page) runs once.
const outputs = new Map<string, Promise<string>>();
function run(command: string): Promise<string> {
  const known = outputs.get(command);
  if (known) return known;
  const output = PLAIN.test(command) ? inProcess(command) : spawnShell(command);
  outputs.set(command, output);
  return output;
}

/** `redress` followed by words without quotes, variables, globs, pipes or redirects. */
const PLAIN = /^redress(\s+[\w./=-]+)*\s*$/;

async function inProcess(command: string): Promise<string> {
  const args = command.trim().split(/\s+/).slice(1);
  return (await runInProcess(args, { cwd: join(dir, 'work') })).stdout;
}

function spawnShell(command: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', command],
      {
        cwd: join(dir, 'work'),
        env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024,
      },
      (_error, stdout) => resolve(stdout),
    );
  });
}

describe.each(sessions.map((s) => [`${s.file}:${s.line}`, s] as const))(
  'the command at %s',
  (_where, session) => {
    it(`prints what the page shows: ${session.command}`, async () => {
      const out = (await run(session.command)).split('\n').map((l) => l.trimEnd());
      if (out.at(-1) === '') out.pop();
      if (!outputMatches(session.output, out)) expect(out.join('\n')).toBe(session.output.join('\n'));
    });
  },
);
