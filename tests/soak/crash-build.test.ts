/**
 * Soak, issue 7 item 2 (build half): SIGKILL `parley build` over all seed
 * articles PARLEY_SOAK_KILLS/2 times (default 100 of the 200), at seeded moments
 * spread over whole runs and at the graph write, over an existing previous
 * graph. Runs beside crash-ingest.test.ts, one core each.
 */
import { afterAll, describe, it } from "vitest";
import { removeCodeSnapshot } from "../hardening/code-snapshot.ts";
import { runBuildKills } from "../hardening/build-kills.ts";
import { seedArticleFiles } from "../hardening/data-dir.ts";
import { expectCleanKills } from "../hardening/expectations.ts";
import { countFromEnv, runSeed } from "../hardening/random.ts";

const KILLS = Math.ceil(countFromEnv("PARLEY_SOAK_KILLS", 200) / 2);

afterAll(removeCodeSnapshot);

describe("soak: crash safety of parley build", () => {
  it(`${KILLS} SIGKILLs leave the previous or the new graph, and the next build succeeds`, async () => {
    expectCleanKills(await runBuildKills({ kills: KILLS, seed: runSeed(72_001), articles: await seedArticleFiles() }), KILLS);
  });
});
