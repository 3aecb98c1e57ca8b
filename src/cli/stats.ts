import type { CliIo } from './io';

/**
 * With `REDRESS_REPORT_RESOURCES=1`, a command reports its peak memory on stderr when it ends:
 * `redress: resources {"maxRssBytes":…,"cpuSeconds":…}`. Used by the test that proves the streaming commands run in
 * bounded memory; harmless otherwise.
 */
export function reportResources(io: CliIo): void {
  if (io.env.REDRESS_REPORT_RESOURCES !== '1') return;
  io.stderr.write(`redress: resources ${JSON.stringify(io.resources())}\n`);
}
