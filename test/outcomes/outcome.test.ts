import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRedressError, type RedressError } from '../../src/index';
import {
  ACCEPTANCES,
  type Outcome,
  outcomeJsonSchema,
  parseOutcome,
  safeParseOutcome,
} from '../../src/outcomes/index';
import { OutcomeIndex, pack, unpack } from '../../src/outcomes/outcome-index';
import { thrown } from '../helpers';
import { fcParams } from '../seed';

const full = {
  complaintId: 'c-1',
  csat: 4,
  resolvedAt: '2026-03-02T10:00:00+01:00',
  reopened: false,
  repeatWithinDays: 12,
  churned: false,
  publicResolved: true,
  accepted: 'first',
};

function failure(input: unknown): RedressError {
  const result = safeParseOutcome(input);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('an outcome record', () => {
  it('accepts every field, and just a complaint id', () => {
    expect(parseOutcome(full)).toEqual(full);
    expect(parseOutcome('{"complaintId":" c-2 "}')).toEqual({ complaintId: 'c-2' });
    expect(parseOutcome({ complaintId: 'c-3', repeatWithinDays: null })).toEqual({
      complaintId: 'c-3',
      repeatWithinDays: null,
    });
  });

  it.each([
    [{ ...full, csat: 6 }, ['csat'], 'too_big'],
    [{ ...full, csat: 3.5 }, ['csat'], 'invalid_type'],
    [{ ...full, csat: '4' }, ['csat'], 'invalid_type'],
    [{ ...full, resolvedAt: '2026-03-02' }, ['resolvedAt'], 'invalid_format'],
    [{ ...full, reopened: 'no' }, ['reopened'], 'invalid_type'],
    [{ ...full, repeatWithinDays: -1 }, ['repeatWithinDays'], 'too_small'],
    [{ ...full, accepted: 'yes' }, ['accepted'], 'invalid_value'],
    [{ ...full, cast: 5 }, [], 'unrecognized_keys'],
    [{ csat: 5 }, ['complaintId'], 'invalid_type'],
  ])('refuses %j with INVALID_OUTCOME at its path', (input, path, code) => {
    const error = failure(input);
    expect(error.code).toBe('INVALID_OUTCOME');
    expect(error.issues[0]).toMatchObject({ path, code });
  });

  it('refuses a repeated key, a prototype key and text that is not JSON, as for complaints', () => {
    expect(failure('{"complaintId":"a","csat":5,"csat":1}').issues[0]?.code).toBe('duplicate_key');
    expect(failure('{"complaintId":"a","__proto__":{"csat":5}}').issues[0]?.code).toBe('forbidden_key');
    expect(failure('{"complaintId":').code).toBe('INVALID_JSON');
    const error = thrown(() => parseOutcome({ complaintId: 'x', csat: 0 }));
    expect(isRedressError(error) && error.pointer).toBe('/csat');
  });

  it('has a JSON Schema made from the same zod schema', () => {
    const schema = outcomeJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(full).sort());
    expect(schema.required).toEqual(['complaintId']);
    expect(schema.properties.accepted).toMatchObject({ enum: [...ACCEPTANCES] });
  });
});

const outcomeArbitrary: fc.Arbitrary<Outcome> = fc.record(
  {
    complaintId: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s !== ''),
    csat: fc.integer({ min: 1, max: 5 }),
    reopened: fc.boolean(),
    repeatWithinDays: fc.option(fc.integer({ min: 0, max: 3650 })),
    churned: fc.boolean(),
    publicResolved: fc.boolean(),
    accepted: fc.constantFrom(...ACCEPTANCES),
  },
  { requiredKeys: ['complaintId'] },
);

describe('the compact outcome index', () => {
  it('packs every outcome into a small integer and back without losing what the summary reads', () => {
    fc.assert(
      fc.property(outcomeArbitrary, (o) => {
        const packed = pack(o);
        expect(Number.isInteger(packed) && packed >= 0 && packed < 2 ** 23).toBe(true);
        expect(unpack(packed)).toEqual({
          csat: o.csat ?? null,
          reopened: o.reopened ?? null,
          churned: o.churned ?? null,
          publicResolved: o.publicResolved ?? null,
          accepted: o.accepted ?? null,
          repeatWithinDays: o.repeatWithinDays,
        });
      }),
      fcParams(500),
    );
  });

  it('matches each outcome once, and tells apart unmatched outcomes, unmatched and repeated recommendations', () => {
    const index = new OutcomeIndex();
    expect(index.add({ complaintId: 'a', csat: 5 })).toBe(true);
    expect(index.add({ complaintId: 'b' })).toBe(true);
    expect(index.add({ complaintId: 'a', csat: 1 })).toBe(false);
    expect(index.match('a')).toMatchObject({ kind: 'matched', outcome: { csat: 5 } });
    expect(index.match('a')).toEqual({ kind: 'duplicate' });
    expect(index.match('z')).toEqual({ kind: 'unmatched' });
    expect(index.match('z')).toEqual({ kind: 'duplicate' });
    expect(index.match('y')).toEqual({ kind: 'unmatched' });
    expect(index.unmatched(1)).toEqual({
      outcomes: { count: 1, first: ['b'] },
      recommendations: { count: 2, first: ['z'] },
    });
  });
});
