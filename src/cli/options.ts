import { InvalidArgumentError, Option } from 'commander';
import { LOCALE_CODES, limits } from '../index';

/** Default for `--max-line-bytes`: the library's `maxLineBytes` limit. */
export const DEFAULT_MAX_LINE_BYTES: number = limits.maxLineBytes;

/** Parses a whole number within bounds, for numeric options. */
export function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

/** `--rules FILE`, shared by the commands that run rules. */
export const rulesOption = () =>
  new Option('-r, --rules <file>', 'rule set JSON file (default: the built-in rules)');

/** `--locale`, with the locales this build supports, and `auto` (each complaint's `customer.locale`). */
export const localeOption = () =>
  new Option('-l, --locale <locale>', "language of the rationale (auto: the customer's own, else English)")
    .choices([...LOCALE_CODES, 'auto'])
    .default('en');

/** `--rates FILE`, shared by the commands that price remedies. */
export const ratesOption = () =>
  new Option(
    '--rates <file>',
    "exchange rates JSON file for complaints in other currencies than the rule set's: " +
      '{ "asOf": "2026-11-01", "rates": { "TRY": 36.5 } }, units per one unit of the rule set\'s currency',
  );

/** `--concurrency N`. */
export const concurrencyOption = () =>
  new Option(
    '-c, --concurrency <n>',
    'complaints in flight at once (default: the library default)',
  ).argParser(wholeNumber(1, 1024));

/** `--no-link`: linking complaints about one problem into cases is on unless this is given. */
export const linkOption = () =>
  new Option(
    '--no-link',
    'do not link complaints about one problem (customer, order, category, within the case window) into ' +
      'one case; each gets its own remedies, and large inputs may use worker threads',
  );

/** `--max-line-bytes N`. */
export const maxLineBytesOption = () =>
  new Option('--max-line-bytes <n>', 'longest input line read; longer ones become LIMIT_EXCEEDED errors')
    .argParser(wholeNumber(1024, 1024 * 1024 * 1024))
    .default(DEFAULT_MAX_LINE_BYTES);

/** `--quiet`. */
export const quietOption = () => new Option('-q, --quiet', 'no progress bar or notices on stderr');
