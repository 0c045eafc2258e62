/** Worker thread of the bench task "metrics": computeMetrics() on the flat arrays it is sent, as the explorer's web worker runs it. */
import { parentPort } from "node:worker_threads";
import { computeMetrics, type MetricsInput } from "../src/graph/metrics.ts";

parentPort!.once("message", (input: MetricsInput) => {
  const started = performance.now();
  const m = computeMetrics(input);
  parentPort!.postMessage({ ms: performance.now() - started, timings: m.timings, betweennessExact: m.betweennessExact, betweennessSources: m.betweennessSources, communities: m.communityCount, modularity: m.modularity });
});
