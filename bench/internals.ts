// What the rules-only measurements need from inside the library, bundled by bench/run.mjs with esbuild
// from the same sources as the package. Not part of the package.
export { parseComplaint } from '../src/complaint/parse';
export { toFacts } from '../src/facts/to-facts';
export { defaultRuleSet } from '../src/rules/default/rule-set';
export { compiledEvaluator } from '../src/rules/engine/compiled';
export { referenceEvaluator } from '../src/rules/engine/reference';
export { compare } from '../src/rules/operators';
export { loadRuleSet } from '../src/rules/ruleset';
