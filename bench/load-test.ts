/**
 * One autocannon run against a local server: `connections` connections for
 * `seconds`, cycling through the given request paths, on 127.0.0.1 only.
 * Reports requests/s (mean), latency p50/p99 in ms, and how many answers were
 * not 2xx (a fast error is not a fast answer).
 */
import autocannon from "autocannon";
import { BenchError } from "./task-types.ts";

export interface LoadResult {
  reqPerS: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
}

export async function loadTest(port: number, paths: string[], seconds: number, connections = 50): Promise<LoadResult> {
  if (!paths.length) throw new BenchError("bench/load-test: expecting at least one request path");
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [{ method: "GET", setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[next++ % paths.length] }) }],
  });
  return {
    reqPerS: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    requests: result.requests.total,
  };
}
