import { readFileSync } from 'node:fs';
import type { ComplaintInput } from '../src/complaint/schema';
import { isRedressError, type RedressError } from '../src/errors';
import type { ExchangeRates } from '../src/exchange/rates';

/** The hand-written scenarios (test/fixtures/scenarios.jsonl) as parsed, in file order. */
export function scenarioValues(): unknown[] {
  const text = readFileSync(new URL('./fixtures/scenarios.jsonl', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

/** The hand-written scenarios (test/fixtures/scenarios.jsonl), by id. */
export function scenarios(): Map<string, ComplaintInput> {
  const all = scenarioValues() as ComplaintInput[];
  return new Map(all.map((c) => [c.id, c]));
}

/** A scenario by id, deep-copied so a test can change it freely. */
export function scenario(id: string): ComplaintInput {
  const found = scenarios().get(id);
  if (!found) throw new Error(`no scenario ${id}`);
  return structuredClone(found);
}

/**
 * The example exchange rates (examples/rates.json): per 1 EUR, the default rules' currency. Tests that
 * run complaints in other currencies through the default rules pass these.
 */
export const RATES: ExchangeRates = JSON.parse(
  readFileSync(new URL('../examples/rates.json', import.meta.url), 'utf8'),
) as ExchangeRates;

/** A minimal valid complaint about one order, for tests to vary (the builder's `complaint`). */
export { complaint as baseComplaint } from './complaint-builder';

/** Runs `fn` and returns the `RedressError` it threw (failing the test on no throw or another error). */
export function redressErrorOf(fn: () => unknown): RedressError {
  const error = thrown(fn);
  if (isRedressError(error)) return error;
  throw error;
}

/** Runs `fn` and returns what it threw (failing the test when it does not throw). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** The `Intl` constructors the memo tests count. */
type IntlConstructor = 'Locale' | 'NumberFormat';

/**
 * Runs `fn` while counting the objects built with `new Intl[name]` (a proxy in its place, taken out
 * again after), and gives the count: the tests that hold a memo to building fewer of them.
 */
export function countingIntlConstructions(name: IntlConstructor, fn: () => void): number {
  // Read-only in TypeScript's lib (`Intl.Locale`): the count is put in its place through this view.
  const intl = Intl as unknown as Record<IntlConstructor, new (...args: never[]) => object>;
  const original = intl[name];
  let built = 0;
  intl[name] = new Proxy(original, {
    construct(target, args: never[]) {
      built++;
      return new target(...args);
    },
  });
  try {
    fn();
  } finally {
    intl[name] = original;
  }
  return built;
}

/**
 * Runs `fn` while counting the reads of `Intl.DateTimeFormat#format` (each read is one formatting the
 * code asks for), and gives the count: the tests that hold a memo to asking `Intl` less.
 */
export function countingIntlFormats(fn: () => void): number {
  const format = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format');
  const read = format?.get as (this: Intl.DateTimeFormat) => Intl.DateTimeFormat['format'];
  let asked = 0;
  Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
    ...format,
    get(this: Intl.DateTimeFormat) {
      asked++;
      return read.call(this);
    },
  });
  try {
    fn();
  } finally {
    Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', format as PropertyDescriptor);
  }
  return asked;
}

/** Every item of an async iterable, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
