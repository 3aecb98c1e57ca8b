#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { ExitCode } from './exit-code';
import { heapFlags, holdHeapFlags } from './heap';
import type { CliIo } from './io';
import { run } from './run';

// Before the command allocates: V8 reads its heap growth as it collects (src/cli/heap.ts).
holdHeapFlags(heapFlags(process.argv.slice(2), process.env, process.execArgv), setFlagsFromString, process);

// The reader went away (`redress recommend big.jsonl | head -1`): stop at once and quietly, as a
// command killed by SIGPIPE would, instead of failing with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.brokenPipe);
    // Any other output failure (a full disk behind a redirect): say so once, if stderr still works.
    if (stream === process.stdout)
      process.stderr.write(`redress: cannot write the output: ${error.message}\n`);
    process.exit(ExitCode.cannotRun);
  });
}

/** The real world: this process's arguments, streams, environment, directory and clock. */
const io: CliIo = {
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => performance.now(),
  resources: () => {
    const usage = process.resourceUsage();
    return { maxRssBytes: usage.maxRSS * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 };
  },
  exitCode: ExitCode.ok,
};

void run(io).then((code) => {
  process.exitCode = code;
});
