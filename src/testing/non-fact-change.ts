import * as fc from 'fast-check';
import type { ComplaintInput } from '../complaint/schema';

type Attributes = NonNullable<ComplaintInput['customer']['attributes']>;

/**
 * A change to the customer fields that are never facts and so must never change a remedy: who the
 * customer is (name, email), where they are (locale, region) and anything in `attributes`. For each
 * field, `undefined` keeps it, `null` removes it, and a value sets it.
 */
export interface NonFactChange {
  readonly name?: string | null;
  readonly email?: string | null;
  readonly locale?: string | null;
  readonly region?: string | null;
  readonly attributes?: Attributes | null;
}

/** The customer fields a `NonFactChange` touches. */
export const NON_FACT_FIELDS = ['name', 'email', 'locale', 'region', 'attributes'] as const;

const field = <T>(values: fc.Arbitrary<T>) => fc.option(fc.option(values, { nil: null }), { nil: undefined });

/** Arbitrary non-fact changes, including names and attributes from many languages and regions. */
export function nonFactChangeArbitrary(): fc.Arbitrary<NonFactChange> {
  return fc.record({
    name: field(
      fc.oneof(
        fc.constantFrom('Mehmet Öztürk', 'سارا کریمی', 'John Smith', 'Aïcha'),
        fc.string({ maxLength: 40 }),
      ),
    ),
    email: field(fc.constantFrom('m@example.com.tr', 'sara@example.ir', 'john@example.com', 'x@y.z')),
    locale: field(fc.constantFrom('tr-TR', 'fa-IR', 'en-US', 'de-DE', 'ar', 'zh-CN')),
    region: field(fc.constantFrom('TR-06', 'IR-11', 'US-NY', 'rural', 'urban', 'EU')),
    attributes: field(
      fc.dictionary(
        fc.constantFrom('segment', 'gender', 'ageBand', 'religion', 'nationality', 'disability', 'vip'),
        fc.oneof(fc.string({ maxLength: 16 }), fc.integer(), fc.boolean(), fc.constant(null)),
        { maxKeys: 5, noNullPrototype: true },
      ),
    ),
  });
}

/** Returns a copy of `complaint` with its non-fact customer fields changed as `change` says. */
export function withNonFactChange(complaint: ComplaintInput, change: NonFactChange): ComplaintInput {
  const next = structuredClone(complaint);
  const customer: Record<string, unknown> = next.customer;
  for (const key of NON_FACT_FIELDS) {
    const value = change[key];
    if (value === null) delete customer[key];
    else if (value !== undefined) customer[key] = structuredClone(value);
  }
  return next;
}
