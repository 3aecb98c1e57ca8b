// Runs the snippets that test/docs/snippets.ts compiled, one module after the other in this process, and
// writes what each one's `//=>` checks found to the file named first: node snippet-runner.mjs OUT FILE…
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';

const more = Symbol('…');

/** Whether `actual` is what a `//=>` comment shows (`expected`, with `more` for its `…`). */
function matches(actual, expected) {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    const open = expected.at(-1) === more;
    const shown = open ? expected.slice(0, -1) : expected;
    if (open ? actual.length < shown.length : actual.length !== shown.length) return false;
    return shown.every((e, i) => matches(actual[i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    const keys = Object.keys(expected);
    if (!expected[more] && Object.keys(actual).length !== keys.length) return false;
    return keys.every((k) => Object.hasOwn(actual, k) && matches(actual[k], expected[k]));
  }
  return Object.is(actual, expected);
}

let current;
globalThis.__doc = {
  more,
  declare(lines) {
    current.declared = lines;
  },
  check(line, actual, expected, text) {
    current.reached.add(line);
    if (matches(actual, expected)) current.passed += 1;
    else
      current.failures.push(
        `${line}: expected ${text}\n  got ${inspect(actual, { depth: 6, breakLength: 100 })}`,
      );
  },
};

const [out, ...files] = process.argv.slice(2);
const results = [];
for (const file of files) {
  current = { passed: 0, failures: [], declared: [], reached: new Set() };
  try {
    await import(pathToFileURL(resolve(file)).href);
  } catch (error) {
    current.failures.push(
      `threw ${error instanceof Error ? (error.stack ?? error.message) : inspect(error)}`,
    );
  }
  for (const line of current.declared)
    if (!current.reached.has(line)) current.failures.push(`${line}: the run never reached this check`);
  results.push({ passed: current.passed, failures: current.failures });
}
writeFileSync(out, JSON.stringify(results));
process.exit(0);
