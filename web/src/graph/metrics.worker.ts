/**
 * Web worker: the graph statistics (src/graph/metrics.ts) off the page's thread,
 * so betweenness over a large graph never freezes pan, zoom or typing. It gets
 * flat typed arrays and sends its results back as transferred buffers.
 */
import { computeMetrics, type GraphMetrics, type MetricsInput } from "../../../src/graph/metrics.ts";

export interface MetricsRequest {
  id: number;
  input: MetricsInput;
}

export type MetricsReply = { id: number; metrics: GraphMetrics; ms: number } | { id: number; error: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<MetricsRequest>) => void) | null;
  postMessage(message: MetricsReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data: { id, input } }) => {
  const started = performance.now();
  try {
    const metrics = computeMetrics(input);
    const buffers = [metrics.degree, metrics.weightedDegree, metrics.betweenness, metrics.pagerank, metrics.community].map((a) => a.buffer as ArrayBuffer);
    scope.postMessage({ id, metrics, ms: performance.now() - started }, buffers);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
