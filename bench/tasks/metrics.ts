/**
 * Bench task "metrics": the explorer's graph statistics (degree, weighted
 * degree, betweenness, PageRank, Louvain; src/graph/metrics.ts) on the
 * workload's graph in a worker thread, as the page runs them in a web worker,
 * while the main thread keeps a 10 ms timer going: its worst delay says whether
 * the thread that draws and answers input froze. Without the worker the main
 * thread would be blocked for the whole computation, which is the figure's peer.
 */
import { readFile } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { MultiDirectedGraph } from "graphology";
import { metricsInput } from "../../src/graph/metrics.ts";
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
  const graph = new MultiDirectedGraph();
  graph.import(JSON.parse(await readFile(ctx.graphFile, "utf8")));
  const projected = performance.now();
  const { input } = metricsInput(graph as never);
  const inputMs = performance.now() - projected;
  collectGarbage();
  const worker = new Worker(new URL("../metrics-worker-boot.mjs", import.meta.url));
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const ticks: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    ticks.push(now - last);
    last = now;
  }, 10);
  try {
    lag.enable();
    const started = performance.now();
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.postMessage(input, [input.sources.buffer, input.targets.buffer, input.weights.buffer] as ArrayBuffer[]);
    });
    const wallMs = performance.now() - started;
    lag.disable();
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
      // The main thread while the worker ran: its longest gap between 10 ms ticks, and the event loop's p99 delay.
      mainThreadLongestGapMs: Math.max(0, ...ticks),
      mainThreadLagP99Ms: lag.percentile(99) / 1e6,
    };
  } finally {
    clearInterval(timer);
    await worker.terminate();
  }
}
