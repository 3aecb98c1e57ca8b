import type { CliIo } from './io';

/**
 * What a command says on stderr when a worker thread stops under it (a crash, a heap out of memory,
 * an answer that cannot be read): nothing is lost, since that thread's lines are done in the calling
 * thread, but the run is slower for it, and a run that became slower without a word gives its user
 * no reason. Not hidden by `--quiet`: it is not progress.
 */
export function workerLostNotice(io: CliIo, command: string, done: string): (why: string) => void {
  return (why) =>
    io.stderr.write(
      `redress ${command}: a worker thread stopped (${why}); its lines are ${done} in this thread instead, so the output is the same, only slower\n`,
    );
}
