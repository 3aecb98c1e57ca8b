import { timestampMs } from '../time/timestamp';
import type { Input } from './input';
import { stringField } from './line-json';
import { readLines } from './line-reader';

/**
 * Whether the complaints of a JSON Lines file come in time order (`receivedAt` never earlier than the
 * line before's), read in one pass that keeps nothing: crisis mode streams such a file in bounded memory.
 * Lines that are not complaints with a readable `receivedAt` are passed over: they become error records
 * whatever their place.
 */
export async function inTimeOrder(input: Input, maxLineBytes: number): Promise<boolean> {
  let last = Number.NEGATIVE_INFINITY;
  for await (const raw of readLines(input.chunks, { maxLineBytes })) {
    if ('problem' in raw || raw.text.trim() === '') continue;
    const time = receivedAt(raw.text);
    if (Number.isNaN(time)) continue;
    if (time < last) return false;
    last = time;
  }
  return true;
}

function receivedAt(text: string): number {
  const at = stringField(text, 'receivedAt');
  return at === undefined ? Number.NaN : timestampMs(at);
}
