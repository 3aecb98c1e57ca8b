// `npm run bench:analysis`: `analyzeRuleSet` (what `redress validate` runs) on rule sets of 8-level
// nested rules (bench/nested-rules.mjs), the shape on which it was exponential (issue 13: 10 rules
// took 9 s, 100 took two minutes, 2,000 more than ten minutes). Each size and hit policy runs in a
// process of its own, so that its peak memory is its own. The work units are the same on every
// machine; the seconds are this machine's.
//
//   npm run bench:analysis              10, 100, 1,000 and 2,000 rules, under collect and unique
//   npm run bench:analysis -- --write   also write the table into bench/RESULTS.md
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const [, , mode, ...rest] = process.argv;

if (mode === '--case') {
  const [count, hit] = rest;
  const { analyzeRuleSet } = await import('../dist/analysis.js');
  const { nestedRuleSet } = await import('./nested-rules.mjs');
  const rules = nestedRuleSet(Number(count));
  const bytes = Buffer.byteLength(JSON.stringify(rules));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const a = analyzeRuleSet(rules, { hit });
  const cpu = process.cpuUsage(cpu0);
  const methods = {};
  for (const f of a.findings) methods[f.method] = (methods[f.method] ?? 0) + 1;
  const result = {
    count: Number(count),
    hit,
    bytes,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    work: a.work,
    searched: a.searched,
    exact: a.exact,
    findings: a.findings.length,
    methods,
    open: a.notAnalysed.map((o) => `${o.check} ${o.open.toLocaleString('en-US')}`),
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(result));
  process.exit(0);
}

if (!existsSync(here('../dist/analysis.js'))) throw new Error('build first: npm run build');
const SIZES = [10, 100, 1_000, 2_000];
const HITS = ['collect', 'unique'];
const loadBefore = os.loadavg()[0];
const rows = [];
for (const count of SIZES) {
  for (const hit of HITS) {
    process.stderr.write(`  ${count} nested rules, ${hit}\n`);
    const out = execFileSync(process.execPath, [here('analysis.mjs'), '--case', String(count), hit], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    rows.push(JSON.parse(out.trim().split('\n').at(-1)));
  }
}
const loadAfter = os.loadavg()[0];

const n = (x) => Math.round(x).toLocaleString('en-US');
const kb = (x) => `${n(x / 1024)} KB`;
const s = (x) => (x < 10 ? `${x.toFixed(2)} s` : `${x.toFixed(1)} s`);
const table = [
  '| rules | file | hit policy | wall | CPU | work units | searched | findings (exact / search) | not analysed | peak RSS |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${n(r.count)} | ${kb(r.bytes)} | ${r.hit} | ${s(r.seconds)} | ${s(r.cpuSeconds)} | ${n(r.work)} | ${n(r.searched)} | ${n(r.findings)} (${n(r.methods.exact ?? 0)} / ${n(r.methods.search ?? 0)}) | ${r.open.length === 0 ? 'none' : r.open.join(', ')} | ${n(r.maxRssMB)} MB |`,
  ),
].join('\n');
const report = `Machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, Node ${process.version}. Run ${new Date().toISOString()}; load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after.

${table}
`;
console.log(report);

if (rest.includes('--write') || mode === '--write') {
  const file = here('RESULTS.md');
  const start = '<!-- bench:analysis:start -->';
  const end = '<!-- bench:analysis:end -->';
  const old = readFileSync(file, 'utf8');
  const next = old.includes(start)
    ? `${old.split(start)[0]}${start}\n${report}${end}${old.split(end)[1]}`
    : `${old.trimEnd()}\n\n## The analysis of nested rules (\`npm run bench:analysis\`)\n\n${start}\n${report}${end}\n`;
  writeFileSync(file, next);
  try {
    execFileSync(here('../node_modules/.bin/biome'), ['format', '--write', file], { stdio: 'ignore' });
  } catch {
    process.stderr.write('could not run biome on it; run `npm run format`\n');
  }
  process.stderr.write(`wrote ${file}\n`);
}
