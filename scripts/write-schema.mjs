// Writes schema/ruleset.schema.json from the zod schema (via the built package). A test fails when the
// committed file and the schema drift apart.
import { writeFileSync } from 'node:fs';
import { ruleSetJsonSchema } from '../dist/index.js';

const target = new URL('../schema/ruleset.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
