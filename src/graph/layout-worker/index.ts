/**
 * ForceAtlas2 off the event loop: a worker thread, started on first use, that
 * computes the layout of a graph's structure (../layout.ts) with the same
 * numbers as the calling thread would. At 10,000 articles a layout takes
 * seconds; live ingest answers before it and applies it when it arrives.
 */
import { computeLayout, type LayoutInput } from "../layout.ts";
import { workerCalls } from "../worker-calls.ts";

export interface LayoutRunner {
  layout(input: LayoutInput): Promise<Float64Array>;
  close(): Promise<void>;
}

export function createLayoutRunner(): LayoutRunner {
  const calls = workerCalls(new URL("./boot.mjs", import.meta.url), "layout");
  return {
    async layout(input) {
      const answer = await calls.call({ input }, [input.edges.buffer as ArrayBuffer]);
      if (!(answer.positions instanceof Float64Array)) throw new Error("layout worker: an answer without positions");
      return answer.positions;
    },
    close: () => calls.close(),
  };
}

/** The same on the calling thread (tests, tiny graphs). */
export function inProcessLayoutRunner(): LayoutRunner {
  return { layout: async (input) => computeLayout(input), close: async () => {} };
}
