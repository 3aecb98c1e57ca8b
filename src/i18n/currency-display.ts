import { issue, type PathSegment, RedressError, type RedressIssue } from '../errors';
import type { CurrencyDisplay } from './locale';

/** Per currency, the ways of showing it a locale may ask for. */
const CHOICES: Readonly<Record<string, readonly string[]>> = { IRR: ['toman', 'rial'] };

/**
 * Validates the `currencyDisplay` option and returns a frozen copy.
 *
 * @throws RedressError `INVALID_OPTIONS` naming each bad entry (`['currencyDisplay', 'IRR']`).
 */
export function checkCurrencyDisplay(
  value: unknown,
  path: readonly PathSegment[] = ['currencyDisplay'],
): CurrencyDisplay {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RedressError('INVALID_OPTIONS', [
      issue('invalid_type', path, 'expected an object such as { IRR: "toman" }'),
    ]);
  }
  const found: RedressIssue[] = [];
  for (const [code, display] of Object.entries(value)) {
    const choices = Object.hasOwn(CHOICES, code) ? CHOICES[code] : undefined;
    if (!choices) {
      found.push(
        issue('unrecognized_keys', [...path, code], `no other display is known for "${code.slice(0, 64)}"`, {
          hint: `currencyDisplay has ${Object.keys(CHOICES).join(', ')}`,
        }),
      );
    } else if (typeof display !== 'string' || !choices.includes(display)) {
      found.push(
        issue('invalid_value', [...path, code], `expected ${choices.map((c) => `"${c}"`).join(' or ')}`),
      );
    }
  }
  if (found.length > 0) throw new RedressError('INVALID_OPTIONS', found);
  return Object.freeze({ ...(value as CurrencyDisplay) });
}
