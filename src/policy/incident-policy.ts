import { z } from 'zod';
import { CATEGORIES } from '../complaint/schema';
import type { Locale } from '../i18n/locale';
import { rendererOf } from '../i18n/renderer';
import { limits } from '../input/limits';
import type { IncidentCause } from './incident-mark';

/*
 * How a rule set answers an incident with one voice (the guides: one team speaking with one voice,
 * partners involved in the crisis plan): who owns it, what is said in public, and who is told.
 */

const id = z.string().trim().min(1).max(limits.maxIdLength);
/** A public statement: a few sentences, never empty. */
const statementText = z.string().trim().min(1).max(limits.maxShortText);

/**
 * A partner told once per incident whose cause matches: every field given must match, none given
 * matches every incident. `carrier` matches the cause's carrier, `service` its service, `product` its
 * SKU or family.
 */
export const IncidentPartnerSchema = z.strictObject({
  /** Who is told: a partner or team as your systems name it (`dhl-account-manager`, `store-management`). */
  to: id,
  /** Only incidents of these categories. */
  categories: z.array(z.enum(CATEGORIES)).min(1).max(CATEGORIES.length).optional(),
  /** Only incidents of this carrier (`order.carrier`). */
  carrier: id.optional(),
  /** Only incidents of this service (`subscription.service`). */
  service: id.optional(),
  /** Only incidents of this product: its SKU or family. */
  product: id.optional(),
});

/** A partner to tell about incidents, as a rule set names it. */
export type IncidentPartner = z.output<typeof IncidentPartnerSchema>;

/** The `policy.incidents` section of a rule set: crisis mode's owner, public statement and partners. */
export const IncidentPolicySchema = z
  .strictObject({
    /** The one owner of every complaint in an incident: a crisis team's queue. */
    owner: id.default('crisis-team'),
    /**
     * The shared public statement, per locale, in place of redress's own. Keep it short, without counts
     * of affected customers or blame of a partner, and invite the customer to a private channel.
     */
    statement: z
      .strictObject({
        en: statementText.optional(),
        tr: statementText.optional(),
        fa: statementText.optional(),
      })
      .default({}),
    /** Partners told once per incident whose cause matches. */
    partners: z.array(IncidentPartnerSchema).max(100).default([]),
  })
  .prefault({});

/** A resolved incident policy (defaults filled in). */
export type IncidentPolicy = z.output<typeof IncidentPolicySchema>;

/**
 * The shared public statement in a locale: the rule set's own, word for word, or redress's. Redress's
 * asks for a private message, which a review site (Trustpilot, Google reviews) cannot take: on the
 * `review` channel its review version says the team will be in touch instead.
 */
export function statementFor(policy: IncidentPolicy, locale: Locale, channel?: string): string {
  const own = policy.statement[locale];
  if (own !== undefined) return own;
  return rendererOf(locale).m(channel === 'review' ? 'incident.statement.review' : 'incident.statement');
}

/** Whether a partner is to be told about an incident of this cause. */
function concerns(partner: IncidentPartner, cause: IncidentCause): boolean {
  if (partner.categories && (cause.category === null || !partner.categories.includes(cause.category)))
    return false;
  if (partner.carrier !== undefined && partner.carrier !== cause.carrier) return false;
  if (partner.service !== undefined && partner.service !== cause.service) return false;
  if (partner.product !== undefined && partner.product !== cause.sku && partner.product !== cause.family)
    return false;
  return true;
}

/** The partners to tell about an incident of this cause, each once, in the rule set's order. */
export function partnersFor(policy: IncidentPolicy, cause: IncidentCause): string[] {
  return [...new Set(policy.partners.filter((p) => concerns(p, cause)).map((p) => p.to))];
}
