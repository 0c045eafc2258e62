/**
 * Runs async tasks one at a time, in arrival order. Article ingest goes through
 * it so two concurrent POSTs never rebuild from the same old graph and lose one
 * another's article. `idle()` lets shutdown wait for the task in progress.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  idle(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      // The queue continues whatever one task's outcome.
      tail = result.catch(() => {});
      return result;
    },
    idle() {
      return tail.then(() => {});
    },
  };
}
