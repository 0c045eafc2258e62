/**
 * Issue 7 item 2, the quick version in `npm test`: SIGKILL the real `parley build`
 * and the real `parley serve` mid-ingest PARLEY_KILLS times in all (default 20,
 * half each; `npm run soak` does 200) and check that the graph file is always
 * the previous or the new complete graph, never partial. Small article sets keep
 * it cheap.
 */
import { describe, expect, it } from "vitest";
import { runBuildKills } from "./build-kills.ts";
import { runIngestKills } from "./ingest-kills.ts";
import { countFromEnv, runSeed } from "./random.ts";

const KILLS = countFromEnv("PARLEY_KILLS", 20);
const SEED = runSeed(7_002);
// The two shortest seed articles: a build takes little more than the CLI's startup.
const SMALL_SET = ["001_b294f04f116ddbf6.txt", "002_5e83baba2592feae.txt"];

describe("crash safety under SIGKILL", () => {
  it(`parley build killed ${Math.ceil(KILLS / 2)} times leaves the previous or the new graph`, async () => {
    const report = await runBuildKills({ kills: Math.ceil(KILLS / 2), seed: SEED, articles: SMALL_SET, verifyEvery: 100 });
    console.log(report.format());
    expect(report.landed).toBe(Math.ceil(KILLS / 2));
    expect(report.corruptions()).toBe(0);
    expect(report.failures).toEqual([]);
  }, 300_000);

  it(`parley serve killed ${Math.floor(KILLS / 2)} times mid-ingest leaves the previous or the new graph and restarts on it`, async () => {
    const report = await runIngestKills({ kills: Math.floor(KILLS / 2), seed: SEED, articles: SMALL_SET });
    console.log(report.format());
    expect(report.landed).toBe(Math.floor(KILLS / 2));
    expect(report.corruptions()).toBe(0);
    expect(report.failures).toEqual([]);
  }, 300_000);
});
