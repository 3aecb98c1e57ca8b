import { describe, expect, it } from 'vitest';
import { IncidentCollector } from '../../src/cli/incident-collector';
import { parseComplaint } from '../../src/complaint/parse';
import { detectIncidents } from '../../src/incidents/detect';
import type { Entry } from '../../src/incidents/types';
import { afternoon } from '../incidents/afternoon';

const OPTIONS = { window: '2h', baseline: '14d', minCount: 5, ratio: 3 } as const;

/** The afternoon with its history, in a fixed shuffled order (a file out of time order). */
function shuffled() {
  const complaints = afternoon({ background: { outagesPerDay: 2 } }).map((c) => parseComplaint(c));
  // A fixed permutation: every 7th from each start, so that the order is far from time order.
  return Array.from({ length: 7 }, (_, start) => complaints.filter((_, i) => i % 7 === start)).flat();
}

describe('IncidentCollector', () => {
  it('finds what detectIncidents finds in the same complaints, in any order, however often it is asked', () => {
    const complaints = shuffled();
    const collector = new IncidentCollector(OPTIONS);
    for (const [line, c] of complaints.entries()) collector.add(collector.read(c, line + 1) as Entry);
    const expected = detectIncidents(complaints, OPTIONS);
    expect(expected.length).toBeGreaterThan(0);
    expect(collector.detect().incidents).toEqual(expected);
    expect(collector.detect().complaints).toBe(complaints.length);
    // Asked again after more complaints: detection runs again over all of them.
    const more = collector.read(complaints[0], complaints.length + 1) as Entry;
    collector.add(more);
    expect(collector.detect().complaints).toBe(complaints.length + 1);
    expect(collector.detect().incidents.map((i) => i.count)).toEqual(
      detectIncidents([...complaints, complaints[0]], OPTIONS).map((i) => i.count),
    );
  });

  it('keeps the fields, not the entry it is given', () => {
    const complaints = shuffled();
    const collector = new IncidentCollector(OPTIONS);
    for (const [line, c] of complaints.entries()) {
      const entry = collector.read(c, line + 1) as Entry;
      collector.add(entry);
      // A caller that reuses or changes its entry afterwards changes nothing the collector holds.
      (entry as { id: string }).id = 'changed';
      (entry as { time: number }).time = 0;
    }
    expect(collector.detect().incidents).toEqual(detectIncidents(complaints, OPTIONS));
  });

  it('holds some 17 bytes and the id per complaint (twice that at most, as its columns grow)', () => {
    const collector = new IncidentCollector(OPTIONS);
    const template = shuffled()[0];
    const entry = collector.read(template, 1) as Entry;
    const n = 20_000;
    for (let i = 0; i < n; i++) collector.add({ ...entry, id: `c-${String(i).padStart(6, '0')}` });
    const { complaints, bytes } = collector.held();
    expect(complaints).toBe(n);
    // Time (8), cause (4), public (1), where the id ends (4), the id's UTF-8 (8 here); each column
    // doubles when full, so it holds at most twice what it needs, and starts with room for 1,024.
    const perComplaint = 8 + 4 + 1 + 4 + 8;
    expect(bytes).toBeLessThanOrEqual(2 * n * perComplaint + 1024 * 17 + 16_384);
    expect(bytes).toBeGreaterThanOrEqual(n * perComplaint);
  });
});
