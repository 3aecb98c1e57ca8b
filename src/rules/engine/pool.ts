/**
 * A bounded pool of objects that may serve one user at a time (json-rules-engine's `Engine` keeps run
 * state on itself, so concurrent runs on one engine drop rules). At most `max` exist; a burst of callers
 * beyond that waits for one to come back instead of building more, so memory after a burst returns to
 * what `max` objects need. An object whose use failed is thrown away, never handed out again.
 */
export class Pool<T> {
  private readonly idle: T[] = [];
  private readonly waiting: { resolve: (item: T) => void; reject: (error: unknown) => void }[] = [];
  private size = 0;

  constructor(
    private readonly create: () => T,
    private readonly max: number,
  ) {}

  /** Objects in existence, idle or in use (for tests). */
  get created(): number {
    return this.size;
  }

  /** An idle object, a new one while fewer than `max` exist, or the next one released. */
  acquire(): Promise<T> {
    const item = this.idle.pop();
    if (item !== undefined) return Promise.resolve(item);
    if (this.size < this.max) return Promise.resolve(this.build());
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Returns an object after use; `healthy: false` discards it (its use threw, its state is unknown). */
  release(item: T, healthy: boolean): void {
    if (!healthy) this.size--;
    const next = this.waiting.shift();
    if (next === undefined) {
      if (healthy) this.idle.push(item);
      return;
    }
    if (healthy) {
      next.resolve(item);
      return;
    }
    try {
      next.resolve(this.build());
    } catch (error) {
      next.reject(error);
    }
  }

  private build(): T {
    const item = this.create();
    this.size++;
    return item;
  }
}
