/**
 * Splits one async sequence into `n` that each see every item, pulling from the source only when a
 * branch needs an item none has buffered. Items are held until every branch has taken them, so with
 * consumers that advance together (as `recommendLines` zips them) the buffers stay small.
 */
export function tee<T>(source: AsyncIterator<T>, n: number): AsyncIterable<T>[] {
  const buffers: T[][] = Array.from({ length: n }, () => []);
  let done = false;
  let pulling: Promise<void> | undefined;

  const pull = (): Promise<void> => {
    pulling ??= source.next().then(
      (result) => {
        pulling = undefined;
        if (result.done) done = true;
        else for (const buffer of buffers) buffer.push(result.value);
      },
      (error: unknown) => {
        pulling = undefined;
        throw error;
      },
    );
    return pulling;
  };

  return buffers.map((buffer) => ({
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (buffer.length > 0) yield buffer.shift() as T;
        else if (done) return;
        else await pull();
      }
    },
  }));
}
