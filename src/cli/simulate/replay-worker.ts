import { parentPort, workerData } from 'node:worker_threads';
import { type AheadRequest, packAhead, recordsOf } from './ahead-wire';
import { type AheadSetup, ReplayAhead } from './replay-ahead';
import type { AheadReply } from './replay-pool';

/**
 * A replay's worker thread (`redress simulate`): builds the rule sets its parent described (they arrive
 * as plain data and are loaded again here) and answers chunks of lines with each record decided ahead
 * of its turn (replay-ahead.ts), packed to cross (ahead-wire.ts); the parent reads the answers in input order (replay.ts).
 */
const ahead = new ReplayAhead(workerData as AheadSetup);
const port = parentPort;

port?.on('message', async (request: AheadRequest) => {
  const records = await ahead.chunk(recordsOf(request));
  try {
    const packed = packAhead(records);
    port.postMessage({ id: request.id, packed } satisfies AheadReply, [packed.numbers.buffer]);
  } catch (error) {
    const failed = error instanceof Error ? error.message : String(error);
    port.postMessage({ id: request.id, failed } satisfies AheadReply);
  }
});
