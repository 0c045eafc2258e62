/**
 * Load runs against local servers with autocannon, on 127.0.0.1 only.
 * `loadTest` is one run; `pairedLoadTest` interleaves two targets in short
 * rounds (A B, B A, A B, …) and merges each target's rounds with autocannon's
 * own aggregateResult, so both see the same minutes of this shared machine.
 * Reports requests/s (mean), latency p50/p99 in ms, and how many answers were
 * not 2xx (a fast error is not a fast answer).
 */
import autocannon, { type Options, type Result } from "autocannon";
import { BenchError } from "./task-types.ts";

export interface LoadResult {
  reqPerS: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
}

export interface LoadTarget {
  port: number;
  /** Request paths, cycled through. */
  paths: string[];
}

const CONNECTIONS = 50;

function options(target: LoadTarget, seconds: number, skipAggregateResult: boolean): Options {
  if (!target.paths.length) throw new BenchError("bench/load-test: expecting at least one request path");
  let next = 0;
  return {
    url: `http://127.0.0.1:${target.port}`,
    connections: CONNECTIONS,
    duration: seconds,
    skipAggregateResult,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: target.paths[next++ % target.paths.length] }) }],
  };
}

function summary(result: Result): LoadResult {
  return {
    reqPerS: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    requests: result.requests.total,
  };
}

export async function loadTest(target: LoadTarget, seconds: number): Promise<LoadResult> {
  return summary(await autocannon(options(target, seconds, false)));
}

/** `seconds` of load on each target, in `rounds` alternating slices; the order flips every round to cancel drift. */
export async function pairedLoadTest(a: LoadTarget, b: LoadTarget, seconds: number, rounds: number): Promise<[LoadResult, LoadResult]> {
  const slice = seconds / rounds;
  const raw: [Result[], Result[]] = [[], []];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const side of order) raw[side].push(await autocannon(options(side === 0 ? a : b, slice, true)));
  }
  return [merge(raw[0], a), merge(raw[1], b)];
}

/**
 * One result from a target's rounds: latencies and counts merged by autocannon;
 * requests/s recomputed from the rounds' own totals and durations, since the
 * merged result keeps only the first round's duration and no per-second samples.
 */
function merge(rounds: Result[], target: LoadTarget): LoadResult {
  const merged = summary(autocannon.aggregateResult(rounds, { url: `http://127.0.0.1:${target.port}`, connections: CONNECTIONS }));
  const requests = rounds.reduce((n, r) => n + r.totalCompletedRequests, 0);
  const seconds = rounds.reduce((s, r) => s + r.duration, 0);
  return { ...merged, requests, reqPerS: requests / seconds };
}
