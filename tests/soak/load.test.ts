/**
 * Soak, issue 7 item 7: 50 keep-alive connections for 60 s of mixed search /
 * node / path / console requests plus an article post every 5 s against the
 * real `parley serve`. Zero non-2xx outside deliberate bad requests, no lost
 * post, per-route p99 printed, and the graph on disk equal to the one in memory
 * at the end. Runs after the crash soaks so they do not share the cores.
 */
import { afterAll, describe, it } from "vitest";
import { removeCodeSnapshot } from "../hardening/code-snapshot.ts";
import { runLoadScenario } from "../hardening/load-scenario.ts";
import { expectCleanLoad } from "../hardening/expectations.ts";
import { countFromEnv, runSeed } from "../hardening/random.ts";

const SECONDS = countFromEnv("PARLEY_SOAK_SECONDS", 60);

afterAll(removeCodeSnapshot);

describe("soak: server under load", () => {
  it(`50 connections for ${SECONDS} s: only 2xx, no lost post, graph on disk equals graph in memory`, async () => {
    expectCleanLoad(await runLoadScenario({ connections: 50, seconds: SECONDS, postEveryMs: 5_000, seed: runSeed(72_007) }));
  });
});
