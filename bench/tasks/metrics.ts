/**
 * Bench task "metrics": the explorer's graph statistics (degree, weighted
 * degree, betweenness, PageRank, Louvain; src/graph/metrics.ts) on the
 * workload's graph in a worker thread, as the page runs them in a web worker,
 * while Node's event-loop delay monitor watches the main thread: its worst delay
 * says whether the thread that draws and answers input froze (on that thread it
 * would be blocked for the whole computation; there is no peer to run).
 */
import { Worker } from "node:worker_threads";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { metricsInput } from "../../src/graph/metrics.ts";
import { loadBenchGraph } from "../bench-graph.ts";
import { collectGarbage } from "../stats.ts";
import type { TaskContext, TaskResult } from "../task-types.ts";

interface WorkerReply {
  ms: number;
  timings: Record<string, number>;
  betweennessExact: boolean;
  betweennessSources: number;
  communities: number;
  modularity: number;
}

export async function metrics(ctx: TaskContext): Promise<TaskResult> {
  const graph = await loadBenchGraph(ctx.graphFile);
  const projected = performance.now();
  const { input } = metricsInput(graph as never);
  const inputMs = performance.now() - projected;
  collectGarbage();
  const worker = new Worker(new URL("../metrics-worker-boot.mjs", import.meta.url));
  const lag = monitorEventLoopDelay({ resolution: 10 });
  try {
    lag.enable();
    const started = performance.now();
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.postMessage(input, [input.sources.buffer, input.targets.buffer, input.weights.buffer] as ArrayBuffer[]);
    });
    const wallMs = performance.now() - started;
    return {
      inputMs,
      wallS: wallMs / 1000,
      workerS: reply.ms / 1000,
      projectionS: reply.timings.projection / 1000,
      betweennessS: reply.timings.betweenness / 1000,
      pagerankS: reply.timings.pagerank / 1000,
      louvainS: reply.timings.louvain / 1000,
      betweennessExact: reply.betweennessExact,
      betweennessSources: reply.betweennessSources,
      communities: reply.communities,
      modularity: reply.modularity,
      // The main thread while the worker ran: the event loop's longest and p99 delay (sampled every 10 ms).
      mainThreadLongestGapMs: lag.max / 1e6,
      mainThreadLagP99Ms: lag.percentile(99) / 1e6,
    };
  } finally {
    lag.disable();
    await worker.terminate();
  }
}
