// What the rules-only measurements need from inside the library, bundled by bench/run.mjs with esbuild
// from the same sources as the package. Not part of the package.
export { parseComplaint } from '../src/complaint';
export { toFacts } from '../src/facts';
export { compiledEvaluator } from '../src/rules/compiled-engine';
export { defaultRuleSet } from '../src/rules/default-rule-set';
export { compare } from '../src/rules/operators';
export { referenceEvaluator } from '../src/rules/reference-engine';
export { loadRuleSet } from '../src/rules/ruleset';
