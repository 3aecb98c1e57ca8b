import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` is the `redress` command (package.json `bin`); its entry file starts with a shebang.
  entry: { index: 'src/index.ts', cli: 'src/cli/bin.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: true,
  treeshake: true,
});
