import { readFileSync } from 'node:fs';
import type { ComplaintInput } from '../src/complaint';

/** The hand-written scenarios (test/fixtures/scenarios.jsonl), by id. */
export function scenarios(): Map<string, ComplaintInput> {
  const text = readFileSync(new URL('./fixtures/scenarios.jsonl', import.meta.url), 'utf8');
  const all = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ComplaintInput);
  return new Map(all.map((c) => [c.id, c]));
}

/** A scenario by id, deep-copied so a test can change it freely. */
export function scenario(id: string): ComplaintInput {
  const found = scenarios().get(id);
  if (!found) throw new Error(`no scenario ${id}`);
  return structuredClone(found);
}

/** A minimal valid complaint about one order, for tests to vary. */
export function baseComplaint(overrides: Partial<ComplaintInput> = {}): ComplaintInput {
  return {
    id: 'c-test',
    receivedAt: '2026-03-10T09:00:00Z',
    channel: 'email',
    category: 'wrong_item',
    order: {
      id: 'o-1',
      total: 100,
      currency: 'EUR',
      placedAt: '2026-03-01',
      promisedAt: '2026-03-05',
      deliveredAt: '2026-03-05T12:00:00Z',
      items: [{ sku: 'SKU-1', quantity: 2, unitPrice: 50 }],
    },
    customer: { id: 'u-1', since: '2025-03-01', lifetimeSpend: 100, orderCount: 1, priorComplaints: [] },
    ...overrides,
  };
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
