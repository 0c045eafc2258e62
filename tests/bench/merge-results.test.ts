/**
 * `parley bench --only`: a run of some tasks folds into the results file —
 * their figures replaced in place (same name and workload), figures of theirs
 * not measured again dropped, new ones appended, every other task's left as
 * it was, notes merged, the run listed under `updates` — and an unknown task
 * is refused before anything runs.
 */
import { describe, expect, it } from "vitest";
import { mergeResults } from "../../bench/report.ts";
import { runBench } from "../../bench/run.ts";
import { BenchError, type BenchResults, type Figure } from "../../bench/task-types.ts";

const machine = { cpus: "cpu", cores: 2, memoryGB: 8, node: "v20", platform: "linux-x64" };
const fig = (name: string, workload: string, parley: number): Figure => ({ name, workload, unit: "ms", parley, peer: null, peerName: null, ratio: null });

const earlier: BenchResults = {
  machine,
  date: "2026-12-03T00:00:00.000Z",
  mode: "full",
  figures: [
    fig("shortestPath p50", "100k/1M", 1),
    fig("cold start to first query", "10k/100k", 2),
    fig("cold start server peak RSS (graph whole)", "100k/1M", 1568),
    fig("cold start to first query", "100k/1M", 3),
    fig("ingest ack p50", "10,000 articles", 4),
  ],
  notes: { "cold start 100k/1M": { "parley.rows": 4, "parley.listeningS": 1.6 }, "corpus 10,000 articles": { build: { coldS: 20 }, ingest: { ackP50: 4 } }, other: 1 },
};

const partial: BenchResults = {
  machine,
  date: "2026-12-04T00:00:00.000Z",
  mode: "full",
  figures: [fig("cold start to first query", "100k/1M", 2.5), fig("cold start server peak RSS (graph whole)", "100k/1M", 1400), fig("cold start to first query", "1k/5k", 0.5)],
  notes: { "cold start 100k/1M": { "parley.listeningS": 1.2 }, "corpus 10,000 articles": { ingest: { ackP50: 3 } } },
};

describe("mergeResults", () => {
  const merged = mergeResults(earlier, partial, ["cold-start"]);

  it("replaces the tasks' figures in place, drops those not measured again, appends new ones, keeps the rest", () => {
    expect(merged.figures.map((f) => [f.name, f.workload, f.parley])).toEqual([
      ["shortestPath p50", "100k/1M", 1],
      ["cold start server peak RSS (graph whole)", "100k/1M", 1400],
      ["cold start to first query", "100k/1M", 2.5],
      ["ingest ack p50", "10,000 articles", 4],
      ["cold start to first query", "1k/5k", 0.5],
    ]);
  });

  it("merges notes one level down and keeps the whole run's date, listing this run under updates", () => {
    expect(merged.notes).toEqual({ "cold start 100k/1M": { "parley.rows": 4, "parley.listeningS": 1.2 }, "corpus 10,000 articles": { build: { coldS: 20 }, ingest: { ackP50: 3 } }, other: 1 });
    expect(merged.date).toBe(earlier.date);
    expect(merged.updates).toEqual([{ date: partial.date, mode: "full", tasks: ["cold-start"], machine }]);
    expect(mergeResults(merged, partial, ["corpus-ingest"]).updates?.map((u) => u.tasks)).toEqual([["cold-start"], ["corpus-ingest"]]);
  });

  it("without an earlier file, is the partial run with its update", () => {
    expect(mergeResults(null, partial, ["cold-start"])).toMatchObject({ figures: partial.figures, updates: [{ tasks: ["cold-start"] }] });
  });
});

describe("runBench({ only })", () => {
  it("refuses an unknown task before running anything", async () => {
    await expect(runBench({ quick: true, out: "/nonexistent/results.json", only: ["cold-start", "nope"], log: () => {} })).rejects.toBeInstanceOf(BenchError);
  });
});
