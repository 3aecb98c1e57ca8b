/**
 * `step(0)`, `step(1)`, … `step(count - 1)`, one after the other: at once while every step answers at
 * once, else a promise from the first step that waits, each later step started only once the one
 * before it settled (a step that throws, or whose promise rejects, ends the rest the same way).
 *
 * A replay decides every complaint under two rule sets with the compiled evaluator, which answers at
 * once: a promise per rule set per complaint, and per record, was several microtasks a complaint for
 * nothing. The reference evaluator still waits, and then so does everything after it.
 */
export function inOrder(count: number, step: (i: number) => void | Promise<void>): void | Promise<void> {
  for (let i = 0; i < count; i++) {
    const waiting = step(i);
    if (waiting instanceof Promise) return rest(waiting, i + 1, count, step);
  }
}

async function rest(
  waiting: Promise<void>,
  from: number,
  count: number,
  step: (i: number) => void | Promise<void>,
): Promise<void> {
  await waiting;
  for (let i = from; i < count; i++) await step(i);
}

/**
 * What `run` answers, at once when it is not a promise, else once it settles; a throw from `run` or a
 * rejection of its promise becomes `onError`'s answer (which may itself wait). The one place a replay's
 * decision turns a failure into its line error, whether the decision waited or not.
 */
export function caught<T, U>(
  run: () => T | Promise<T>,
  onError: (error: unknown) => U,
): T | U | Promise<T | U> {
  try {
    const value = run();
    return value instanceof Promise ? value.catch(onError) : value;
  } catch (error) {
    return onError(error);
  }
}

/** `value` pushed onto `list`: at once, or once it settles. */
export function pushOnto<T>(list: T[], value: T | Promise<T>): void | Promise<void> {
  if (!(value instanceof Promise)) list.push(value);
  else return value.then((settled) => void list.push(settled));
}

/**
 * `value` set at `list[at]`: at once, or once it settles. For a list made at its length (`new
 * Array(n)`): an array grown by `push` from empty makes room for 16, garbage for every record.
 */
export function setAt<T>(list: T[], at: number, value: T | Promise<T>): void | Promise<void> {
  if (!(value instanceof Promise)) list[at] = value;
  else
    return value.then((settled) => {
      list[at] = settled;
    });
}
