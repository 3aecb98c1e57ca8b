/**
 * The import rules of redress's source, checked in CI (`npm run lint:deps`).
 *
 * The folders of `src/` are layers in the order the data flows through them: each may import
 * only from itself and the layers listed before it. `index.ts` (the public entry) re-exports from
 * any layer. A newcomer can read the order below as the table of contents of the library.
 */
const LAYERS = [
  // base: errors, Result, money in minor units; depend on nothing of ours
  { name: 'base', path: '^src/(errors|result|money)\\.ts$' },
  { name: 'input', path: '^src/input/' }, // untrusted JSON: sizes, depth, duplicate keys, limits
  { name: 'time', path: '^src/time/' }, // timestamps, instants, UTC calendar, durations
  { name: 'i18n', path: '^src/i18n/' }, // locales, message catalogues, the renderer
  { name: 'complaint', path: '^src/complaint/' }, // the zod schema, parse, measures
  { name: 'exchange', path: '^src/exchange/' }, // exchange rates, conversion, printable amounts
  { name: 'scoring', path: '^src/scoring/' }, // severity and customer value
  { name: 'facts', path: '^src/facts/' }, // what rules read
  { name: 'remedies', path: '^src/remedies/' }, // one module per remedy
  { name: 'policy', path: '^src/policy/' }, // hit policies, caps, handling
  { name: 'rules', path: '^src/rules/(?!engine/)' }, // the rule set, conditions, default rules
  { name: 'engine', path: '^src/rules/engine/' }, // compiled evaluator ≡ json-rules-engine
  { name: 'rationale', path: '^src/rationale/' }, // the sentences for customer and agent
  { name: 'recommend', path: '^src/recommend/' }, // one complaint through the pipeline
  { name: 'batch', path: '^src/batch/' }, // many complaints, worker threads
  { name: 'cases', path: '^src/cases/' }, // duplicates linked into one case
  { name: 'incidents', path: '^src/incidents/' }, // bursts of one cause, crisis mode
  { name: 'recommender', path: '^src/recommender/' }, // createRecommender: the public object
  { name: 'analysis', path: '^src/analysis/' }, // what a rule set can and cannot do
  { name: 'outcomes', path: '^src/outcomes/' }, // what remedies achieved
  { name: 'testing', path: '^src/testing/' }, // redress/testing: the fairness kit
  { name: 'cli', path: '^src/cli/' }, // the redress command
];

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-from-${layer.name}`,
  comment: `${layer.name} may import only from ${LAYERS.slice(0, i + 1)
    .map((l) => l.name)
    .join(', ')}: the layers after it build on it, not the other way round`,
  severity: 'error',
  from: { path: layer.path },
  to: {
    path: LAYERS.slice(i + 1)
      .map((l) => `(${l.path})`)
      .join('|'),
  },
}));

const unlayered = {
  name: 'every-module-in-a-layer',
  comment: 'every source file belongs to a layer (add a new folder to LAYERS in .dependency-cruiser.cjs)',
  severity: 'error',
  from: {
    path: '^src/',
    pathNot: [...LAYERS.map((l) => l.path), '^src/index\\.ts$'],
  },
  to: {},
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle makes the order of the layers meaningless and modules hard to test alone',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
    unlayered,
    {
      name: 'entry-points-only-from-outside',
      comment: 'nothing in the library imports its own public entry; it only re-exports',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|testing)/' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'no-dev-dependencies-in-src',
      comment: 'the published library cannot load what is only installed for development',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/testing/' },
      to: { dependencyTypes: ['npm-dev', 'npm-peer', 'npm-optional'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
