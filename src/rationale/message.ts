import type { Channel, Complaint } from '../complaint/schema';
import type { Locale } from '../i18n/locale';
import type { Renderer } from '../i18n/renderer';
import type { RationaleSentence } from './sentence';

/**
 * What a part of the customer message is: an email's `subject`; a written message's `greeting`,
 * `paragraph`s, `closing` and `signoff`; a spoken `turn` (chat, phone, store); a public post's short
 * `publicReply`.
 */
export type MessagePartKind =
  | 'subject'
  | 'greeting'
  | 'paragraph'
  | 'closing'
  | 'signoff'
  | 'turn'
  | 'publicReply';

/** One part of the customer message, in the recommendation's locale. */
export interface MessagePart {
  readonly kind: MessagePartKind;
  /** As it is sent: in Persian, each line starts with a right-to-left mark (U+200F). */
  readonly text: string;
}

/**
 * The message to the customer, for the complaint's channel, composed from the rationale's customer
 * sentences: `email` a subject, greeting, paragraphs, closing and sign-off; `chat`, `phone` and `store`
 * the agent's turns; `social` and `review` a short public reply (at most 280 characters, without
 * amounts or personal data) and the private message that follows it. The parts are the same in every
 * locale; only their words differ.
 */
export interface CustomerMessage {
  readonly channel: Channel;
  /** Every part as plain text, in order, separated by blank lines. */
  readonly text: string;
  readonly parts: readonly MessagePart[];
}

/** What the message is written from, besides the rationale. */
export interface MessageInput {
  readonly complaint: Complaint;
  readonly rationale: readonly RationaleSentence[];
  /** The rule set's sign-off name per locale (`policy.signature`); redress's own otherwise. */
  readonly signature?: Readonly<Partial<Record<Locale, string>>> | undefined;
  /** In an incident, the shared public statement, which is the public reply. */
  readonly statement?: string | null | undefined;
}

/** Right-to-left mark (U+200F). */
const RLM = '\u200f';

/**
 * A part as it is sent: in a right-to-left language each of its lines starts with an RLM, so that a
 * viewer without isolate support (an SMS app, a plain-text mail client) still lays out right to left a
 * line whose first letters are a Latin value in an isolate (the greeting «⁨Ayşe Yılmaz⁩ گرامی،»), where
 * its comma would otherwise jump. The only bidi mark redress writes: its sentences direct themselves
 * with isolates, and the CLI, which shows marks from the input as U+FFFD, adds its own at a line's start.
 */
function directed(r: Renderer, text: string): string {
  return r.direction === 'rtl' ? `${RLM}${text.replaceAll('\n', `\n${RLM}`)}` : text;
}

/** The longest public reply: a post's length on the strictest platform. */
export const PUBLIC_REPLY_MAX = 280;

/** The customer sentences in three groups: what happened, what we will do, what happens next. */
function paragraphs(rationale: readonly RationaleSentence[]): string[] {
  const groups: [string[], string[], string[]] = [[], [], []];
  for (const s of rationale) {
    if (s.audience !== 'customer') continue;
    const group = s.key.startsWith('offer.')
      ? 1
      : s.key.startsWith('handling.') || s.key === 'followUp'
        ? 2
        : 0;
    groups[group].push(s.text);
  }
  const out: string[] = [];
  for (const g of groups) if (g.length > 0) out.push(g.join(' '));
  return out;
}

function subject(r: Renderer, c: Complaint): string {
  return c.order
    ? r.m('message.subject.order', { orderId: r.embed(c.order.id) })
    : r.m('message.subject.subscription', { plan: r.embed(c.subscription?.plan ?? '') });
}

function greeting(r: Renderer, c: Complaint): string {
  const name = c.customer.name?.trim();
  return name ? r.m('message.greeting.named', { name: r.embedSentence(name) }) : r.m('message.greeting');
}

function signoff(r: Renderer, signature: MessageInput['signature']): string {
  const own = signature && Object.hasOwn(signature, r.locale) ? signature[r.locale] : undefined;
  return `${r.m('message.signoff')}\n${own === undefined ? r.m('message.signature') : r.embedSentence(own)}`;
}

/**
 * The reply to a public post: on a social platform it asks for a private message; a review site has
 * none, so the reply says the shop will be in touch (the letter that follows is that contact).
 */
function publicReply(r: Renderer, channel: 'social' | 'review'): string {
  return r.m(channel === 'review' ? 'message.publicReply.review' : 'message.publicReply');
}

/** A part as it is sent, in the renderer's direction. */
function part(r: Renderer, kind: MessagePartKind, text: string): MessagePart {
  return { kind, text: directed(r, text) };
}

/** A letter: greeting, paragraphs, closing, sign-off, after `parts`. */
function letter(r: Renderer, input: MessageInput, parts: MessagePart[]): MessagePart[] {
  parts.push(part(r, 'greeting', greeting(r, input.complaint)));
  for (const text of paragraphs(input.rationale)) parts.push(part(r, 'paragraph', text));
  parts.push(part(r, 'closing', r.m('message.closing')));
  parts.push(part(r, 'signoff', signoff(r, input.signature)));
  return parts;
}

/** What the agent says, turn by turn. */
function turns(r: Renderer, input: MessageInput): MessagePart[] {
  const parts = [part(r, 'turn', r.m('message.spoken.opening'))];
  for (const text of paragraphs(input.rationale)) parts.push(part(r, 'turn', text));
  parts.push(part(r, 'turn', r.m('message.spoken.closing')));
  return parts;
}

/** The customer message for the complaint's channel, in the renderer's locale. */
export function composeMessage(r: Renderer, input: MessageInput): CustomerMessage {
  const channel = input.complaint.channel;
  // Each part is made as it is sent (its lines directed), in order; no list is copied on the way.
  let parts: MessagePart[];
  switch (channel) {
    case 'email':
      parts = letter(r, input, [part(r, 'subject', subject(r, input.complaint))]);
      break;
    case 'social':
    case 'review':
      parts = letter(r, input, [part(r, 'publicReply', input.statement ?? publicReply(r, channel))]);
      break;
    default:
      parts = turns(r, input);
  }
  return { channel, text: parts.map((p) => p.text).join('\n\n'), parts };
}
