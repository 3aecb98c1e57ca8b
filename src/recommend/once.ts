/**
 * `make`, called the first time its answer is asked for, and remembered: for what a caller may never
 * read (a replay never reads the remedies the caps dropped), made only when it does.
 */
export function once<T extends object>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
