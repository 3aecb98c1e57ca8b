import { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { streamSink } from '../../src/cli/record-sink';

/** A stand-in for standard output: records each write; says it is full while `full` is set. */
function fakeStream() {
  const events = new EventEmitter();
  const writes: string[] = [];
  const stream = {
    full: false,
    writes,
    write(text: string) {
      writes.push(text);
      return !stream.full;
    },
    once(event: 'drain', listener: () => void) {
      events.once(event, listener);
      return stream;
    },
    drain() {
      stream.full = false;
      events.emit('drain');
    },
  };
  return stream;
}

const record = (i: number) => ({ complaintId: `c-${i}`, note: 'x'.repeat(100) });

describe('the standard-output sink', () => {
  it('writes many records in few calls, every line in order', async () => {
    const stream = fakeStream();
    const sink = streamSink(stream);
    for (let i = 0; i < 2_000; i++) await sink.write(record(i));
    await sink.close();
    const text = stream.writes.join('');
    expect(text).toBe(Array.from({ length: 2_000 }, (_, i) => `${JSON.stringify(record(i))}\n`).join(''));
    // About 250 KB: a handful of 64 KiB writes, not one call per record.
    expect(stream.writes.length).toBeLessThanOrEqual(5);
  });

  it('sends what a turn of the event loop wrote without waiting for more (a live stream)', async () => {
    const stream = fakeStream();
    const sink = streamSink(stream);
    await sink.write(record(1));
    expect(stream.writes).toEqual([]);
    await nextTurn();
    expect(stream.writes).toEqual([`${JSON.stringify(record(1))}\n`]);
  });

  it('holds the writer back while the stream is full, until it drains', async () => {
    const stream = fakeStream();
    stream.full = true;
    const sink = streamSink(stream);
    await sink.write(record(1));
    await nextTurn(); // written: the stream says it is full
    let released = false;
    const waiting = Promise.resolve(sink.write(record(2))).then(() => {
      released = true;
    });
    await nextTurn();
    expect(released).toBe(false);
    stream.drain();
    await waiting;
    expect(released).toBe(true);
    await sink.close();
    expect(stream.writes.join('')).toBe(`${JSON.stringify(record(1))}\n${JSON.stringify(record(2))}\n`);
  });
});
