/** The outcome of a `safe*` call: a value, or the error that would have been thrown. */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/** Wraps a successful value. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps an error. */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/**
 * `next` applied to `value` at once, or once it settles when it is a promise: the stages answer at once
 * with the compiled engine and wait only with the reference one, so a call is not charged a microtask
 * per stage. A throw from `next` on a value is thrown, not turned into a rejection (see `settle`).
 * @internal
 */
export function thenOf<T, U>(value: T | Promise<T>, next: (value: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * What `run` gives, as one promise: its value, or a rejection whether it throws or its promise rejects,
 * with the reason as `asError` makes it (the reason itself by default).
 * @internal
 */
export function settle<T>(run: () => T | Promise<T>, asError?: (error: unknown) => unknown): Promise<T> {
  try {
    const value = run();
    if (!(value instanceof Promise)) return Promise.resolve(value);
    return asError
      ? value.catch((error: unknown) => {
          throw asError(error);
        })
      : value;
  } catch (error) {
    return Promise.reject(asError ? asError(error) : error);
  }
}
