/**
 * With `REDRESS_REPORT_RESOURCES=1`, a command reports its peak memory on stderr when it ends:
 * `redress: resources {"maxRssBytes":…,"cpuSeconds":…}`. Used by the test that proves the streaming commands run in
 * bounded memory; harmless otherwise.
 */
export function reportResources(): void {
  if (process.env.REDRESS_REPORT_RESOURCES !== '1') return;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stderr.write(
    `redress: resources ${JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, cpuSeconds })}\n`,
  );
}
