// `node --import ./scripts/register-ts.mjs examples/01-recommend.ts` runs a TypeScript example on Node 20
// (see scripts/ts-hooks.mjs). `npm run example examples/01-recommend.ts` builds first and does this.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
