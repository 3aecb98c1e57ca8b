// esbuild for the benchmarks that load redress's internals from src/ (bench/run.mjs's internals,
// bench/decide.mjs's two builds): one ES module for Node 20, its dependencies left in node_modules.
import { build } from 'esbuild';

/** Bundles `entry` into `outfile`, with `define`'s constants replaced as the package's build does. */
export function bundleForNode(entry, outfile, define = {}) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    define,
  });
}
