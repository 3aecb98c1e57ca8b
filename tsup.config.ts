import { defineConfig } from 'tsup';
import { PACKAGE_ENTRIES } from './scripts/package-entries.mjs';

/** The public entries' files (scripts/package-entries.mjs), as tsup takes them. */
const libraryEntries = Object.fromEntries(
  Object.entries(PACKAGE_ENTRIES).map(([name, file]) => [name, `src/${file}.ts`]),
);

export default defineConfig({
  // `analysis`, `incidents`, `outcomes` and `testing` are the `redress/…` subpath entries; `cli` is the `redress`
  // command (package.json `bin`), whose entry file starts with a shebang; `worker` is the batch worker
  // thread's script, which recommendMany starts from next to the library, and `replay-worker` the
  // script of `redress simulate`'s worker threads.
  entry: {
    ...libraryEntries,
    cli: 'src/cli/bin.ts',
    worker: 'src/recommender/worker.ts',
    'replay-worker': 'src/cli/simulate/replay-worker.ts',
  },
  format: ['esm', 'cjs'],
  // The type declarations are built after this by scripts/build-declarations.mjs (`npm run build`):
  // tsc emits them once and rollup joins them, at half tsup's `dts` CPU and a third of its memory.
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: true,
  treeshake: true,
  // `import.meta.url` in the CommonJS build too: it is how the library finds its worker script.
  shims: true,
  esbuildOptions(options, context) {
    options.define = {
      ...options.define,
      __REDRESS_WORKER_FILE__: JSON.stringify(context.format === 'cjs' ? 'worker.cjs' : 'worker.js'),
      __REDRESS_REPLAY_WORKER_FILE__: JSON.stringify(
        context.format === 'cjs' ? 'replay-worker.cjs' : 'replay-worker.js',
      ),
    };
  },
});
