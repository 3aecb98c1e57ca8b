import type { PathSegment, RedressErrorCode } from '../../src/errors';
import type { Limits } from '../../src/input/limits';
import type { Json } from './base';

/** One corpus entry: an input and exactly what redress must say about it. */
export type Case = {
  readonly name: string;
  /** The input: a value, or (a string) JSON text. Built lazily: some are megabytes. */
  readonly input: () => unknown;
  readonly limits?: Partial<Limits>;
} & (
  | {
      /** The RedressError's code, its first issue's code, and that issue's path. */
      readonly code: RedressErrorCode;
      readonly issue: string;
      readonly path: readonly PathSegment[];
    }
  | { readonly code: 'OK' }
);

const RAW = '\u0000raw\u0000';

/**
 * JSON text of `value` with `raw` (a JSON fragment: `-0`, `1e400`, `"\ud800"`) at `path`: what an
 * attacker writes by hand, which no JS value serialises to.
 */
export function textWithRaw(value: Json, path: readonly PathSegment[], raw: string): string {
  const copy = structuredClone(value);
  let parent = copy as Record<string | number, Json>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, Json>;
  parent[path.at(-1) as PathSegment] = RAW;
  return JSON.stringify(copy).replace(JSON.stringify(RAW), raw);
}

/** JSON text of `value` with a second `"key": raw` written right after the first, at `path`. */
export function textWithDuplicate(value: Json, path: readonly PathSegment[], raw: string): string {
  const key = String(path.at(-1));
  return textWithRaw(value, path, `${JSON.stringify(at(value, path))}, ${JSON.stringify(key)}: ${raw}`);
}

function at(value: Json, path: readonly PathSegment[]): Json {
  let node = value as Json;
  for (const segment of path) node = (node as Record<string | number, Json>)[segment] as Json;
  return node;
}

/** Strings that execute code if anything evaluates them: they must stay inert data everywhere. */
export const RCE_PAYLOADS = [
  "constructor.constructor('globalThis.__redressPwned = 1')()",
  "$..[?(@.constructor.constructor('globalThis.__redressPwned = 1')())]",
  '$[?(@property != 0 && @.constructor.constructor("globalThis.__redressPwned = 1")())]',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is a template-injection string.
  '${globalThis.__redressPwned = 1}',
  "{{constructor.constructor('globalThis.__redressPwned = 1')()}}",
  "'; globalThis.__redressPwned = 1; //",
  "require('child_process').execSync('touch /tmp/redress-pwned')",
  '__proto__',
  '<script>globalThis.__redressPwned = 1</script>',
] as const;

/** Strings that make backtracking regular expressions take exponential time. */
export const REDOS_PAYLOADS = [
  `${'a'.repeat(5_000)}!`,
  `2026-03-10T${'0'.repeat(5_000)}`,
  `${' '.repeat(5_000)}x`,
  `${'A'.repeat(4_999)}a`,
  `${'{a}'.repeat(1_500)}{`,
  `${'\\'.repeat(5_000)}"`,
] as const;
