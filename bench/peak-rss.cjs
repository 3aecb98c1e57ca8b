// Preloaded into the CLI by bench/run.mjs and bench/outcomes.mjs (`node --require`): reports the
// process's peak resident set size and CPU time on standard error as it exits, for the memory
// measurements.
process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stderr.write(`\nREDRESS_BENCH_MAXRSS_KB=${usage.maxRSS}\nREDRESS_BENCH_CPU_MS=${cpuMs}\n`);
});
