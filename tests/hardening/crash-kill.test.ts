/**
 * Issue 7 item 2, the quick version in `npm test`: SIGKILL the real `parley build`
 * and the real `parley serve` mid-ingest PARLEY_KILLS times in all (default 20,
 * half each; `npm run soak` does 200, tests/soak/crash-*.test.ts) and check that
 * the graph file is always the previous or the new complete graph, never
 * partial, and that a later build or restart works on what is left. The two
 * shortest seed articles keep each run little more than the CLI's startup.
 */
import { afterAll, describe, it } from "vitest";
import { removeCodeSnapshot } from "./code-snapshot.ts";
import { runBuildKills } from "./build-kills.ts";
import { runIngestKills } from "./ingest-kills.ts";
import { expectCleanKills } from "./expectations.ts";
import { countFromEnv, runSeed } from "./random.ts";

const KILLS = countFromEnv("PARLEY_KILLS", 20);
const SEED = runSeed(7_002);
const SMALL_SET = ["001_b294f04f116ddbf6.txt", "002_5e83baba2592feae.txt"];
const [BUILD_KILLS, INGEST_KILLS] = [Math.ceil(KILLS / 2), Math.floor(KILLS / 2)];

afterAll(removeCodeSnapshot);

describe("crash safety under SIGKILL", () => {
  it(`parley build killed ${BUILD_KILLS} times leaves the previous or the new graph`, async () => {
    expectCleanKills(await runBuildKills({ kills: BUILD_KILLS, seed: SEED, articles: SMALL_SET, verifyEvery: Infinity }), BUILD_KILLS);
  }, 600_000);

  it(`parley serve killed ${INGEST_KILLS} times mid-ingest loses no acknowledged article, keeps the store sound and restarts on the build of the folder`, async () => {
    expectCleanKills(await runIngestKills({ kills: INGEST_KILLS, seed: SEED, articles: SMALL_SET }), INGEST_KILLS);
  }, 600_000);
});
