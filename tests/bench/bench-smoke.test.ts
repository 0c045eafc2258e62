/**
 * Smoke test of the benchmark: the quick run's tasks on a tiny generated graph,
 * each in its child process, must write a results.json of the agreed shape with
 * every figure family present, ratios equal to parley / peer, the GEXF valid
 * against the XSD and every shortest path as long as graphology's. No timing
 * is asserted.
 */
import { describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBench } from "../../bench/run.ts";
import { percentile } from "../../bench/stats.ts";
import { pool } from "../../bench/pool.ts";

const REQUIRED = [
  "shortestPath p50", "shortestPath p99", "gexf export s", "gexf export peak MB", "graphml export s", "load s",
  "extraction words/s", "extraction words/s/core", "api/search req/s", "api/nodes/:id req/s", "api/path req/s", "api/path p99",
  "console shortestPath p99", "console allShortestPaths p99",
  "build, cold store s", "build, warm store s", "ingest ack p99", "ingest served p99", "search p99 during ingests",
  "metrics in a worker s", "metrics betweenness s", "metrics main thread longest gap", "explorer first frame", "explorer pan+zoom fps", "explorer zoom fps", "cli start p50", "cli start p90",
];

describe("parley bench (tiny workload)", () => {
  it("writes results.json with machine, date and side-by-side figures", { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "parley-bench-"));
    try {
      const out = join(dir, "results.json");
      await runBench({ quick: true, out, workloads: [{ name: "300/2k", nodes: 300, edges: 2000 }], extractionWords: 500, serverSeconds: 1, corpusArticles: 40, explorerWorkloads: [{ name: "200/500", nodes: 200, edges: 500 }], log: () => {} });
      const results = JSON.parse(await readFile(out, "utf8"));
      expect(Object.keys(results).sort()).toEqual(["date", "figures", "machine", "mode", "notes"]);
      expect(results.machine.cores).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(results.date))).toBe(false);
      const names = results.figures.map((f: { name: string }) => f.name);
      for (const name of REQUIRED) expect(names).toContain(name);
      for (const f of results.figures) {
        expect(Object.keys(f).sort()).toEqual(["name", "parley", "peer", "peerName", "ratio", "unit", "workload"]);
        expect(typeof f.parley).toBe("number");
        if (f.peer === null) expect(f.ratio).toBeNull();
        else if (f.peer > 0) expect(f.ratio).toBeCloseTo(f.parley / f.peer, 1);
      }
      expect(results.figures.find((f: { name: string }) => f.name === "shortestPath p50").workload).toBe("300/2k");
      expect(results.notes["gexf 300/2k GEXF 1.3 XSD"].valid).toBe(true);
      expect(results.notes["shortest-path 300/2k"].lengthMismatches).toBe(0);
      expect(results.notes["extraction profile (self time, % of samples)"].functions.length).toBeGreaterThan(0);
      for (const route of ["/api/search", "/api/nodes/:id", "/api/path"]) expect(results.notes["server 300/2k"][route].non2xx).toBe(0);
      // The page drew frames during the gesture, on both renderings; the statistics found communities.
      for (const f of results.figures.filter((f: { name: string }) => f.name === "explorer pan+zoom fps")) (expect(f.parley).toBeGreaterThan(0), expect(f.peer).toBeGreaterThan(0));
      expect(results.notes["metrics 300/2k"].communities).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("bench helpers", () => {
  it.each([
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 99, 4],
    [[5], 99, 5],
  ])("percentile(%j, %i) = %i", (sorted, p, expected) => expect(percentile(sorted, p)).toBe(expected));

  it("pool keeps job order and never runs more than its width at once", async () => {
    let running = 0, most = 0;
    const job = (i: number) => async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5 * (5 - i)));
      running--;
      return i;
    };
    expect(await pool([0, 1, 2, 3, 4].map(job), 2)).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });
});
