import { readFileSync } from 'node:fs';

/** The hand-written scenarios (one per default rule and edge), as parsed JSON. */
export const scenarios: Record<string, unknown>[] = readFileSync(
  new URL('./fixtures/scenarios.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Record<string, unknown>);
