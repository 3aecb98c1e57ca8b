/** A guess of a complaint's case key and time, read from the raw input before it is validated. */
export interface CaseGuess {
  readonly key: string;
  /** `receivedAt`, epoch ms. */
  readonly at: number;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The case an input is likely about, as `caseKey` would say once it is validated (the customer, the
 * order or subscription, the category, the currency), or undefined when the input does not say. It
 * only decides where a linked batch recommends a complaint first: a wrong guess costs a second
 * recommendation, never a wrong one (the batch checks every complaint against its cases in input
 * order). Text is parsed as JSON here (unless longer than `maxBytes`); an input that throws on being read is not guessed.
 */
export function guessCase(input: unknown, maxBytes: number): CaseGuess | undefined {
  // A text longer than a complaint may be is refused unread; it is not parsed here either.
  if (typeof input === 'string' && input.length > maxBytes) return undefined;
  try {
    const c = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
    const order = field(c, 'order');
    const subscription = field(c, 'subscription');
    const about =
      order === undefined ? ['subscription', field(subscription, 'plan')] : ['order', field(order, 'id')];
    const currency = field(order, 'currency') ?? field(subscription, 'currency');
    const at = Date.parse(String(field(c, 'receivedAt')));
    if (Number.isNaN(at)) return undefined;
    return {
      key: JSON.stringify([field(field(c, 'customer'), 'id'), ...about, field(c, 'category'), currency]),
      at,
    };
  } catch {
    return undefined;
  }
}
