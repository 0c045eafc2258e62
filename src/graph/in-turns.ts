/**
 * Runs a stepped computation (a generator that pauses between slices of a
 * few milliseconds) to its end, giving the event loop a turn between steps:
 * how the server does its graph work after an ingest while it answers
 * requests. Draining the same generator at once gives the same value.
 */
export async function runInTurns<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
