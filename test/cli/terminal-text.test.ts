import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable, printableLine } from '../../src/cli/style';
import { root } from './run';
import { runInProcess } from './run-in-process';

// What the CLI prints for a person comes from untrusted data: no value may act on the terminal or
// reorder what is shown around it. JSON output keeps the data exactly as it came.

const RLO = '\u202e';
const RLM = '\u200f';
const FSI = '\u2068';
const PDI = '\u2069';
const BIDI_CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', RLO, '\u200e', '\u200f', '\u061c'];

describe('printable', () => {
  it('replaces every bidi embedding, override and mark', () => {
    for (const c of BIDI_CONTROLS) expect(printable(`c-1${c}gpj.exe`)).toBe('c-1�gpj.exe');
  });

  it('keeps matched directional isolates and replaces unmatched ones', () => {
    expect(printable(`نام ${FSI}Elif Arslan${PDI} است`)).toBe(`نام ${FSI}Elif Arslan${PDI} است`);
    expect(printable(`${FSI}a${FSI}b${PDI}c${PDI}`)).toBe(`${FSI}a${FSI}b${PDI}c${PDI}`);
    expect(printable(`a\u2067b`)).toBe('a�b'); // an RLI left open would hold the rest of the line
    expect(printable(`a${PDI}b${FSI}c`)).toBe('a�b�c');
  });

  it('still replaces control characters, and leaves other text alone', () => {
    expect(printable('\u001b[2Jx\u0007')).toBe('�[2Jx�');
    expect(printable('Zeynep Aydın · می‌خواهم')).toBe('Zeynep Aydın · می‌خواهم'); // ZWNJ is not a bidi control
  });
});

describe('printableLine', () => {
  it('starts a right-to-left line with the CLI’s own RLM, and replaces every other mark', () => {
    expect(printableLine('سلام', 'rtl')).toBe(`${RLM}سلام`);
    // A message line's leading RLM is redress's own: put back, not shown as U+FFFD.
    expect(printableLine(`${RLM}سلام`, 'rtl')).toBe(`${RLM}سلام`);
    expect(printableLine(`${RLM}${RLM}${FSI}o-1${RLO}001${PDI}`, 'rtl')).toBe(`${RLM}�${FSI}o-1�001${PDI}`);
    expect(printableLine(`${RLM}Hello`, 'ltr')).toBe('�Hello');
    expect(printableLine('Hello', 'ltr')).toBe('Hello');
  });
});

/** The output without the RLM the CLI starts each Persian rationale line with (after its indent). */
const withoutLineMarks = (text: string) => text.replace(/^( *)\u200f/gm, '$1');

describe.concurrent('a right-to-left override in a complaint', () => {
  const complaint = JSON.parse(readFileSync(join(root, 'examples/complaint.json'), 'utf8')) as {
    id: string;
    customer: { name: string; locale: string };
    order: { id: string };
  };
  const spoofed = JSON.stringify({
    ...complaint,
    id: `c-1${RLO}gpj.exe`,
    order: { ...complaint.order, id: `o-1${RLM}0${RLO}08` },
    customer: { ...complaint.customer, name: `Elif${RLO} Arslan`, locale: 'fa' },
  });

  it('does not reach the terminal in explain, while the Persian rationale keeps its isolates', async () => {
    const run = await runInProcess(['explain', '-', '--locale', 'fa'], { input: spoofed });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Complaint c-1�gpj.exe');
    // The order id's marks are replaced where the Persian rationale names the order.
    expect(run.stdout).toContain(`${FSI}o-1�0�08${PDI}`);
    for (const c of BIDI_CONTROLS) expect(withoutLineMarks(run.stdout)).not.toContain(c);
    expect(run.stdout).toContain(FSI);
    expect(run.stdout.split(FSI).length).toBe(run.stdout.split(PDI).length);
  });

  it('leaves redress’s own Persian text whole: no U+FFFD where nothing was replaced', async () => {
    // The Persian list separator and date ranges carried an RLM from Intl, which printable() replaced.
    const run = await runInProcess(['explain', '-', '--locale', 'fa'], {
      input: JSON.stringify({ ...complaint, customer: { ...complaint.customer, locale: 'fa' } }),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('، ');
    expect(run.stdout).not.toContain('�');
    // Each Persian rationale line starts right to left, for a terminal that does not know isolates.
    const rationale = run.stdout.slice(run.stdout.indexOf('Rationale (fa)'));
    const lines = rationale.split('\n').filter((line) => line.startsWith('    '));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((line) => !line.startsWith(`    ${RLM}`))).toEqual([]);
  });

  it('sends the Persian message as it is in JSON, each line started with its RLM', async () => {
    const run = await runInProcess(['recommend', '-', '--locale', 'fa'], {
      input: JSON.stringify({ ...complaint, customer: { ...complaint.customer, locale: 'fa' } }),
    });
    expect(run.code).toBe(0);
    const { message } = JSON.parse(run.stdout) as { message: { text: string } };
    expect(message.text.split('\n').filter((line) => line !== '' && !line.startsWith(RLM))).toEqual([]);
    expect(message.text).toContain(`${RLM}${FSI}Elif Arslan${PDI} گرامی،`);
  });

  it('is kept as it came in JSON output', async () => {
    const run = await runInProcess(['explain', '-', '--json'], { input: spoofed });
    expect((JSON.parse(run.stdout) as { complaintId: string }).complaintId).toBe(`c-1${RLO}gpj.exe`);
  });
});
