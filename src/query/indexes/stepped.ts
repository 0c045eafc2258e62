/**
 * A value built by a stepped computation (a generator that pauses between
 * slices of a few milliseconds), stepping on its own between other work — one
 * step per turn of the event loop — and finished at once by whoever needs it
 * before the last step. The query engine's index and names are built this way
 * where a thread has other things to do first (the server's start, the worker's
 * first query).
 */
/** Runs a stepped computation to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export class Stepped<T> {
  private built: { value: T } | null = null;
  private failure: { error: unknown } | null = null;

  constructor(private readonly steps: Generator<void, T>) {}

  /** Steps between other work from now on, then calls `then` (built or failed); a failure is kept for `value` to throw. */
  inBackground(then?: () => void): this {
    void (async () => {
      while (!this.done) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!this.done) this.step();
      }
      then?.();
    })();
    return this;
  }

  get done(): boolean {
    return this.built !== null || this.failure !== null;
  }

  /** The value, finishing the computation now if it is not done. */
  get value(): T {
    while (!this.done) this.step();
    if (this.failure) throw this.failure.error;
    return this.built!.value;
  }

  private step(): void {
    try {
      const next = this.steps.next();
      if (next.done) this.built = { value: next.value };
    } catch (error) {
      this.failure = { error };
    }
  }
}
