import { defineConfig } from 'tsup';

export default defineConfig({
  // `testing` is `redress/testing`; `cli` is the `redress` command (package.json `bin`), whose entry
  // file starts with a shebang.
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', cli: 'src/cli/bin.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: true,
  treeshake: true,
});
