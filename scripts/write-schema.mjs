// Writes schema/ruleset.schema.json and schema/outcome.schema.json from their zod schemas (via the built
// package). A test fails when a committed file and its schema drift apart.
import { writeFileSync } from 'node:fs';
import { ruleSetJsonSchema } from '../dist/index.js';
import { outcomeJsonSchema } from '../dist/outcomes.js';

for (const [name, schema] of [
  ['ruleset', ruleSetJsonSchema()],
  ['outcome', outcomeJsonSchema()],
]) {
  const target = new URL(`../schema/${name}.schema.json`, import.meta.url);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target.pathname}`);
}
