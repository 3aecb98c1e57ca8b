/**
 * English messages. This catalogue defines the message keys: every other locale must have the same
 * keys with the same `{placeholders}` (the `Messages` type and a test hold them to it). Keys ending in
 * `.zero` / `.one` / `.two` / `.few` / `.many` / `.other` are plural forms of one message, chosen with
 * `Intl.PluralRules` (`ordinal.*` with its ordinal rules); `.other` is required, the others only where
 * the language's grammar tells them apart (English does, Turkish and Persian do not after a numeral).
 *
 * `{subjectIn}` is `{subject}` in the locative ("in order o-1001", "o-1001 numaralı siparişinizde", «در
 * سفارش شمارهٔ …»): the rationale passes both, and a translation may use either where English uses one.
 *
 * Register: plain, warm, first person plural; restate what happened, never blame the customer.
 *
 * Not here: each remedy's name and offer sentences (`remedy.<type>`, `offer.<type>…`), which live in its
 * module's `texts` in src/remedies/ (coupon.ts, …), in all three languages (docs/languages.md).
 */
export const en = {
  'ordinal.one': '{n}st',
  'ordinal.two': '{n}nd',
  'ordinal.few': '{n}rd',
  'ordinal.other': '{n}th',

  'factor.category': 'complaint about {category}',
  'factor.daysLate.one': '{days} day late',
  'factor.daysLate.other': '{days} days late',
  'factor.itemsAffected.one': '{items} item affected',
  'factor.itemsAffected.other': '{items} items affected',
  'factor.public': 'posted publicly',
  'factor.publicOn': 'posted publicly on {platform}',
  'factor.publicReach.one': 'posted publicly to {reach} follower',
  'factor.publicReach.other': 'posted publicly to {reach} followers',
  'factor.publicOnReach.one': 'posted publicly on {platform} to {reach} follower',
  'factor.publicOnReach.other': 'posted publicly on {platform} to {reach} followers',
  'factor.repeat': '{ordinal} complaint in 90 days',
  'factor.tone': 'customer is {tone}',
  'factor.legalThreat': 'legal action threatened',
  'factor.cap': 'capped at 100',
  'factor.tenure.one': 'customer for {months} month',
  'factor.tenure.other': 'customer for {months} months',
  'factor.lifetimeSpend': 'lifetime spend of {amount}',
  'factor.orders.one': '{orders} order',
  'factor.orders.other': '{orders} orders',
  'factor.recentOrder': 'ordered within the last {days} days',
  'factor.subscriber': 'subscriber to {plan}',

  'category.wrong_item': 'wrong item',
  'category.damaged_item': 'damaged item',
  'category.missing_item': 'missing item',
  'category.late_delivery': 'late delivery',
  'category.billing_error': 'billing error',
  'category.service_outage': 'service outage',
  'category.poor_quality': 'poor quality',
  'category.staff_behavior': 'staff behaviour',
  'category.other': 'other problem',
  'tone.calm': 'calm',
  'tone.upset': 'upset',
  'tone.angry': 'angry',
  'tone.abusive': 'abusive',
  'band.low': 'low',
  'band.medium': 'medium',
  'band.high': 'high',
  'band.critical': 'critical',
  'tier.standard': 'standard',
  'tier.silver': 'silver',
  'tier.gold': 'gold',
  'tier.platinum': 'platinum',
  'shipping.standard': 'standard',
  'shipping.express': 'express',

  'queue.legal': 'legal',
  'queue.senior-care': 'senior care',
  'queue.social-media': 'social media',
  'queue.billing': 'billing',
  'queue.store-management': 'store management',
  'queue.customer-care': 'customer care',
  'platform.instagram': 'Instagram',
  'platform.x': 'X',
  'platform.twitter': 'Twitter',
  'platform.tiktok': 'TikTok',
  'platform.trustpilot': 'Trustpilot',
  'platform.telegram': 'Telegram',
  'platform.facebook': 'Facebook',
  'platform.youtube': 'YouTube',
  'platform.linkedin': 'LinkedIn',
  'platform.aparat': 'Aparat',
  'platform.whatsapp': 'WhatsApp',
  'platform.threads': 'Threads',
  'platform.eitaa': 'Eitaa',
  'platform.rubika': 'Rubika',
  'platform.bale': 'Bale',
  'platform.google': 'Google',

  quoted: '"{text}"',
  'currency.toman': 'toman',
  'money.toman': '{amount} toman',
  'item.others.one': 'one other item from your order',
  'item.others.other': '{count} other items from your order',
  'item.named': '{name}',
  'item.namedMany': '{quantity} × {name}',

  'subject.order': 'order {orderId}',
  'subject.subscription': 'your {plan} subscription',
  'subject.orderIn': 'in order {orderId}',
  'subject.subscriptionIn': 'in your {plan} subscription',

  'restate.wrong_item': 'We understand that {subject} arrived with the wrong item.',
  'restate.damaged_item.one': 'We understand that an item in {subject} arrived damaged.',
  'restate.damaged_item.other': 'We understand that items in {subject} arrived damaged.',
  'restate.missing_item.one': 'We understand that an item was missing from {subject}.',
  'restate.missing_item.other': 'We understand that items were missing from {subject}.',
  'restate.late_delivery.one': 'We understand that {subject} arrived a day later than we promised.',
  'restate.late_delivery.other': 'We understand that {subject} arrived {days} days later than we promised.',
  'restate.late_delivery_pending.one':
    'We understand that {subject} has still not arrived, a day after the date we promised.',
  'restate.late_delivery_pending.other':
    'We understand that {subject} has still not arrived, {days} days after the date we promised.',
  'restate.billing_error':
    'We understand that you were charged {overcharge} more than you owed for {subject}.',
  'restate.billing_error_unknown': 'We understand that you were charged incorrectly for {subject}.',
  'restate.service_outage': 'We understand that the service of {subject} was unavailable to you.',
  'restate.poor_quality': 'We understand that {subject} did not meet the quality you expected.',
  'restate.staff_behavior':
    'We understand that one of our staff did not treat you with the respect you deserve.',
  'restate.other': 'We understand that something went wrong with {subject}, and we want to put it right.',

  'handling.human': 'We will review your case once more before anything is final.',
  'handling.public':
    'We will also answer your public post on {platform}, so that everyone can see it is being resolved.',
  'handling.trace':
    'We will ask the carrier to trace your parcel. If it has not reached you by {date}, we will send it again or refund you.',
  'handling.public.review':
    'We will also reply to your review on {platform}, so that everyone can see it is being resolved.',
  'handling.evidence':
    'Please send us a photo of the damage; we will take care of everything as soon as we receive it.',
  'handling.publicUnnamed':
    'We will also answer your public post, so that everyone can see it is being resolved.',
  'case.linked':
    'We are handling this together with what you told us earlier about {subject}, as one case, so you do not need to explain anything again. Your contact remains our {owner} team.',
  'case.linked.unnamed':
    'We are handling this together with what you told us earlier about {subject}, as one case, so you do not need to explain anything again. The same team stays in charge of your case.',
  'case.linked.escalated':
    'We are handling this together with what you told us earlier about {subject}, as one case, so you do not need to explain anything again.',
  followUp: 'We will check with you on {date} that everything has been put right.',
  'survey.question':
    'How satisfied are you with how we handled your complaint? Please answer from 1 (not at all) to 5 (very satisfied).',

  'message.subject.order': 'About your order {orderId}',
  'message.subject.subscription': 'About your {plan} subscription',
  'message.greeting': 'Hello,',
  'message.greeting.named': 'Dear {name},',
  'message.closing': 'Thank you for your patience. We hope to serve you again soon.',
  'message.signoff': 'Kind regards,',
  'message.signature': 'Customer Care',
  'message.spoken.opening': 'Thank you for telling us about this.',
  'message.spoken.closing': 'Is there anything else I can do for you today?',
  'message.publicReply.review':
    'We are sorry to hear about your experience and want to put it right. Our team will be in touch to follow up on this.',
  'message.publicReply':
    'We are sorry about your experience and want to put it right. Please send us a private message so that we can help you personally.',

  'incident.statement':
    'We know about a problem that is affecting many of our customers, and we are working to fix it. We are sorry for the trouble. Please send us a private message so that we can help you personally.',
  'incident.statement.review':
    'We know about a problem that is affecting many of our customers, and we are working to fix it. We are sorry for the trouble. Our team will be in touch to follow up on this.',
  'incident.notice':
    'This is part of a known problem that has affected many of our customers, and we are fixing its cause.',

  'why.currency':
    "Money was converted at {rate}, the rate of {asOf}: the rules, scores and caps read this complaint's amounts in {ruleSetCurrency}, and the amounts here are in {currency}.",
  'why.severity': 'Severity {score}/100 ({band}): {factors}.',
  'why.value': 'Customer value {score}/100 ({tier}): {factors}.',
  'why.goodwillMultiplier':
    'Goodwill was raised by {percent} (×{factor}) for a customer in the {tier} tier, before any goodwill limits were applied.',
  'why.rules': 'Rules applied: {rules}.',
  'why.noRule': 'No rule matched this complaint; a person decides the remedy.',
  'why.dropped.cap':
    'The {remedy} ({cost}) from rule "{rule}" was left out: no goodwill was left under the limit of {cap}.',
  'why.reduced.cap':
    'The {remedy} from rule "{rule}" was reduced from {cost} to {kept}, to stay within the goodwill limit of {cap}.',
  'why.limit.severity':
    'Goodwill is limited to {limit}: {share} of the affected value of {value} for a complaint of {band} severity.',
  'why.limit.tier': 'Goodwill is limited to {limit} for a customer in the {tier} tier.',
  'why.limit.total':
    'Goodwill is limited to {limit}: restitution ({restitution}) and goodwill together stay within {share} of the affected value of {value}.',
  'why.limit.customer':
    "Goodwill is limited to {limit}: what is left of this customer's allowance ({used} of goodwill in the last {days} days, at most {max}).",
  'why.limit.customerCount':
    'No goodwill is left for this customer: {count} goodwill compensations in the last {days} days, at most {max}.',
  'why.dropped.notApplicable': 'The {remedy} from rule "{rule}" does not apply: {reason}.',
  'why.linked':
    'Linked to case {case}, owned by {owner}: one owner for the whole case, and nothing the case already gave is given again.',
  'why.linked.given': 'The {remedy} from rule "{rule}" is not given again: case {case} already gave it.',
  'why.linked.topUp':
    'The {remedy} from rule "{rule}" was reduced from {cost} to {kept}: case {case} already gave part of the goodwill it warrants.',
  'why.linked.goodwill':
    'The {remedy} ({cost}) from rule "{rule}" was left out: case {case} already gave the goodwill it warrants.',
  'why.automatic':
    'Can be applied automatically: the cost of {total} is within the auto-approval limit of {limit}.',
  'why.human': 'Needs a person ({queue}) because: {reasons}.',
  'why.call': 'Call the customer instead of replying in writing, because {reasons}.',
  'why.quietPost':
    'The public post reached {reach} people, fewer than {threshold}: it is answered in public and remedied exactly as a private complaint.',
  'choice.refund': 'a refund',
  'choice.resend': 'a replacement',
  'choice.store_credit': 'store credit',
  'choice.coupon': 'a coupon',
  'choice.free_month': 'free time on your subscription',
  'choice.gift': 'a gift',
  'offer.choice': 'If you would prefer {options}, just let us know.',
  'offer.choice.group': '{choices} instead of {replaced}',
  'offer.choice.more': '{groups}, or {group}',
  'replaced.refund': 'the refund',
  'replaced.resend': 'the replacement',
  'replaced.store_credit': 'the store credit',
  'replaced.coupon': 'the coupon',
  'replaced.free_month': 'the free time on your subscription',
  'replaced.gift': 'the gift',
  'offer.preferenceUnavailable': 'Unfortunately, we cannot offer {preference} in this case.',
  'why.preference': 'The customer prefers {preference}: it is offered first, instead of {replaces}.',
  'why.preferenceUnavailable':
    'The customer prefers {preference}, but no remedy given here can be turned into it, so the first choice stands.',
  'why.alternative': 'Option: {choice} instead of {replaces}, {total} in all.',
  'why.incident':
    'Part of incident {id}: {count} complaints about {cause}, {period} ({zone}). Everyone in it gets at least the remedies of its most severe complaint, {top}, within their own caps.',

  'why.incidentOwner':
    'One voice: {owner} owns every complaint of the incident, and public posts are answered with its shared statement.',
  'why.incidentPartners': 'Told once for the incident: {partners}.',

  'zone.UTC': 'UTC',
  'zone.Asia/Tehran': 'Tehran time',
  'zone.Europe/Istanbul': 'Istanbul time',

  'cause.sku': '{category} (SKU {sku})',
  'cause.service': '{category} ({service})',
  'cause.family': '{category} (product family {family})',
  'cause.carrier': '{category} (carrier {carrier})',

  'na.no_items': 'there are no items to send again',
  'na.no_items_to_return': 'there are no items to take back',
  'na.no_subscription': 'the customer has no subscription',
  'na.zero_value': 'it would be worth nothing',
  'na.nothing_to_refund': 'there is nothing to refund on that basis',

  'reason.legal_threat': 'legal action was threatened',
  'reason.abusive_tone': 'the contact was abusive',
  'reason.tone': 'the customer is {tone}',
  'reason.severity_band': 'the severity is {band}',
  'reason.value_tier': 'the customer is in the {tier} tier',
  'reason.escalate_remedy': 'a rule passes it to the {queue} team',
  'reason.cost_above_auto_approve': 'the cost of {total} is above the auto-approval limit of {limit}',
  'reason.no_rule_matched': 'no rule matched',
  'reason.compensation_limit': 'the compensation limit for this customer was reached',

  'rule.wrong-item':
    'Sending the right item at once, with a small gift, is how we make up for a wrong delivery.',
  'rule.damaged-item': 'A damaged item is replaced straight away.',
  'rule.damaged-item-refund':
    'A damaged item in a small order is refunded at once: sending it again would cost more than it is worth.',
  'rule.missing-item': 'Missing items are sent at once.',
  'rule.late-minor': 'A short delay deserves an apology.',
  'rule.late-moderate': 'A longer delay earns a discount on the next order.',
  'rule.lost-parcel':
    'An order that has not arrived a week after the promised date is treated as lost and sent again at once.',
  'rule.late-severe': 'A long or very visible delay earns a larger discount on the next order.',
  'rule.billing-overcharge': 'What was overcharged is refunded in full.',
  'rule.billing-unknown': 'A billing error without a known amount is checked by a person.',
  'rule.outage': 'A service that failed is credited with free time.',
  'rule.outage-dear-plan':
    'A failed service on a plan dearer than the standard goodwill cap is credited with a fixed amount towards the next bill.',
  'rule.outage-long': 'A serious outage is credited with free time and a personal apology.',
  'rule.outage-no-subscription': 'A service that failed is credited with a discount on the next order.',
  'rule.other': 'A problem outside our usual categories is looked at by a person.',
  'rule.poor-quality': 'A product below our standard is refunded in part.',
  'rule.staff': 'Rude treatment deserves a sincere, personal apology.',
  'rule.staff-severe': 'Serious staff misconduct is reviewed by a manager.',
  'rule.legal': 'A legal threat is handled by our legal team.',
  'rule.abusive': 'Abusive contact is handled by a senior colleague.',
  'rule.public-critical': 'A serious public complaint is answered by the social media team.',
  'rule.repeat': 'A customer who had to complain again gets a personal apology.',
} as const;

/** A message key. */
export type MessageKey = keyof typeof en;

/** A plural category other than `other`; a message's forms are `key.<category>`. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many';

/** Plural forms a language may leave out when its grammar does not tell them apart (`.other` is used). */
type OptionalPluralKey = Extract<MessageKey, `${string}.${PluralCategory}`>;

/**
 * A catalogue of messages for one locale: every key as text, except plural forms other than `.other`,
 * which a language gives only where its grammar needs them.
 */
export type Messages = Readonly<
  { [K in Exclude<MessageKey, OptionalPluralKey>]: string } & { [K in OptionalPluralKey]?: string }
>;
