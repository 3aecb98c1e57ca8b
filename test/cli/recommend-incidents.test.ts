import { afterAll, describe, expect, it } from 'vitest';
import { createRecommender, type Recommendation } from '../../src/index';
import { afternoon } from '../incidents/afternoon';
import { tempDir } from './run';
import { runInProcess } from './run-in-process';

const tmp = tempDir();
afterAll(() => tmp.remove());

const lines = afternoon({ background: { outagesPerDay: 2 } }).map((c) => JSON.stringify(c));
const ordered = tmp.writeLines('afternoon.jsonl', [...lines, '{"id": "broken"']);
/** The same complaints with the first day's last complaint moved to the end: out of time order. */
const shuffled = [...lines.slice(0, 4), ...lines.slice(5), lines[4] as string];
const unordered = tmp.writeLines('unordered.jsonl', shuffled);

const records = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Recommendation & { line?: number });

async function library(input: readonly string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const r of createRecommender().recommendMany(input, { incidents: true })) out.push(r);
  return out;
}

describe.concurrent('redress recommend --incidents', () => {
  it('answers the afternoon’s outage with one voice, streaming a file in time order', async () => {
    const run = await runInProcess(['recommend', '--incidents', ordered]);
    expect(run.code).toBe(1); // the broken line
    const out = records(run.stdout);
    expect(out).toHaveLength(lines.length + 1);
    const members = out.filter((r) => r.incident);
    expect(members).toHaveLength(50);
    expect(new Set(members.map((r) => r.incident?.id))).toEqual(
      new Set(['inc-20260310T130000Z-service_outage:service:Streaming']),
    );
    expect(new Set(members.map((r) => r.handling.owner))).toEqual(new Set(['crisis-team']));
    expect(out.at(-1)).toMatchObject({ line: lines.length + 1, error: { code: 'INVALID_JSON' } });
    // What the library gives for the same complaints.
    expect(out.slice(0, -1)).toEqual(await library(lines));
  });

  it('streams standard input in time order, and the detection flags apply', async () => {
    const input = `${lines.join('\n')}\n`;
    const run = await runInProcess(['recommend', '--incidents', '--min-count', '60'], { input });
    expect(run.code).toBe(0);
    expect(records(run.stdout).filter((r) => r.incident)).toEqual([]);
    const found = await runInProcess(['recommend', '--incidents', '-'], { input });
    expect(records(found.stdout).filter((r) => r.incident)).toHaveLength(50);
  });

  it('reads a file out of time order in passes, with the result of reading it whole', async () => {
    const run = await runInProcess(['recommend', '--incidents', unordered]);
    expect(run.code).toBe(0);
    expect(records(run.stdout)).toEqual(await library(shuffled));
  });

  it('keeps every bad line of a file out of time order in its place, as an error record', async () => {
    const long = JSON.stringify({ id: 'long', summary: 'x'.repeat(3_000) });
    const messy = [...shuffled.slice(0, 30), '', '{"id": "broken"', long, '  ', ...shuffled.slice(30)];
    const file = tmp.writeLines('messy.jsonl', messy);
    const run = await runInProcess(['recommend', '--incidents', '--max-line-bytes', '2048', file]);
    expect(run.code).toBe(1);
    const out = records(run.stdout);
    expect(out.filter((r) => r.incident)).toHaveLength(50);
    expect(out.slice(30, 32)).toMatchObject([
      { line: 32, error: { code: 'INVALID_JSON' } },
      { line: 33, error: { code: 'LIMIT_EXCEEDED' } },
    ]);
    expect([...out.slice(0, 30), ...out.slice(32)]).toEqual(await library(shuffled));
  });

  it('refuses standard input out of time order, saying what to do', async () => {
    const run = await runInProcess(['recommend', '--incidents'], { input: `${shuffled.join('\n')}\n` });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'redress: standard input is not in time order: "bg-0-billing" is earlier than the complaint before it. ' +
        '--incidents streams standard input only in time order: sort it by receivedAt, or name the file ' +
        '(a file out of order is read in passes)\n',
    );
  });

  it('refuses --resume, and bad detection flags before reading anything', async () => {
    const resume = await runInProcess(['recommend', '--incidents', '--resume', '-o', 'x.jsonl', ordered]);
    expect([resume.code, resume.stderr]).toEqual([
      2,
      'redress: --resume cannot be used with --incidents: detection needs the whole input\n',
    ]);
    const window = await runInProcess(['recommend', '--incidents', '--window', 'soon', ordered]);
    expect(window.code).toBe(2);
    expect(window.stderr).toMatch(/window/);
    expect(window.stdout).toBe('');
  });
});
