// The package's public entries: the library and its `redress/…` subpath entries, each a file under src/
// (without `.ts`). One list for the JavaScript build (tsup.config.ts), the type declarations'
// (scripts/build-declarations.mjs) and the test that every export is documented.
export const PACKAGE_ENTRIES = {
  index: 'index',
  analysis: 'analysis/index',
  incidents: 'incidents/index',
  outcomes: 'outcomes/index',
  testing: 'testing/index',
};
