import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aheadRecords, packAhead, recordsOf, requestOf } from '../../../src/cli/simulate/ahead-wire';
import { type AheadRecord, ReplayAhead } from '../../../src/cli/simulate/replay-ahead';
import { remediesText, SAME_FOR_CUSTOMER } from '../../../src/cli/simulate/tallied';
import { loadRuleSet, type RecommenderOptions } from '../../../src/index';
import { root } from '../run';

/**
 * A replay's worker thread packs each chunk's answers (every string once, the numbers in one buffer)
 * and the calling thread reads them back: what it reads must be the records the worker made, field
 * for field, as a structured clone of the records themselves gave them.
 */
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const examples = read('examples/complaints.jsonl').trimEnd().split('\n');
const rules = ['examples/rules/proposed.json', 'examples/rules/current.json'].map((path) =>
  loadRuleSet(JSON.parse(read(path))),
);
const rates = JSON.parse(read('examples/rates.json')) as RecommenderOptions['exchangeRates'];
const first = JSON.parse(examples[0] as string) as Record<string, unknown>;

const lines = [
  ...examples.slice(0, 300),
  'not json',
  '{"id":"  padded  ","channel":"email"}',
  '[1,2,3]',
  // No rate to the rule sets' currency: a line error under every rule set, the case note without a case.
  JSON.stringify({ ...first, id: 'jpy', order: { ...(first.order as object), currency: 'JPY' } }),
  // Linked to the helpdesk's open case, ahead of its turn: the decision says what linking saved.
  JSON.stringify({
    ...first,
    id: 'open-case',
    customer: {
      ...(first.customer as object),
      openCases: [
        {
          id: 'h-1',
          openedAt: '2026-03-01T08:00:00Z',
          category: first.category,
          orderId: (first.order as { id: string }).id,
          owner: 'agent-7',
          remedies: [{ type: 'gift', kind: 'goodwill', amount: 2, currency: 'EUR' }],
        },
      ],
    },
  }),
];

async function decided(
  link: boolean,
  groupBy: 'cause' | 'category' | undefined,
  engine: RecommenderOptions['engine'] = 'compiled',
): Promise<AheadRecord[]> {
  const sides = rules.map((ruleSet, i) => ({
    ruleSet,
    engine,
    ...(i === 0 ? { exchangeRates: rates } : {}),
  }));
  const ahead = new ReplayAhead({ sides, maxLineBytes: 1 << 20, link, groupBy });
  return ahead.chunk(lines.map((text, i) => ({ line: i + 1, index: i, text })));
}

const roundTrip = (records: readonly AheadRecord[]) => [...aheadRecords(structuredClone(packAhead(records)))];

/** The records as they cross: each decision's remedies as their JSON text, or marked the same as the other's. */
const asSent = (records: readonly AheadRecord[]): AheadRecord[] =>
  records.map((record) =>
    'failed' in record
      ? record
      : {
          ...record,
          results: record.results.map((r) =>
            'error' in r || r.remedies === SAME_FOR_CUSTOMER
              ? r
              : { ...r, remedies: remediesText(r.remedies) },
          ),
        },
  );

describe("a replay worker's answers on the wire", () => {
  for (const [link, groupBy] of [
    [true, 'cause'],
    [false, 'category'],
    [true, undefined],
  ] as const) {
    it(`read back as the records they were (linking ${link ? 'on' : 'off'}, detection by ${groupBy ?? 'none'})`, async () => {
      const records = await decided(link, groupBy);
      expect(roundTrip(records)).toStrictEqual(asSent(records));
      // The cases this covers: line errors for the record and for one rule set, cases and entries.
      const kinds = new Set(
        records.flatMap((r) =>
          'failed' in r
            ? ['failed']
            : r.results.map((t, i) =>
                'error' in t ? 'side error' : `${'saved' in t}:${r.notes[i]?.opens !== undefined}`,
              ),
        ),
      );
      expect(kinds).toContain('failed');
      expect(kinds).toContain('side error');
      // Pairs the same for the customer, without their remedies, and others with them.
      const remedies = records.flatMap((r) =>
        'failed' in r ? [] : r.results.map((t) => 'error' in t || t.remedies),
      );
      expect(remedies).toContain(SAME_FOR_CUSTOMER);
      expect(remedies.some(Array.isArray)).toBe(true);
      if (link) expect([...kinds].sort()).toEqual(['failed', 'false:true', 'side error', 'true:true']);
    });
  }

  it('are the same when the rules answer with a promise (json-rules-engine), line errors and all', async () => {
    const compiled = await decided(true, 'cause');
    const sides = rules.map((ruleSet) => ({ ruleSet, engine: 'reference' as const }));
    const waiting = new ReplayAhead({ sides, maxLineBytes: 1 << 20, link: true, groupBy: 'cause' });
    expect(waiting.chunk([{ line: 1, index: 0, text: lines[0] as string }])).toBeInstanceOf(Promise);
    expect(asSent(await decided(true, 'cause', 'reference'))).toStrictEqual(asSent(compiled));
  });

  it('read back one record at a time as the replay settles them, packed or decided here', async () => {
    const records = await decided(true, 'cause');
    const packed = aheadRecords(structuredClone(packAhead(records)));
    // One record read, the rest still packed: each is read only when asked for.
    expect(packed.next().value).toStrictEqual(asSent(records)[0]);
    expect([...packed]).toStrictEqual(asSent(records).slice(1));
    expect([...aheadRecords(records)]).toStrictEqual(records);
  });

  it('carries every string once: a complaint id is in both decisions, its case and its entry', async () => {
    const records = await decided(true, 'cause');
    const { strings } = packAhead(records);
    expect(new Set(strings).size).toBe(strings.length);
    expect(strings.filter((s) => s === 'c-000001')).toHaveLength(1);
  });

  it('reads each short list once a chunk: records with the same rules fired share one, read-only', async () => {
    const records = await decided(true, 'cause');
    const fired = roundTrip(records).flatMap((r) =>
      'failed' in r ? [] : r.results.flatMap((t) => ('error' in t ? [] : [t.fired])),
    );
    const texts = fired.map((list) => list.join());
    const repeated = texts.findIndex((text, i) => texts.indexOf(text) < i && fired[i]?.length === 1);
    expect(repeated).toBeGreaterThan(0);
    expect(fired[repeated]).toBe(fired[texts.indexOf(texts[repeated] as string)]);
    expect(new Set(fired).size).toBeLessThan(fired.length / 4);
  });

  it('reads back causes with fields that are null, and a queue that is null', () => {
    const cause = { key: 'x', category: null, sku: null, family: 'F', service: null, carrier: null };
    const record: AheadRecord = {
      results: [
        {
          complaintId: 'a',
          currency: 'EUR',
          totalCost: 1.25,
          restitutionCost: 0,
          goodwillCost: -0,
          types: [],
          remedies: '[]',
          band: 'low',
          tier: 'standard',
          mode: 'automatic',
          queue: null,
          reasons: [],
          category: 'other',
          fired: [],
        },
      ],
      notes: [{ key: 'k', at: 5 }],
      entry: { index: 3, id: 'a', time: 7, cause, isPublic: true },
    };
    expect(roundTrip([record, record])).toStrictEqual([record, record]);
  });
});

describe("a chunk's lines on their way to a replay worker", () => {
  it('read back as the records they were: line numbers, positions and texts, any characters', () => {
    const records = [
      { line: 1, index: 0, text: lines[0] as string },
      { line: 3, index: 1, text: '{"id":"ş-ی-😀","note":"a\\nb"}' },
      { line: 4, index: 2, text: 'x' },
      { line: 9, index: 3, text: lines[1] as string },
    ];
    const request = structuredClone(requestOf(7, records));
    expect(request.id).toBe(7);
    expect(typeof request.text).toBe('string');
    expect(recordsOf(request)).toStrictEqual(records);
    expect(recordsOf(requestOf(0, []))).toStrictEqual([]);
  });
});
