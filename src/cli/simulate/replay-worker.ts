import { parentPort, workerData } from 'node:worker_threads';
import { type AheadSetup, ReplayAhead } from './replay-ahead';
import type { AheadReply, AheadRequest } from './replay-pool';

/**
 * A replay's worker thread (`redress simulate`): builds the rule sets its parent described (they arrive
 * as plain data and are loaded again here) and answers chunks of lines with each record decided ahead
 * of its turn (replay-ahead.ts); the parent reads the answers in input order (replay.ts).
 */
const ahead = new ReplayAhead(workerData as AheadSetup);
const port = parentPort;

port?.on('message', async (request: AheadRequest) => {
  const records = await ahead.chunk(request.records);
  try {
    port.postMessage({ id: request.id, records } satisfies AheadReply);
  } catch (error) {
    const failed = error instanceof Error ? error.message : String(error);
    port.postMessage({ id: request.id, failed } satisfies AheadReply);
  }
});
