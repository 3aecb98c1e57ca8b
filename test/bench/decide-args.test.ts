import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's arguments are plain JavaScript, without types.
import { decideArgs } from '../../bench/decide-args.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));

// bench/decide.mjs runs only on demand (npm run bench:decide): this keeps its refusals clear.
describe('the decide benchmark’s arguments', () => {
  it('refuses a ref that names no commit, saying so, before anything is built', () => {
    expect(() => decideArgs(['--base', 'HEAD', '--head', 'no-such-ref-of-redress'], repo)).toThrow(
      /"no-such-ref-of-redress" names no commit of the repository/,
    );
  });

  it('refuses a ref that git would read as an option', () => {
    expect(() => decideArgs(['--base=--output=/tmp/x'], repo)).toThrow(/cannot be empty or start with "-"/);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => decideArgs(['--base', 'HEAD', '--count', '1e3.5'], repo)).toThrow(
      /--count must be a whole number/,
    );
  });

  it('resolves the refs to commits, the working tree when no head is named', () => {
    const options = decideArgs(['--base', 'HEAD', '--rounds', '3'], repo);
    expect(options.base.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(options.head).toBeUndefined();
    expect(options.rounds).toBe(3);
  });
});
