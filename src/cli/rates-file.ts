import { checkExchangeRates, type ExchangeRates } from '../exchange/rates';
import { isRedressError, type RuleSet } from '../index';
import { duplicateKeyError, parseJsonText } from '../input/json-text';
import { decodeUtf8, readFileBounded, type TextSource } from './bounded-read';
import { CliError } from './cli-error';
import type { CliIo } from './io';
import { printable } from './style';

/** Rates files larger than this are refused before they are read (every ISO 4217 code fits in a few kB). */
export const MAX_RATES_FILE_BYTES = 1024 * 1024;

/** An exchange-rates file, read but not yet checked against a rule set. */
export interface RatesFile {
  readonly path: string;
  readonly value: unknown;
}

/**
 * Reads `--rates FILE`: JSON such as `{ "asOf": "2026-11-01", "rates": { "TRY": 36.5 } }`. A file
 * that cannot be read or is not JSON stops the command (exit 2).
 */
export function readRatesFile(io: CliIo, path: string | undefined): RatesFile | undefined {
  if (path === undefined) return undefined;
  const source: TextSource = {
    name: `rates file ${path}`,
    sizeLimit: 'maxLineBytes',
    maxBytes: MAX_RATES_FILE_BYTES,
  };
  let text: string;
  try {
    text = decodeUtf8(readFileBounded(io, path, source), source);
  } catch (error) {
    if (!isRedressError(error)) throw error;
    throw new CliError(printable(error.issues[0]?.message ?? error.message));
  }
  try {
    const value = parseJsonText(text, {
      noun: 'rates file',
      sizeLimit: 'maxLineBytes',
      maxBytes: MAX_RATES_FILE_BYTES,
    });
    const duplicate = duplicateKeyError(text);
    if (duplicate) throw duplicate;
    return { path, value };
  } catch (error) {
    if (!isRedressError(error)) throw error;
    throw new CliError(
      `rates file ${path} is not valid JSON: ${printable(error.issues[0]?.message ?? error.message)}`,
    );
  }
}

/**
 * The rates of `file` for `ruleSet`, checked: every problem named by its place in the file
 * (`rates.TRY: must be a positive number …`). Undefined without a file.
 */
export function ratesFor(file: RatesFile | undefined, ruleSet: RuleSet): ExchangeRates | undefined {
  if (!file) return undefined;
  try {
    return checkExchangeRates(file.value, ruleSet.currency, []);
  } catch (error) {
    if (!isRedressError(error)) throw error;
    const lines = error.issues.map(
      (i) =>
        `  ${printable(i.message.replace(/^\(root\): /, ''))}${i.hint === undefined ? '' : ` (${printable(i.hint)})`}`,
    );
    throw new CliError(
      [
        `rates file ${file.path} cannot be used with rule set "${ruleSet.name}" (${error.code}):`,
        ...lines,
      ].join('\n'),
    );
  }
}
