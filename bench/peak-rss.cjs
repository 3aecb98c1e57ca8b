// Preloaded into the CLI by bench/run.mjs (`node --require`): reports the process's peak resident set
// size on standard error as it exits, for the streaming memory measurement.
process.on('exit', () => {
  process.stderr.write(`\nREDRESS_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
