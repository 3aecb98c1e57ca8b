import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, root, tempDir } from './run';
import { runInProcess } from './run-in-process';

const scenariosPath = 'test/fixtures/scenarios.jsonl';
/** The example rates: the scenarios include a JPY complaint, and the default rules are in EUR. */
const rates = 'examples/rates.json';
const scenarios = readFileSync(join(root, scenariosPath), 'utf8').trim().split('\n');
const scenarioIds = scenarios.map((line) => (JSON.parse(line) as { id: string }).id);
const defaultRules = JSON.parse(readFileSync(join(root, 'src/rules/default/rules.json'), 'utf8')) as {
  rules: { name: string; priority: number; conditions: { all: { fact: string; operator: string }[] } }[];
};

const tmp = tempDir();
afterAll(() => tmp.remove());

const writeTemp = tmp.write;

/** The default rules with three mistakes: an unknown fact, a priority of 0 and an unknown operator. */
function brokenRules(): string {
  const rules = structuredClone(defaultRules);
  (rules.rules[3] as (typeof rules.rules)[number]).conditions.all[0] = {
    fact: 'categry',
    operator: 'equal',
    value: 'wrong_item',
  } as never;
  (rules.rules[4] as (typeof rules.rules)[number]).priority = 0;
  (rules.rules[6] as (typeof rules.rules)[number]).conditions.all[1] = {
    fact: 'orderTotal',
    operator: 'lessThen',
    value: 20,
  } as never;
  return writeTemp('broken.json', JSON.stringify(rules, null, 2));
}

describe.concurrent('redress (the program)', () => {
  it('lists every command in --help and exits 0', async () => {
    const run = await runInProcess(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['validate', 'recommend', 'explain', 'simulate', 'schema']) {
      expect(run.stdout).toContain(command);
    }
  });

  it('prints the package version with --version', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const run = await runInProcess(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('exits 2 with a suggestion on an unknown command', async () => {
    const run = await runInProcess(['recomend']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('recommend');
  });
});

describe.concurrent('redress schema', () => {
  it('prints the same JSON Schema as the committed schema file', async () => {
    const run = await runInProcess(['schema']);
    expect(run.code).toBe(0);
    const committed = JSON.parse(readFileSync(join(root, 'schema/ruleset.schema.json'), 'utf8'));
    expect(JSON.parse(run.stdout)).toEqual(committed);
  });
});

describe.concurrent('redress validate', () => {
  it('accepts a valid rule file with exit 0 and names the rule set', async () => {
    const run = await runInProcess(['validate', 'src/rules/default/rules.json']);
    expect(run.code).toBe(0);
    const { version } = defaultRules as unknown as { version: string };
    expect(run.stdout).toContain(`valid rule set "default" ${version}, ${defaultRules.rules.length} rules\n`);
  });

  it('reports every problem at once, each with rule, pointer, line:column and hint, and exits 1', async () => {
    const file = brokenRules();
    const run = await runInProcess(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('3 errors');
    expect(run.stdout).toMatch(/broken\.json:\d+:\d+ error unknown_fact/);
    expect(run.stdout).toContain('rule "wrong-item"');
    expect(run.stdout).toContain('pointer /rules/3/conditions/all/0/fact');
    expect(run.stdout).toContain('hint    did you mean "category"?');
    expect(run.stdout).toContain('pointer /rules/4/priority');
    expect(run.stdout).toContain('unknown operator "lessThen"');
    expect(run.stdout).toContain('did you mean "lessThan"?');
  });

  it('gives the line and column of the offending key in --json output', async () => {
    const file = brokenRules();
    const run = await runInProcess(['validate', '--json', file]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      valid: boolean;
      files: {
        findings: { code: string; pointer: string; rule?: string; line?: number; column?: number }[];
      }[];
    };
    expect(report.valid).toBe(false);
    const findings = report.files[0]?.findings ?? [];
    expect(findings.map((f) => f.code)).toEqual(['unknown_fact', 'too_small', 'unknown_operator']);
    const unknownFact = findings[0];
    const text = readFileSync(file, 'utf8').split('\n');
    const line = text[(unknownFact?.line ?? 0) - 1] ?? '';
    expect(line.slice((unknownFact?.column ?? 0) - 1)).toMatch(/^"fact": "categry"/);
    expect(findings.every((f) => f.rule !== undefined)).toBe(true);
  });

  it("reports the analyser's findings with an example complaint; --strict fails on them", async () => {
    const rules = structuredClone(defaultRules) as unknown as {
      rules: { name: string; priority: number; conditions: unknown; remedies: unknown[] }[];
    };
    rules.rules = rules.rules.filter((r) => r.name !== 'other'); // complaints of category other: a gap
    rules.rules.push({
      name: 'never',
      priority: 5,
      conditions: {
        all: [
          { fact: 'daysLate', operator: 'greaterThanInclusive', value: 7 },
          { fact: 'daysLate', operator: 'lessThan', value: 3 },
        ],
      },
      remedies: [{ type: 'apology', form: 'personal' }],
    });
    const file = writeTemp('findings.json', JSON.stringify(rules, null, 2));
    const run = await runInProcess(['validate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/findings\.json:\d+:\d+ warning unreachable_contradictory/);
    expect(run.stdout).toContain(`pointer /rules/${rules.rules.length - 1}`);
    expect(run.stdout).toMatch(/warning gap\n.*other/);
    expect(run.stdout).toMatch(/example +\{"id":/);
    const strict = await runInProcess(['validate', '--strict', file]);
    expect(strict.code).toBe(1);
  });

  it('makes rules that overlap under the unique hit policy an error', async () => {
    const rules = structuredClone(defaultRules) as unknown as { policy: { hit: string } };
    rules.policy.hit = 'unique';
    const run = await runInProcess(['validate', '--json', writeTemp('unique.json', JSON.stringify(rules))]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      files: { valid: boolean; findings: { severity: string; code: string; example?: { id: string } }[] }[];
    };
    const overlaps = report.files[0]?.findings.filter((f) => f.code === 'overlap') ?? [];
    expect(overlaps.length).toBeGreaterThan(0);
    expect(overlaps.every((f) => f.severity === 'error' && typeof f.example?.id === 'string')).toBe(true);
  });

  it('warns about a rule rationale without every language, and stays valid (exit 0)', async () => {
    const rules = structuredClone(defaultRules) as unknown as { rules: Record<string, unknown>[] };
    (rules.rules[0] as Record<string, unknown>).rationale = { en: 'Legal threats go to the legal team.' };
    const run = await runInProcess(['validate', writeTemp('warn.json', JSON.stringify(rules, null, 2))]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 warnings');
    expect(run.stdout).toMatch(/warn\.json:\d+:\d+ warning missing_rationale_locale/);
    expect(run.stdout).toContain('pointer /rules/0/rationale');
  });

  it('locates a JSON syntax error by line and column', async () => {
    const file = writeTemp('syntax.json', '{\n  "name": "x",\n  "rules": [ { "a": 1, } ]\n}\n');
    const run = await runInProcess(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/syntax\.json:3:\d+ error invalid_json/);
  });

  it('exits 2 when a file cannot be read, and reports it with the other files', async () => {
    const run = await runInProcess([
      'validate',
      join(tmp.dir, 'missing.json'),
      'src/rules/default/rules.json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /missing\.json error unreadable\n {2}cannot read rules file \S+: no such file or directory/,
    );
    expect(run.stdout).toContain('✓ src/rules/default/rules.json: valid rule set');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe.concurrent('redress recommend', () => {
  it('writes one recommendation per line, in input order, and exits 0', async () => {
    const run = await runInProcess(['recommend', scenariosPath, '--rates', rates]);
    expect(run.code).toBe(0);
    const records = jsonLines(run.stdout);
    expect(records.map((r) => r.complaintId)).toEqual(scenarioIds);
    expect(run.stderr).toBe('');
  });

  it('without a rate for a line’s currency, writes an error record for it, answers every other line and exits 1', async () => {
    const run = await runInProcess(['recommend', scenariosPath]);
    expect(run.code).toBe(1);
    const records = jsonLines(run.stdout);
    expect(records).toHaveLength(scenarios.length);
    const failed = records.filter((r) => r.error !== undefined);
    expect(failed).toEqual([
      {
        line: scenarioIds.indexOf('c-yen') + 1,
        complaintId: 'c-yen',
        error: expect.objectContaining({ code: 'NO_EXCHANGE_RATE', pointer: '/order/currency' }),
      },
    ]);
    expect((failed[0]?.error as { message: string } | undefined)?.message).toMatch(
      /^NO_EXCHANGE_RATE: order.currency: no exchange rate for JPY: .* pass exchangeRates with the rate for JPY \(--rates FILE/,
    );
  });

  it('refuses a rates file with a bad entry before reading any input, naming the entry (exit 2)', async () => {
    const bad = writeTemp(
      'bad-rates.json',
      JSON.stringify({ asOf: '2026-11-01', rates: { JPY: 0, XYZ: 2 } }),
    );
    const run = await runInProcess(['recommend', scenariosPath, '--rates', bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `rates file ${bad} cannot be used with rule set "default" (INVALID_OPTIONS):`,
    );
    expect(run.stderr).toContain('rates.JPY: must be a positive number of JPY per 1 EUR, got 0');
    expect(run.stderr).toContain('rates.XYZ: "XYZ" is not an ISO 4217 currency code');
    const noDate = writeTemp('no-date.json', JSON.stringify({ rates: { JPY: 160 } }));
    expect((await runInProcess(['recommend', scenariosPath, '--rates', noDate])).stderr).toContain(
      'asOf: is required: the date the rates were taken',
    );
    const notJson = writeTemp('not-json.json', '{"rates": ');
    expect((await runInProcess(['recommend', scenariosPath, '--rates', notJson])).stderr).toContain(
      `rates file ${notJson} is not valid JSON`,
    );
  });

  it('reads standard input ("-" or no file) and gives the same records as from the file', async () => {
    const fromFile = await runInProcess(['recommend', scenariosPath, '--rates', rates]);
    const fromDash = await runInProcess(['recommend', '-', '--rates', rates], {
      input: `${scenarios.join('\n')}\n`,
    });
    const fromNothing = await runInProcess(['recommend', '--rates', rates], {
      input: `${scenarios.join('\n')}\n`,
    });
    expect(fromDash.code).toBe(0);
    expect(fromDash.stdout).toBe(fromFile.stdout);
    expect(fromNothing.stdout).toBe(fromFile.stdout);
  });

  it('accounts for every line of a file with malformed lines in the middle, in order, and exits 1', async () => {
    const lines = [
      scenarios[0],
      '{"id": "half-a-line", "receivedAt"', // cut off
      scenarios[1],
      'not json at all',
      '', // blank: not a record
      JSON.stringify({ ...JSON.parse(scenarios[2] as string), category: 'wrong_itme' }),
      scenarios[3],
    ];
    const file = writeTemp('mixed.jsonl', `${lines.join('\r\n')}\r\n`);
    const run = await runInProcess(['recommend', file]);
    expect(run.code).toBe(1);
    const records = jsonLines(run.stdout);
    expect(records).toHaveLength(6);
    expect(records.map((r) => r.complaintId ?? null)).toEqual([
      scenarioIds[0],
      null,
      scenarioIds[1],
      null,
      scenarioIds[2],
      scenarioIds[3],
    ]);
    expect(records[1]).toMatchObject({ line: 2, error: { code: 'INVALID_JSON' } });
    expect(records[3]).toMatchObject({ line: 4, error: { code: 'INVALID_JSON', pointer: '' } });
    expect(records[4]).toMatchObject({
      line: 6,
      error: { code: 'INVALID_COMPLAINT', path: ['category'], pointer: '/category' },
    });
  });

  it('refuses a line that repeats a key, which JSON.parse would silently resolve', async () => {
    const first = scenarios[0] as string;
    const repeated = first.replace(
      '"category": "wrong_item"',
      '"category": "other", "category": "wrong_item"',
    );
    expect(repeated).not.toBe(first);
    const run = await runInProcess(['recommend', writeTemp('dup.jsonl', `${repeated}\n${scenarios[1]}\n`)]);
    expect(run.code).toBe(1);
    const [record, next] = jsonLines(run.stdout);
    expect(record).toMatchObject({ line: 1, error: { code: 'INVALID_JSON', pointer: '/category' } });
    expect(next?.complaintId).toBe(scenarioIds[1]);
  });

  it('keeps order through a long run of failed lines (more than wait for the recommender at once)', async () => {
    const bad = Array.from({ length: 5000 }, (_, i) => `{"cut": ${i}`);
    const file = writeTemp(
      'many-bad.jsonl',
      [...bad, scenarios[0], ...bad.slice(0, 10), scenarios[1]].join('\n'),
    );
    const run = await runInProcess(['recommend', file]);
    const records = jsonLines(run.stdout);
    expect(records).toHaveLength(5012);
    const lineOf = (r: Record<string, unknown>, i: number) => (r.error ? r.line : `ok ${i + 1}`);
    expect(records.map(lineOf)).toEqual(
      Array.from({ length: 5012 }, (_, i) => (i === 5000 || i === 5011 ? `ok ${i + 1}` : i + 1)),
    );
    expect(records[5000]?.complaintId).toBe(scenarioIds[0]);
    expect(records[5011]?.complaintId).toBe(scenarioIds[1]);
  });

  it('reports invalid UTF-8 and over-long lines as error records without stopping', async () => {
    const long = JSON.stringify({ ...JSON.parse(scenarios[0] as string), summary: 'x'.repeat(5000) });
    const file = writeTemp(
      'bytes.jsonl',
      Buffer.concat([
        Buffer.from(`\ufeff${scenarios[0]}\n`), // a byte order mark at the start is ignored
        Buffer.from([0xff, 0xfe, 0x7b, 0x0a]),
        Buffer.from(`${long}\n`),
        Buffer.from(`${scenarios[1]}`), // no newline at the end
      ]),
    );
    const run = await runInProcess(['recommend', '--max-line-bytes', '4096', file]);
    expect(run.code).toBe(1);
    const records = jsonLines(run.stdout);
    expect(records.map((r) => r.complaintId ?? (r.error as { code: string }).code)).toEqual([
      scenarioIds[0],
      'INVALID_JSON',
      'LIMIT_EXCEEDED',
      scenarioIds[1],
    ]);
    expect(records[2]).toMatchObject({ line: 3 });
  });

  it('drops a byte order mark at the start of any line, as files joined with cat carry one', async () => {
    const joined = `\ufeff${scenarios[0]}\n${scenarios[1]}\n\ufeff${scenarios[2]}\r\n\ufeff\n`;
    const run = await runInProcess(['recommend', writeTemp('joined.jsonl', joined)]);
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((r) => r.complaintId)).toEqual(scenarioIds.slice(0, 3));
  });

  it('skips only JSON whitespace as blank: a line of other Unicode spaces is an error record', async () => {
    const lines = [scenarios[0], ' \t', '\u00a0', '\u2028\u3000', scenarios[1]];
    const run = await runInProcess(['recommend', writeTemp('spaces.jsonl', `${lines.join('\n')}\n`)]);
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout).map((r) => r.complaintId ?? r.line)).toEqual([
      scenarioIds[0],
      3,
      4,
      scenarioIds[1],
    ]);
  });

  it('sends error records to --errors and keeps the recommendations on standard output', async () => {
    const file = writeTemp('two.jsonl', `${scenarios[0]}\n{oops\n${scenarios[1]}\n`);
    const errors = join(tmp.dir, 'errors.jsonl');
    const run = await runInProcess(['recommend', file, '--errors', errors]);
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout).map((r) => r.complaintId)).toEqual([scenarioIds[0], scenarioIds[1]]);
    expect(jsonLines(readFileSync(errors, 'utf8'))).toEqual([
      expect.objectContaining({
        line: 2,
        complaintId: null,
        error: expect.objectContaining({ code: 'INVALID_JSON' }),
      }),
    ]);
  });

  it('uses the rules given with --rules', async () => {
    const rules = writeTemp('tiny.json', JSON.stringify({ name: 'tiny', version: '9.9.9', rules: [] }));
    const run = await runInProcess(['recommend', '--rules', rules, scenariosPath]);
    expect(run.code).toBe(0);
    const records = jsonLines(run.stdout);
    expect(records.every((r) => (r.ruleSet as { name: string }).name === 'tiny')).toBe(true);
  });

  it('refuses an invalid rules file with exit 2, its problems and a pointer to validate', async () => {
    const run = await runInProcess(['recommend', '--rules', brokenRules(), scenariosPath]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown fact "categry"');
    expect(run.stderr).toContain('redress validate');
  });

  it('refuses an unsupported locale and a missing input file with exit 2', async () => {
    const locale = await runInProcess(['recommend', '--locale', 'xx', scenariosPath]);
    expect(locale.code).toBe(2);
    expect(locale.stderr).toContain('xx');
    const missing = await runInProcess(['recommend', join(tmp.dir, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or directory');
  });

  it('shows no progress bar when stderr is not a terminal', async () => {
    const run = await runInProcess(['recommend', scenariosPath]);
    expect(run.stderr).toBe('');
  });
});

describe.concurrent('redress explain', () => {
  it('shows the scores, every rule with its conditions and actual values, caps, remedies and rationale', async () => {
    const run = await runInProcess(['explain', 'examples/complaint.json']);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Complaint c-late-review');
    expect(out).toMatch(/Severity \d+\/100 \((low|medium|high|critical)\)/);
    expect(out).toContain('14 days late');
    for (const rule of defaultRules.rules) expect(out).toContain(rule.name);
    expect(out).toMatch(/✓ late-severe priority 62 — fired/);
    expect(out).toMatch(/✓ daysLate ≥ 7 {2}actual 14/);
    expect(out).toMatch(/✗ legal priority 100 — did not fire/);
    expect(out).toMatch(/✗ legalThreat = true {2}actual false/);
    expect(out).toContain('Caps');
    // late-severe's 20% coupon, 30% for this platinum customer (× 1.5): 30% of €149.
    expect(out).toMatch(/coupon +€44\.70/);
    expect(out).toContain(
      'Goodwill was raised by 50% (×1.5) for a customer in the platinum tier, before any goodwill limits were applied.',
    );
    expect(out).toContain('to the customer');
    expect(out).not.toContain('\u001b['); // NO_COLOR
  });

  it('colours the output with --color', async () => {
    const run = await runInProcess(['explain', '--color', 'examples/complaint.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\u001b[32m✓');
  });

  it('gives the recommendation with every rule outcome in --json', async () => {
    const run = await runInProcess(['explain', '--json', 'examples/complaint.json']);
    const rec = JSON.parse(run.stdout) as { trace: { rules: { name: string }[] } };
    expect(rec.trace.rules.map((r) => r.name).sort()).toEqual(defaultRules.rules.map((r) => r.name).sort());
  });

  it('explains one line of a JSON Lines file with --line, the numbering simulate reports', async () => {
    const run = await runInProcess(['explain', '--line', '7', scenariosPath]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Complaint ${scenarioIds[6]} `);
    const past = await runInProcess(['explain', '--line', '999', scenariosPath]);
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('fewer than 999 lines');
  });

  it("writes the rationale in the language asked for, or the customer's own with auto", async () => {
    const tr = await runInProcess(['explain', '--locale', 'tr', 'examples/complaint.json']);
    expect(tr.stdout).toContain('Rationale (tr)');
    const auto = await runInProcess(['explain', '--locale', 'auto', 'examples/complaint.json']);
    expect(auto.stdout).toContain('Rationale (tr)'); // the customer's locale is tr
  });

  it('reads the complaint from standard input with "-"', async () => {
    const run = await runInProcess(['explain', '-'], { input: scenarios[0] });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Complaint ${scenarioIds[0]}`);
  });

  it('lists every problem of an invalid complaint with its pointer and exits 1', async () => {
    const bad = { ...JSON.parse(scenarios[0] as string), channel: 'fax', receivedAt: 'yesterday' };
    const run = await runInProcess(['explain', writeTemp('bad.json', JSON.stringify(bad))]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('/channel');
    expect(run.stderr).toContain('/receivedAt');
  });
});

describe.concurrent('redress simulate', () => {
  const proposed = 'examples/rules/proposed.json';
  const current = 'examples/rules/current.json';

  it('summarises remedy mix, cost by tier and category, and handling as text', async () => {
    const run = await runInProcess(['simulate', scenariosPath, '--rates', rates]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Simulated ${scenarios.length} complaints`);
    for (const heading of [
      'Remedy mix',
      `Cost in EUR (${scenarios.length} complaints)`,
      'converted at 1 EUR = 160 JPY (rates of 2026-11-01)',
      'by tier',
      'by category',
      'Handling',
    ]) {
      expect(run.stdout).toContain(heading);
    }
    expect(run.stdout).not.toContain('Cost in JPY');
    expect(run.stdout).toContain('every line got a recommendation');
  });

  it('without --rates, counts a complaint in another currency than the rules’ as an error line (exit 1)', async () => {
    const run = await runInProcess(['simulate', '--json', scenariosPath]);
    expect(run.code).toBe(1);
    const s = JSON.parse(run.stdout) as {
      proposed: { recommendations: number; currencies: { currency: string }[] };
      errors: { lines: number; byCode: { code: string; lines: number }[] };
    };
    expect(s.proposed.recommendations).toBe(scenarios.length - 1);
    expect(s.proposed.currencies.map((c) => c.currency)).toEqual(['EUR']);
    expect(s.errors.byCode).toEqual([{ code: 'NO_EXCHANGE_RATE', lines: 1 }]);
  });

  it('--json gives counts that add up to the input, in the rule set’s currency with the rates used', async () => {
    const run = await runInProcess(['simulate', '--json', scenariosPath, '--rates', rates]);
    const s = JSON.parse(run.stdout) as {
      records: number;
      proposed: {
        recommendations: number;
        handling: { automatic: number; human: number };
        currencies: {
          currency: string;
          complaints: number;
          converted?: unknown;
          byTier: { complaints: number }[];
        }[];
        remedies: { type: string; complaints: number }[];
      };
      baseline: null;
      changes: null;
    };
    expect(s.records).toBe(scenarios.length);
    expect(s.proposed.recommendations).toBe(scenarios.length);
    expect(s.proposed.handling.automatic + s.proposed.handling.human).toBe(scenarios.length);
    expect(s.proposed.currencies.map((c) => c.currency)).toEqual(['EUR']);
    expect(s.proposed.currencies[0]).toMatchObject({
      complaints: scenarios.length,
      converted: { asOf: '2026-11-01', rates: { JPY: 160 } },
    });
    for (const c of s.proposed.currencies) {
      expect(c.byTier.reduce((n, g) => n + g.complaints, 0)).toBe(c.complaints);
    }
    expect(s.proposed.remedies.find((r) => r.type === 'apology')?.complaints).toBe(scenarios.length);
    expect(s.baseline).toBeNull();
    expect(s.changes).toBeNull();
  });

  it('finds no changes when the baseline is the same rule set', async () => {
    const run = await runInProcess([
      'simulate',
      '--json',
      '--rules',
      current,
      '--baseline',
      current,
      scenariosPath,
      '--rates',
      rates,
    ]);
    const s = JSON.parse(run.stdout) as { changes: { compared: number; changed: number } };
    expect(s.changes).toMatchObject({ compared: scenarios.length, changed: 0 });
  });

  it('lists the changed complaints against a baseline, largest change first, with ids and cost deltas', async () => {
    const run = await runInProcess([
      'simulate',
      '--json',
      '--examples',
      '5',
      '--rules',
      proposed,
      '--baseline',
      current,
      'examples/complaints.jsonl',
      '--rates',
      'examples/rates.json',
    ]);
    expect(run.code).toBe(0);
    const s = JSON.parse(run.stdout) as {
      changes: {
        changed: number;
        costlier: number;
        cheaper: number;
        sameCost: number;
        currencies: { currency: string; baselineCost: number; cost: number; delta: number }[];
        largest: {
          complaintId: string;
          line: number;
          delta: number;
          before: { cost: number };
          after: { cost: number };
        }[];
      };
      proposed: { currencies: { totalCost: number }[] };
      baseline: { currencies: { totalCost: number }[] };
    };
    const c = s.changes;
    expect(c.changed).toBeGreaterThan(0);
    expect(c.costlier + c.cheaper + c.sameCost).toBe(c.changed);
    expect(c.largest).toHaveLength(5);
    const deltas = c.largest.map((x) => Math.abs(x.delta));
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a));
    const ids = readFileSync(join(root, 'examples/complaints.jsonl'), 'utf8')
      .split('\n')
      .map((line) => (line === '' ? '' : (JSON.parse(line) as { id: string }).id));
    for (const x of c.largest) {
      expect(x.complaintId).toBe(ids[x.line - 1]);
      expect(x.delta).toBeCloseTo(x.after.cost - x.before.cost, 2);
    }
    const eur = c.currencies[0];
    expect(eur?.cost).toBeCloseTo(s.proposed.currencies[0]?.totalCost ?? Number.NaN, 2);
    expect(eur?.baselineCost).toBeCloseTo(s.baseline.currencies[0]?.totalCost ?? Number.NaN, 2);
  });

  it('prints the changes as text with the top examples', async () => {
    const run = await runInProcess([
      'simulate',
      '-r',
      proposed,
      '-b',
      current,
      '--examples',
      '3',
      'examples/complaints.jsonl',
      '--rates',
      'examples/rates.json',
    ]);
    expect(run.stdout).toContain('Changes against the baseline');
    expect(run.stdout).toMatch(/Largest changes \(3 of [\d,]+\)/);
    expect(run.stdout).toMatch(/c-\d{6} +\w+ · \w+ +.+ → .+ [+-]€/);
  });

  it('counts failed lines, lists them with line numbers and exits 1', async () => {
    const file = writeTemp('sim-mixed.jsonl', `${scenarios[0]}\n{broken\n${scenarios[1]}\n`);
    const run = await runInProcess(['simulate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 line failed (INVALID_JSON 1)');
    expect(run.stdout).toContain('line 2: INVALID_JSON');
  });

  it('writes a self-contained HTML report with --report', async () => {
    const report = join(tmp.dir, 'report.html');
    const run = await runInProcess([
      'simulate',
      '-r',
      proposed,
      '-b',
      current,
      scenariosPath,
      '--rates',
      rates,
      '--report',
      report,
    ]);
    expect(run.code).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(html).toContain('<table class="sortable" id="changed">');
  });

  it('escapes complaint text in the report', async () => {
    const evil = { ...JSON.parse(scenarios[0] as string), id: '<img src=x onerror=alert(1)>' };
    const file = writeTemp('evil.jsonl', `${JSON.stringify(evil)}\n`);
    const report = join(tmp.dir, 'evil.html');
    const run = await runInProcess(['simulate', '-r', proposed, '-b', current, file, '--report', report]);
    expect(run.code).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
