/**
 * A query runner without a worker: runs console queries on the server's own
 * engine, under the cooperative guards only. For embedding and for tools that
 * do not want a second copy of the graph in memory (`queryWorker: false`); a
 * query that does not reach a guard check blocks the event loop while it runs.
 */
import type { QueryRunner } from "./runner.ts";
import type { createQueryEngine } from "../../query/index.ts";

export function inProcessRunner(engineOf: () => ReturnType<typeof createQueryEngine>): QueryRunner {
  return {
    run: async (query, params) => JSON.stringify(await engineOf().run(query, params)),
    hold() {},
    reload() {},
    ready: async () => {},
    close: async () => {},
    restarts: 0,
  };
}
