import * as fc from 'fast-check';
import { issue, RedressError } from '../errors';
import { REMEDY_TYPES, type RemedySpecInput, type RemedyType, remedyShapes } from '../remedies/catalogue';
import type { FieldDomain, SpecShape } from '../remedies/shape';

/** Narrows what `remedySpecArbitrary` generates. */
export interface RemedySpecArbitraryOptions {
  /** Remedy types to draw from. Default: every type (`REMEDY_TYPES`). */
  readonly types?: readonly RemedyType[];
}

type Value = string | number | boolean;

/** Whole hundredths in [min, max], as a number with at most two decimals. */
const hundredths = ([min, max]: readonly [number, number]) =>
  fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((n) => n / 100);

function domainArbitrary(domain: FieldDomain): fc.Arbitrary<Value> {
  if ('integer' in domain) return fc.integer({ min: domain.integer[0], max: domain.integer[1] });
  if ('amount' in domain) return hundredths(domain.amount);
  if ('share' in domain) return hundredths(domain.share);
  return fc.constantFrom(...domain.oneOf);
}

function fields(
  domains: SpecShape<Record<string, unknown>>['required'],
): Record<string, fc.Arbitrary<Value>> {
  const out: Record<string, fc.Arbitrary<Value>> = {};
  for (const [name, domain] of Object.entries(domains ?? {})) {
    if (domain) out[name] = domainArbitrary(domain);
  }
  return out;
}

function shapeArbitrary(
  type: RemedyType,
  shape: SpecShape<Record<string, unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const required: Record<string, fc.Arbitrary<Value>> = {
    type: fc.constant(type),
    ...fields(shape.required),
  };
  return fc.record({ ...required, ...fields(shape.optional) }, { requiredKeys: Object.keys(required) });
}

function typesOf(options: RemedySpecArbitraryOptions): readonly RemedyType[] {
  const types = options.types ?? REMEDY_TYPES;
  const unknown = types.findIndex((t) => !(REMEDY_TYPES as readonly string[]).includes(t));
  if (types.length === 0 || unknown >= 0) {
    const path = types.length === 0 ? ['types'] : ['types', unknown];
    const what = types.length === 0 ? 'is empty' : `names "${String(types[unknown])}", not a remedy type`;
    throw new RedressError('INVALID_OPTIONS', [
      issue('invalid_option', path, `remedySpecArbitrary: ${what}; use some of ${REMEDY_TYPES.join(', ')}`),
    ]);
  }
  return types;
}

/**
 * Remedies as a rule writes them, of every way each remedy may be written (a coupon by percent or by
 * amount, with and without its optional fields): valid input for a rule's `remedies`. Built from each
 * remedy's own description in the registry, so a new remedy is generated as soon as it is registered.
 *
 * @throws RedressError `INVALID_OPTIONS` when `types` is empty or names an unknown remedy type.
 */
export function remedySpecArbitrary(options: RemedySpecArbitraryOptions = {}): fc.Arbitrary<RemedySpecInput> {
  const shapes = typesOf(options).flatMap((type) =>
    remedyShapes(type).map((shape) => shapeArbitrary(type, shape)),
  );
  return fc.oneof(...shapes) as fc.Arbitrary<unknown> as fc.Arbitrary<RemedySpecInput>;
}
