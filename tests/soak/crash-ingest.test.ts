/**
 * Soak, issue 7 item 2 (ingest half): SIGKILL `parley serve` mid-ingest
 * PARLEY_SOAK_KILLS/2 times (default 100 of the 200), chained on one data
 * folder; each restart must serve exactly the graph file, which must be the
 * previous graph or the complete new one. Two seed articles keep each restart
 * short; runs beside crash-build.test.ts.
 */
import { afterAll, describe, it } from "vitest";
import { removeCodeSnapshot } from "../hardening/code-snapshot.ts";
import { runIngestKills } from "../hardening/ingest-kills.ts";
import { expectCleanKills } from "../hardening/expectations.ts";
import { countFromEnv, runSeed } from "../hardening/random.ts";

const KILLS = Math.floor(countFromEnv("PARLEY_SOAK_KILLS", 200) / 2);

afterAll(removeCodeSnapshot);

describe("soak: crash safety of live ingest", () => {
  it(`${KILLS} SIGKILLs mid-ingest leave the previous or the new graph, and every restart serves the file`, async () => {
    expectCleanKills(await runIngestKills({ kills: KILLS, seed: runSeed(72_002), articles: ["001_b294f04f116ddbf6.txt", "002_5e83baba2592feae.txt"] }), KILLS);
  });
});
