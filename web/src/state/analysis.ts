/**
 * The statistics of what is drawn, from the metrics worker: one request at a
 * time, the newest wins (a filter change while betweenness runs stops that run
 * by ending the worker, rather than queueing work nobody will look at), and the
 * answer indexed by node key for the reducers and the Analyze panel.
 */
import type { GraphMetrics } from "../../../src/graph/metrics.ts";
import { metricsInput } from "../../../src/graph/metrics.ts";
import type { ExplorerGraph, Visibility } from "../graph/filters.ts";
import type { MetricsReply, MetricsRequest } from "../graph/metrics.worker.ts";

export interface Analysis {
  keys: string[];
  index: Map<string, number>;
  metrics: GraphMetrics;
  relations: number;
  /** Wall time in the worker, ms. */
  ms: number;
}

export class AnalysisSuperseded extends Error {
  override name = "AnalysisSuperseded";
}

export interface Analyzer {
  run(graph: ExplorerGraph, visible: Visibility): Promise<Analysis>;
  busy(): boolean;
}

export function createAnalyzer(): Analyzer {
  let worker: Worker | null = null;
  let seq = 0;
  let pending: { id: number; reject(err: Error): void } | null = null;
  const spawn = () => new Worker(new URL("../graph/metrics.worker.ts", import.meta.url), { type: "module", name: "parley-metrics" });
  return {
    busy: () => pending !== null,
    run(graph, visible) {
      if (pending) {
        // Stop the stale computation outright; a fresh worker takes the new one.
        worker?.terminate();
        worker = null;
        pending.reject(new AnalysisSuperseded("superseded by a newer request"));
        pending = null;
      }
      const { keys, input } = metricsInput(graph, visible);
      // Read before the arrays are handed to the worker: transferring empties them here.
      const relations = input.sources.length;
      const id = ++seq;
      const w = (worker ??= spawn());
      return new Promise<Analysis>((resolve, reject) => {
        pending = { id, reject };
        w.onmessage = ({ data }: MessageEvent<MetricsReply>) => {
          if (data.id !== id) return;
          pending = null;
          if ("error" in data) return reject(new Error(data.error));
          resolve({ keys, index: new Map(keys.map((k, i) => [k, i])), metrics: data.metrics, relations, ms: data.ms });
        };
        w.onerror = (event) => {
          pending = null;
          worker = null;
          reject(new Error(event.message || "the statistics worker failed"));
        };
        const request: MetricsRequest = { id, input };
        w.postMessage(request, [input.sources.buffer, input.targets.buffer, input.weights.buffer] as ArrayBuffer[]);
      });
    },
  };
}
