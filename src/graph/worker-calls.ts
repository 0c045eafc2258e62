/**
 * One request, one answer, over a worker thread started on first use: the
 * calling side shared by the layout and snapshot workers. Each call carries
 * an id the thread echoes; an answer with an `error` rejects its call; a
 * crash or exit rejects every pending call, and the next call starts a new
 * thread. The thread never keeps a finished process alive.
 */
import { Worker } from "node:worker_threads";

export type Answer = { [key: string]: unknown };

export interface WorkerCalls {
  /** Posts `message` with an id added, handing over `transfer`; resolves with the thread's answer. */
  call(message: Record<string, unknown>, transfer?: ArrayBuffer[]): Promise<Answer>;
  close(): Promise<void>;
}

/** `entry`: the thread's boot file (a `new URL(…, import.meta.url)` in the worker's own module, which the CLI's build knows). */
export function workerCalls(entry: URL, name: string): WorkerCalls {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (answer: Answer) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = null;
  };
  const start = () => {
    const w = new Worker(entry);
    w.on("message", (msg: Answer & { id: number; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error === undefined) p.resolve(msg);
      else p.reject(new Error(`${name} worker: ${msg.error}`));
    });
    w.on("error", (err) => failAll(new Error(`${name} worker crashed: ${err.message}`)));
    w.on("exit", (code) => worker === w && failAll(new Error(`${name} worker exited (code ${code})`)));
    // Work in progress must not keep a finished process alive.
    w.unref();
    return w;
  };
  return {
    call(message, transfer = []) {
      worker ??= start();
      const id = nextId++;
      const w = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ ...message, id }, transfer);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      failAll(new Error(`${name} worker closed`));
      await w?.terminate();
    },
  };
}
