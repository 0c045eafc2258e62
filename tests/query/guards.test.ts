/**
 * Guards: each one stops a runaway query with a QueryGuardError naming it, and
 * the engine keeps answering afterwards. Includes the acceptance check:
 * an unbounded `MATCH p = (a)-[*]-(b) RETURN p` on a generated 100k-edge graph
 * ends with a guard error (its duration is measured by the benchmark, not asserted).
 */
import { describe, expect, it } from "vitest";
import { generateGraph } from "../../bench/generate-graph.ts";
import { createQueryEngine, DEFAULT_LIMITS, QueryGuardError } from "../../src/query/index.ts";
import { fixtureGraph } from "./fixture-graph.ts";

async function guardOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(QueryGuardError);
    return (err as QueryGuardError).guard;
  }
  throw new Error("expected a guard error");
}

describe("guards", () => {
  const graph = generateGraph({ nodes: 10_000, edges: 100_000, seed: 3 });

  it("are on by default: 2 s, 10,000 rows, a cap on expansions", () => {
    expect(DEFAULT_LIMITS).toMatchObject({ timeoutMs: 2000, maxRows: 10_000 });
    expect(createQueryEngine(fixtureGraph()).limits.maxExpansions).toBeGreaterThan(0);
  });

  // How long it takes is a benchmark figure, not an assertion (house rule: no timed assertions; a loaded CI
  // machine must not fail it): the default guards, time among them, must end it with a guard error.
  it("stop an unbounded variable-length match on a 100k-edge graph with a guard error, then keep serving", async () => {
    expect(graph.size).toBe(100_000);
    const engine = createQueryEngine(graph);
    const guard = await guardOf(engine.run("MATCH p = (a)-[*]-(b) RETURN p"));
    expect(["time", "rows", "expansions"]).toContain(guard);
    expect((await engine.run("MATCH (n) RETURN count(n)")).rows).toEqual([[10_000]]);
  });

  it.each<[string, object, string, string]>([
    ["rows", { maxRows: 50 }, "MATCH (n) RETURN n.name", "rows"],
    ["expansions", { maxExpansions: 1000 }, "MATCH (a)-[*]-(b) RETURN count(*)", "expansions"],
    ["time", { timeoutMs: 20, maxExpansions: 1e12, maxRows: 1e12 }, "MATCH (a)-[*]-(b) RETURN count(*)", "time"],
    ["time on a cartesian product", { timeoutMs: 20 }, "MATCH (a), (b) RETURN count(*)", "time"],
    ["expansions in shortestPath over many pairs", { maxExpansions: 5000 }, "MATCH p = shortestPath((a)-[*]-(b)) RETURN count(p)", "expansions"],
  ])("%s guard", async (_name, limits, query, expected) => {
    const engine = createQueryEngine(graph, limits);
    expect(await guardOf(engine.run(query))).toBe(expected);
    expect((await engine.run("RETURN 1")).rows).toEqual([[1]]);
  });

  it("LIMIT keeps a query under the row guard by stopping the match early", async () => {
    const engine = createQueryEngine(graph, { maxRows: 100 });
    const r = await engine.run("MATCH p = (a)-[*]-(b) RETURN p LIMIT 5");
    expect(r.rows).toHaveLength(5);
  });

  it("the error message names the guard", async () => {
    const engine = createQueryEngine(fixtureGraph(), { maxRows: 2 });
    await expect(engine.run("MATCH (n) RETURN n")).rejects.toThrow(/rows guard/);
  });

  it("rejects nonsense limits", () => {
    expect(() => createQueryEngine(fixtureGraph(), { timeoutMs: -1 })).toThrow(TypeError);
  });
});
