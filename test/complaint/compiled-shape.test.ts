import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastShape, safeParseComplaint } from '../../src/complaint/parse';
import { ComplaintSchema, ComplaintShape } from '../../src/complaint/schema';
import { complaintArbitrary } from '../../src/testing/complaint-arbitrary';
import { type Json, validComplaint } from '../corpus/base';
import { scenarioValues } from '../helpers';
import { fcParams } from '../seed';

/**
 * `parseComplaint` checks fields with zod's compiled fast path of `ComplaintShape` (`z.compile`) and
 * the cross-field rules after it. Its answer must be the schema's own, to the byte: the same
 * complaints accepted, the same values out (defaults, trimmed ids, key order), the same issues for
 * everything refused.
 */

const scenarios = scenarioValues() as { [key: string]: Json }[];

/** Values that sit on the edges of the schema's rules: blanks and spaces, decimals, dates, types. */
const edgeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    '',
    ' ',
    ' o-1 ',
    'EUR',
    'eur',
    'XXX',
    'IRR',
    '2026-03-01',
    '2026-02-30',
    '2026-03-10T09:30:00Z',
    '2026-03-10T09:30:00',
    '2026-03-10T09:30:00.123+03:30',
    '1899-12-31',
    '2200-01-01',
    'late_delivery',
    'refund',
    'Europe/Istanbul',
    'Mars/Olympus',
    0,
    -1,
    1,
    1.5,
    59.9,
    0.1 + 0.2,
    1e12,
    10_001,
    true,
    false,
    null,
    [],
    {},
    { at: '2026-01-10', category: 'late_delivery' },
    { sku: 'S', quantity: 1, unitPrice: 2 },
  ),
  fc.jsonValue({ maxDepth: 1 }).map((v) => v as Json),
);

type Mutation = { readonly at: number; readonly op: 'set' | 'delete' | 'add'; readonly value: Json };
const mutations = fc.array(
  fc.record({
    at: fc.nat(),
    op: fc.constantFrom('set', 'delete', 'add') as fc.Arbitrary<Mutation['op']>,
    value: edgeValue,
  }),
  { minLength: 1, maxLength: 3 },
);

/** Every (container, key) of a JSON value. */
function slots(root: Json): [Record<string | number, Json>, string | number][] {
  const out: [Record<string | number, Json>, string | number][] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Json;
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      out.push([node as Record<string | number, Json>, Array.isArray(node) ? Number(key) : key]);
      stack.push((node as Record<string, Json>)[key] as Json);
    }
  }
  return out;
}

function mutate(value: Json, list: readonly Mutation[]): Json {
  const copy = structuredClone(value);
  for (const m of list) {
    const all = slots(copy);
    const [container, key] = all[m.at % all.length] as [Record<string | number, Json>, string | number];
    // A copy each time: one value put in twice (or into itself) would make a graph, not JSON.
    if (m.op === 'set') container[key] = structuredClone(m.value);
    else if (m.op === 'delete') delete container[key];
    else if (!Array.isArray(container)) container[`x${m.at % 3}`] = structuredClone(m.value);
  }
  return copy;
}

/** The runtime's answer and the fast path's, for the same input, as comparable values. */
function outcome(result: { success: boolean; data?: unknown; error?: { issues: unknown } }) {
  return result.success
    ? { data: result.data, keys: JSON.stringify(result.data) }
    : { issues: result.error?.issues };
}

function expectSameAsSchema(input: Json): void {
  // zod's compiled fast path and its runtime parser on the fields.
  const fast = outcome(fastShape().safeParse(structuredClone(input)));
  const runtime = outcome(ComplaintShape.safeParse(structuredClone(input)));
  expect(isDeepStrictEqual(fast, runtime), JSON.stringify(input)).toBe(true);
  // parseComplaint and the whole schema: accepted alike, with the same value.
  const parsed = safeParseComplaint(structuredClone(input));
  const schema = ComplaintSchema.safeParse(structuredClone(input));
  expect(parsed.ok, JSON.stringify(input)).toBe(schema.success);
  if (parsed.ok && schema.success) {
    expect(JSON.stringify(parsed.value)).toBe(JSON.stringify(schema.data));
    expect(parsed.value).toStrictEqual(schema.data);
  }
}

describe('the compiled complaint shape', () => {
  it('is compiled: zod generated a fast path rather than handing the schema back', () => {
    expect(fastShape()).not.toBe(ComplaintShape);
  });

  it('answers as the schema on every hand-written scenario', () => {
    expect(scenarios.length).toBeGreaterThan(10);
    for (const s of scenarios) expectSameAsSchema(s);
    expectSameAsSchema(validComplaint());
  });

  it('answers as the schema on generated complaints', () => {
    fc.assert(
      fc.property(complaintArbitrary(), (c) => expectSameAsSchema(c as Json)),
      fcParams(150),
    );
  });

  it('answers as the schema on damaged complaints: the same refusals, issues and values', () => {
    const base = fc.oneof(
      fc.constant(validComplaint()),
      fc.constantFrom(...scenarios),
      complaintArbitrary().map((c) => c as Json),
    );
    fc.assert(
      fc.property(base, mutations, (c, list) => expectSameAsSchema(mutate(c, list))),
      fcParams(800),
    );
  });

  it('refuses what the cross-field rules refuse, with their issue', () => {
    const c = validComplaint() as { customer: { since: string } };
    c.customer.since = '2027-01-01';
    const parsed = safeParseComplaint(c);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.issues[0]?.code).toBe('date_after_received');
  });
});

describe('where the runtime forbids generated code', () => {
  it('validates the same with zod interpreting the schema (node --disallow-code-generation-from-strings)', () => {
    // The built package (`npm test` builds it first), in a process where new Function throws: zod's
    // compiled fast path then falls back to the schema's own parser, with the same answers.
    const script = `
      import { safeParseComplaint } from './dist/index.js';
      import { readFileSync } from 'node:fs';
      const lines = readFileSync('test/fixtures/scenarios.jsonl', 'utf8').split('\\n').filter((l) => l.trim());
      let blocked = false;
      try { new Function('return 1'); } catch { blocked = true; }
      const answers = lines.map((l) => { const r = safeParseComplaint(l); return r.ok ? r.value : r.error.issues; });
      const bad = safeParseComplaint({ id: 'x' });
      console.log(JSON.stringify({ blocked, answers, bad: bad.ok ? null : bad.error.issues }));`;
    const run = (flags: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
          encoding: 'utf8',
        }),
      ) as { blocked: boolean; answers: unknown[]; bad: unknown };
    const forbidden = run(['--disallow-code-generation-from-strings']);
    const allowed = run([]);
    expect([forbidden.blocked, allowed.blocked]).toEqual([true, false]);
    expect(forbidden.answers).toHaveLength(scenarios.length);
    expect(forbidden).toEqual({ ...allowed, blocked: true });
    expect(forbidden.bad).not.toBeNull();
  });
});
