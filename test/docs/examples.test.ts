import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATEGORIES, CHANNELS, loadRuleSet, safeParseComplaint } from '../../src/index';
import { root, tempDir } from '../cli/run';

const tmp = tempDir();
afterAll(() => tmp.remove());

const committed = readFileSync(join(root, 'examples/complaints.jsonl'), 'utf8');
const complaints = committed
  .trim()
  .split('\n')
  .map(
    (line) =>
      JSON.parse(line) as { category: string; channel: string; exposure?: object; subscription?: object },
  );

describe('examples/complaints.jsonl', () => {
  it('is exactly what the generator writes from its fixed seed', () => {
    const out = join(tmp.dir, 'regenerated.jsonl');
    execFileSync(process.execPath, ['examples/generate.mjs', '--out', out], { cwd: root, stdio: 'ignore' });
    expect(readFileSync(out, 'utf8')).toBe(committed);
  });

  it('has at least 1,000 valid complaints covering every category and channel', () => {
    expect(complaints.length).toBeGreaterThanOrEqual(1000);
    const invalid = complaints
      .map((c, i) => ({ line: i + 1, result: safeParseComplaint(c) }))
      .filter((x) => !x.result.ok);
    expect(invalid.map((x) => x.line)).toEqual([]);
    expect(new Set(complaints.map((c) => c.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(complaints.map((c) => c.channel))).toEqual(new Set(CHANNELS));
    expect(complaints.some((c) => c.exposure)).toBe(true);
    expect(complaints.some((c) => c.subscription)).toBe(true);
  });

  it('has orders of the Turkish and Iranian storefronts in lira and rials, in time order with the rest', () => {
    const currencies = complaints.map((c) => (c as { order?: { currency: string } }).order?.currency);
    expect(currencies.filter((c) => c === 'TRY').length).toBe(6);
    expect(currencies.filter((c) => c === 'IRR').length).toBe(6);
    const times = complaints.map((c) => Date.parse((c as unknown as { receivedAt: string }).receivedAt));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] as number))).toBe(true);
  });

  it('gives a different file for a different seed', () => {
    const out = join(tmp.dir, 'other-seed.jsonl');
    execFileSync(
      process.execPath,
      ['examples/generate.mjs', '--count', '50', '--markets', '0', '--seed', '7', '--out', out],
      { cwd: root, stdio: 'ignore' },
    );
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(50);
    expect(lines).not.toEqual(committed.split('\n').slice(0, 50));
  });
});

describe('examples/generate.mjs', () => {
  it('refuses to replace the bundled file with another mix, and says to use --out', () => {
    const run = () =>
      execFileSync(process.execPath, ['examples/generate.mjs', '--count', '5', '--seed', '7'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(run).toThrow(/--count 5 --seed 7 would replace the bundled examples\/complaints\.jsonl.*--out/);
    expect(readFileSync(join(root, 'examples/complaints.jsonl'), 'utf8')).toBe(committed);
  });
});

describe('npm run demo (examples/demo.mjs)', () => {
  it('shows the same complaint in euros, lira and rials, judged alike, each in its language', () => {
    const out = execFileSync(process.execPath, ['examples/demo.mjs'], { cwd: root, encoding: 'utf8' });
    const table = out.split('\n').slice(0, 11);
    expect(table[0]).toContain('€1 = ₺36.5 = 470,000 rials');
    expect(table[1]?.trim().split(/ +/)).toEqual(['EUR', 'TRY', 'IRR']);
    expect(table[2]).toMatch(/order\s+€59\.90\s+TRY\s2,186\.35\s+IRR\s28,153,000$/);
    // Remedies, tier and handling are the same in every column.
    expect(table.find((l) => l.trim().startsWith('tier'))?.match(/gold \(50\)/g)).toHaveLength(3);
    expect(table.find((l) => l.trim().startsWith('handling'))?.match(/automatic/g)).toHaveLength(3);
    // The agent's line on the cost, in each customer's money and language (the customer hears of "a small gift").
    expect(out).toContain(
      'TRY: “Otomatik olarak uygulanabilir: 3.275,85 TL tutarındaki maliyet, 5.475,00 TL olan otomatik onay sınırının içinde.”',
    );
    // In rials although toman were asked for: this gold customer's gift (12.5% of the order, 3,519,125
    // rials, not a whole number of toman) was reduced by the cap, and the agent's line on it names it.
    expect(out).toContain(
      'IRR: “به‌طور خودکار قابل اعمال است: هزینهٔ ۴۲٬۲۱۳٬۰۰۰ ریال در محدودهٔ سقف تأیید خودکار (۷۰٬۵۰۰٬۰۰۰ ریال) است.”',
    );
    // Every complaint of the file is answered, the lira and rial ones at the example rates.
    expect(out).toContain('All 1,212 complaints:\n');
    expect(out).toMatch(/total cost {3}€[\d,.]+ \+ TRY\s[\d,.]+ \+ IRR\s[\d,]+\n/);
  });
});

describe('examples/rules', () => {
  for (const name of ['current', 'proposed']) {
    it(`${name}.json loads and points its $schema at the committed schema`, () => {
      const path = join(root, 'examples/rules', `${name}.json`);
      const raw = JSON.parse(readFileSync(path, 'utf8')) as { $schema: string };
      expect(loadRuleSet(raw).name).toBe(name);
      expect(raw.$schema).toBe('../../schema/ruleset.schema.json');
      expect(existsSync(resolve(dirname(path), raw.$schema))).toBe(true);
    });
  }

  it('are two different rule sets to compare', () => {
    const current = loadRuleSet(readFileSync(join(root, 'examples/rules/current.json'), 'utf8'));
    const proposed = loadRuleSet(readFileSync(join(root, 'examples/rules/proposed.json'), 'utf8'));
    expect(proposed.rules.map((r) => r.name)).not.toEqual(current.rules.map((r) => r.name));
    expect(proposed.policy.autoApproveMaxCost).not.toBe(current.policy.autoApproveMaxCost);
  });
});
