/**
 * Issue 7 item 7, the short run in `npm test` (the 60 s × 50-connection soak is
 * tests/soak/load.test.ts, same code): the real server under mixed search / node
 * / path / console traffic plus article posts answers nothing but 2xx (outside
 * deliberate bad requests), loses no post, and ends with the graph in memory
 * equal to the graph file. Latency figures are printed, not asserted.
 */
import { afterAll, describe, it } from "vitest";
import { removeCodeSnapshot } from "./code-snapshot.ts";
import { runLoadScenario } from "./load-scenario.ts";
import { expectCleanLoad } from "./expectations.ts";
import { runSeed } from "./random.ts";

afterAll(removeCodeSnapshot);

describe("server under load (short)", () => {
  it("10 connections for 8 s: only 2xx, no lost post, graph on disk equals graph in memory", async () => {
    expectCleanLoad(await runLoadScenario({ connections: 10, seconds: 8, postEveryMs: 3_000, seed: runSeed(7_007) }));
  }, 120_000);
});
