// The arguments of `bench/decide.mjs` (`npm run bench:decide -- …`), checked before anything is built:
// a ref git cannot name is refused here with the reason, not later as a bundling error about a missing
// file. Kept apart from the benchmark so that a test can check them without running it.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

export const USAGE = `usage: npm run bench:decide -- [--base REF] [--head REF] [--count N] [--rounds N] [--rates FILE] [--words] [--parse]
  --base REF    the build measured against (default: main)
  --head REF    the build measured (default: the working tree, with its uncommitted changes)
  --count N     generated complaints (default: 20000)
  --rounds N    measured rounds of each build, after two warm-up rounds (default: 7)
  --rates FILE  exchange rates for both rule sets, as simulate's --rates (default: none)
  --words       recommend with the rationale and customer message (runNow) instead of a replay's decision
  --parse       parse each complaint again just before deciding it in every round, as a replay reads
                and decides in turn (parsing is then measured too, and the memos it fills are warm)`;

/** A whole number ≥ 1 from the option `name`, or an error naming it. */
function count(name, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, not ${text}`);
  return n;
}

/**
 * The commit `ref` names in the repository at `repo`, or an error that says why not. A ref that starts
 * with `-` would reach git as an option: it is refused before git sees it.
 */
export function commitOf(ref, repo) {
  if (ref === '' || ref.startsWith('-'))
    throw new Error(`"${ref}" is not a git ref (a ref cannot be empty or start with "-")`);
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    throw new Error(`"${ref}" names no commit of the repository at ${repo} (git rev-parse found none)`);
  }
}

/**
 * The benchmark's options from its command line `argv` (without node and the script), for the
 * repository at `repo`: each ref resolved to its commit; `head` undefined for the working tree.
 */
export function decideArgs(argv, repo) {
  const { values } = parseArgs({
    args: argv,
    options: {
      base: { type: 'string', default: 'main' },
      head: { type: 'string' },
      count: { type: 'string', default: '20000' },
      rounds: { type: 'string', default: '7' },
      rates: { type: 'string' },
      words: { type: 'boolean', default: false },
      parse: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    base: { ref: values.base, commit: commitOf(values.base, repo) },
    head: values.head === undefined ? undefined : { ref: values.head, commit: commitOf(values.head, repo) },
    count: count('count', values.count),
    rounds: count('rounds', values.rounds),
    rates: values.rates,
    words: values.words,
    parse: values.parse,
  };
}
