import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, tempDir } from './run';
import { type InProcessOptions, runInProcess } from './run-in-process';

// A command never destroys its input: no output, errors or report file, and no redirect of standard
// output, may be a file the command reads — whatever name reaches it.

const tmp = tempDir();
afterAll(() => tmp.remove());

const complaints = readFileSync(join(root, 'examples/complaints.jsonl'), 'utf8').split('\n').slice(0, 5);
const text = `${complaints.join('\n')}\n`;
const rules = readFileSync(join(root, 'examples/rules/current.json'), 'utf8');
const complaint = readFileSync(join(root, 'examples/complaint.json'), 'utf8');

let n = 0;

/** A fresh directory with an input, a rule file and a complaint file in it. */
function files() {
  const dir = join(tmp.dir, `w${n++}`);
  const at = (name: string) => join(dir, name);
  mkdirSync(dir);
  writeFileSync(at('in.jsonl'), text);
  writeFileSync(at('rules.json'), rules);
  writeFileSync(at('complaint.json'), complaint);
  const run = (args: string[], options: InProcessOptions = {}) =>
    runInProcess(args, { cwd: dir, ...options });
  const intact = () => {
    expect(readFileSync(at('in.jsonl'), 'utf8')).toBe(text);
    expect(readFileSync(at('rules.json'), 'utf8')).toBe(rules);
    expect(readFileSync(at('complaint.json'), 'utf8')).toBe(complaint);
  };
  return { dir, at, run, intact };
}

describe.concurrent('a command refuses to write over what it reads', () => {
  it('recommend -o and -e naming the input, as the same string or as ./x, exit 2 and leave it whole', async () => {
    const { run, intact } = files();
    for (const args of [
      ['recommend', 'in.jsonl', '-o', 'in.jsonl'],
      ['recommend', 'in.jsonl', '-e', './in.jsonl'],
      ['recommend', './in.jsonl', '-o', 'out.jsonl', '-e', 'in.jsonl'],
      ['recommend', 'in.jsonl', '-o', 'in.jsonl', '--resume'],
    ]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(
        /redress: --(output|errors) \S+ is the same file as the input \S*in\.jsonl/,
      );
      expect(result.stdout).toBe('');
      intact();
    }
  });

  it('sees through a symbolic link and a hard link to the input', async () => {
    const { at, run, intact } = files();
    symlinkSync(at('in.jsonl'), at('soft.jsonl'));
    linkSync(at('in.jsonl'), at('hard.jsonl'));
    for (const name of ['soft.jsonl', 'hard.jsonl']) {
      const result = await run(['recommend', 'in.jsonl', '-o', name]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--output ${name} is the same file as the input in.jsonl`);
      intact();
    }
    const viaLink = await run(['recommend', 'soft.jsonl', '-e', 'hard.jsonl']);
    expect(viaLink.code).toBe(2);
    intact();
  });

  it('protects the rule files too (recommend --rules, simulate --rules and --baseline)', async () => {
    const { run, intact } = files();
    const recommend = await run(['recommend', 'in.jsonl', '--rules', 'rules.json', '-o', 'rules.json']);
    expect(recommend.code).toBe(2);
    expect(recommend.stderr).toContain('--output rules.json is the same file as --rules rules.json');
    for (const flag of ['--rules', '--baseline']) {
      const simulate = await run(['simulate', 'in.jsonl', flag, 'rules.json', '--report', './rules.json']);
      expect(simulate.code).toBe(2);
      expect(simulate.stderr).toContain(`--report ./rules.json is the same file as ${flag} rules.json`);
      intact();
    }
    const report = await run(['simulate', 'in.jsonl', '--report', 'in.jsonl']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('--report in.jsonl is the same file as the input in.jsonl');
    intact();
  });

  it('protects both inputs of outcomes, and simulate --outcomes, by file identity', async () => {
    const { at, run, intact } = files();
    writeFileSync(at('outcomes.jsonl'), '');
    symlinkSync(at('in.jsonl'), at('link.jsonl'));
    for (const [args, message] of [
      [
        ['outcomes', 'in.jsonl', 'outcomes.jsonl', '--report', 'link.jsonl'],
        '--report link.jsonl is the same file as the recommendations in.jsonl',
      ],
      [
        ['outcomes', 'in.jsonl', 'outcomes.jsonl', '-e', './outcomes.jsonl'],
        '--errors ./outcomes.jsonl is the same file as the outcomes outcomes.jsonl',
      ],
      [
        ['outcomes', 'in.jsonl', 'outcomes.jsonl', '--report', 'r.html', '-e', './r.html'],
        '--report r.html and --errors ./r.html are the same file',
      ],
      [
        [
          'simulate',
          'in.jsonl',
          '--baseline',
          'rules.json',
          '--outcomes',
          'outcomes.jsonl',
          '--report',
          './outcomes.jsonl',
        ],
        '--report ./outcomes.jsonl is the same file as --outcomes outcomes.jsonl',
      ],
    ] as const) {
      const result = await run([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(readFileSync(at('outcomes.jsonl'), 'utf8')).toBe('');
      expect(existsSync(at('r.html'))).toBe(false);
      intact();
    }
  });

  it('refuses standard input redirected from the file it would write (recommend < x -o x)', async () => {
    const { at, run, intact } = files();
    const fd = openSync(at('in.jsonl'), 'r');
    try {
      for (const input of [[], ['-']]) {
        const result = await run(['recommend', ...input, '-o', 'in.jsonl'], {
          input: text,
          fds: { stdin: fd },
        });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('--output in.jsonl is the same file as standard input:');
        intact();
      }
    } finally {
      closeSync(fd);
    }
  });

  it('refuses standard output appended to a file the command reads (>> x), for every command', async () => {
    const { at, run, intact } = files();
    const fd = openSync(at('in.jsonl'), 'a');
    const rulesFd = openSync(at('rules.json'), 'a');
    const complaintFd = openSync(at('complaint.json'), 'a');
    try {
      const cases: [string[], number][] = [
        [['recommend', 'in.jsonl'], fd],
        [['simulate', 'in.jsonl'], fd],
        [['incidents', 'in.jsonl'], fd],
        [['explain', '--line', '1', 'in.jsonl'], fd],
        [['explain', 'complaint.json'], complaintFd],
        [['explain', 'complaint.json', '--rules', 'rules.json'], rulesFd],
        [['validate', 'rules.json'], rulesFd],
        [['outcomes', 'in.jsonl', 'complaint.json'], complaintFd],
      ];
      for (const [args, stdout] of cases) {
        const result = await run(args, { fds: { stdout } });
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toMatch(
          /^redress: standard output is the same file as .+: writing it would destroy/,
        );
        expect(result.stdout).toBe('');
        intact();
      }
    } finally {
      for (const d of [fd, rulesFd, complaintFd]) closeSync(d);
    }
  });

  it('refuses -o and -e that are one file under two names, before creating either', async () => {
    const { at, run } = files();
    const result = await run(['recommend', 'in.jsonl', '-o', 'out.jsonl', '-e', './out.jsonl']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--output out.jsonl and --errors ./out.jsonl are the same file');
    expect(existsSync(at('out.jsonl'))).toBe(false);
    symlinkSync('missing.jsonl', at('dangling.jsonl'));
    const dangling = await run(['recommend', 'in.jsonl', '-o', 'dangling.jsonl', '-e', 'missing.jsonl']);
    expect(dangling.code).toBe(2);
    expect(existsSync(at('missing.jsonl'))).toBe(false);
  });

  it('still writes where it should: other files, a terminal, /dev/null', async () => {
    const { at, run, intact } = files();
    const ok = await run(['recommend', 'in.jsonl', '-o', 'out.jsonl', '-e', 'errors.jsonl']);
    expect(ok.code).toBe(0);
    expect(readFileSync(at('out.jsonl'), 'utf8').split('\n')).toHaveLength(6);
    const devNull = await run(['recommend', 'in.jsonl', '-o', '/dev/null']);
    expect(devNull.code).toBe(0);
    // Standard input and output on one device (a terminal, as `explain -` is typed into) destroy nothing.
    const device = openSync('/dev/null', 'r+');
    try {
      const result = await run(['explain', '-'], {
        input: complaint,
        fds: { stdin: device, stdout: device },
      });
      expect(result.code).toBe(0);
    } finally {
      closeSync(device);
    }
    intact();
  });
});
