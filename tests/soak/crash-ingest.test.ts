/**
 * Soak, issue 14 (ingest half): SIGKILL `parley serve` mid-ingest
 * PARLEY_SOAK_KILLS/2 times (default 100 of the 200), chained on one data
 * folder: no acknowledged article is ever lost, the corpus store always passes
 * quick_check, and each restart serves the graph file, which is the build of
 * the articles on disk (tests/hardening/ingest-kills.ts). Two seed articles
 * keep each restart short; runs beside crash-build.test.ts.
 */
import { afterAll, describe, it } from "vitest";
import { removeCodeSnapshot } from "../hardening/code-snapshot.ts";
import { runIngestKills } from "../hardening/ingest-kills.ts";
import { expectCleanKills } from "../hardening/expectations.ts";
import { countFromEnv, runSeed } from "../hardening/random.ts";

const KILLS = Math.floor(countFromEnv("PARLEY_SOAK_KILLS", 200) / 2);

afterAll(removeCodeSnapshot);

describe("soak: crash safety of live ingest", () => {
  it(`${KILLS} SIGKILLs mid-ingest lose no acknowledged article and leave no corrupt store; every restart serves the build of the folder`, async () => {
    expectCleanKills(await runIngestKills({ kills: KILLS, seed: runSeed(72_002), articles: ["001_b294f04f116ddbf6.txt", "002_5e83baba2592feae.txt"] }), KILLS);
  });
});
