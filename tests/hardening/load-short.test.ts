/**
 * Issue 7 item 7, the short run in `npm test` (the 60 s × 50-connection soak is
 * tests/soak/load.test.ts, same code): the real server under mixed search / node
 * / path / console traffic plus article posts answers nothing but 2xx (outside
 * deliberate bad requests), loses no post, and ends with the graph in memory
 * equal to the graph file. Latency figures are printed, not asserted.
 */
import { describe, expect, it } from "vitest";
import { failedRoutes, runLoadScenario } from "./load-scenario.ts";
import { runSeed } from "./random.ts";

describe("server under load (short)", () => {
  it("10 connections for 8 s: only 2xx, no lost post, graph on disk equals graph in memory", async () => {
    const outcome = await runLoadScenario({ connections: 10, seconds: 8, postEveryMs: 3_000, seed: runSeed(7_007) });
    console.log(outcome.table);
    console.log(`final graph: ${outcome.nodes} nodes, ${outcome.edges} edges; disk vs memory: ${outcome.diskVsMemory.length ? outcome.diskVsMemory.join("; ") : "equal"}; SIGTERM exit ${outcome.exit.code ?? outcome.exit.signal}`);
    expect(failedRoutes(outcome.result)).toEqual([]);
    expect(outcome.result.posted.length).toBeGreaterThanOrEqual(1);
    for (const route of ["search", "node", "path", "query:cypher", "query:shortcut", "bad-request"]) expect(outcome.result.routes.get(route)?.count ?? 0, route).toBeGreaterThan(0);
    expect(outcome.lostPosts).toEqual([]);
    expect(outcome.diskVsMemory).toEqual([]);
    expect(outcome.exit.code).toBe(0);
  }, 120_000);
});
