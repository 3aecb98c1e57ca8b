import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { RuleSet } from './ruleset';

/**
 * Which rule set made a recommendation: its name and version as the analyst wrote them, and the hash
 * of its content, so that a stored recommendation can be traced to the exact rules (two edits that
 * forgot to bump `version` still differ) and replayed.
 */
export interface RuleSetStamp {
  readonly name: string;
  readonly version: string;
  /** `ruleSetHash` of the rule set: `sha256:` and 64 hex digits. */
  readonly hash: string;
}

const HASHES = new WeakMap<RuleSet, string>();

/**
 * The content hash of a loaded rule set: `sha256:` and the hex SHA-256 of its canonical JSON
 * (RFC 8785: keys sorted, no whitespace), after defaults are filled in and without `$schema`, which
 * only points editors at the JSON Schema. The same rules give the same hash whatever the key order,
 * the whitespace or the defaults written out; any change to a rule, the policy or the scoring gives
 * another. Computed once per rule set object.
 */
export function ruleSetHash(ruleSet: RuleSet): string {
  let hash = HASHES.get(ruleSet);
  if (hash === undefined) {
    const { $schema: _schema, ...content } = ruleSet;
    hash = `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
    HASHES.set(ruleSet, hash);
  }
  return hash;
}

/** The stamp a recommendation carries for `ruleSet`. */
export function ruleSetStamp(ruleSet: RuleSet): RuleSetStamp {
  return { name: ruleSet.name, version: ruleSet.version, hash: ruleSetHash(ruleSet) };
}
