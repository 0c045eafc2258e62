/**
 * ForceAtlas2 off the event loop: a worker thread, started on first use, that
 * computes the layout of a graph's structure (../layout.ts) with the same
 * numbers as the calling thread would. At 10,000 articles a layout takes
 * seconds; live ingest answers before it and applies it when it arrives.
 */
import { Worker } from "node:worker_threads";
import { computeLayout, type LayoutInput } from "../layout.ts";

export interface LayoutRunner {
  layout(input: LayoutInput): Promise<Float64Array>;
  close(): Promise<void>;
}

export function createLayoutRunner(): LayoutRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (p: Float64Array) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = null;
  };
  const start = () => {
    const w = new Worker(new URL("./boot.mjs", import.meta.url));
    w.on("message", (msg: { id: number; positions?: Float64Array; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.positions) p.resolve(msg.positions);
      else p.reject(new Error(`layout worker: ${msg.error}`));
    });
    w.on("error", (err) => failAll(new Error(`layout worker crashed: ${err.message}`)));
    w.on("exit", (code) => worker === w && failAll(new Error(`layout worker exited (code ${code})`)));
    // A layout in progress must not keep a finished process alive.
    w.unref();
    return w;
  };
  return {
    layout(input) {
      worker ??= start();
      const id = nextId++;
      const w = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, input }, [input.edges.buffer as ArrayBuffer]);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      failAll(new Error("layout worker closed"));
      await w?.terminate();
    },
  };
}

/** The same on the calling thread (tests, tiny graphs). */
export function inProcessLayoutRunner(): LayoutRunner {
  return { layout: async (input) => computeLayout(input), close: async () => {} };
}
