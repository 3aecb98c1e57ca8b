import type { Channel } from '../complaint/schema';
import type { Facts } from '../facts/catalogue';

/** Why a call is suggested: the reasons of `Handling.reasons` that a conflict in writing comes from. */
export type CallReason = 'legal_threat' | 'tone';

/** The channels on which the exchange is written, and a conflict is better settled by a call. */
const WRITTEN: ReadonlySet<Channel> = new Set(['email', 'chat']);

/**
 * Why the agent should call the customer instead of writing back: a complaint by email or chat with a
 * legal threat, or in an angry or abusive tone. Empty otherwise (a phone or store complaint is already
 * spoken; a public post is answered in public first).
 */
export function callReasons(facts: Facts): CallReason[] {
  if (!WRITTEN.has(facts.channel)) return [];
  const reasons: CallReason[] = [];
  if (facts.legalThreat) reasons.push('legal_threat');
  if (facts.tone === 'angry' || facts.tone === 'abusive') reasons.push('tone');
  return reasons;
}
