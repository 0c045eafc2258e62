/**
 * The engine built in steps (what a server builds between requests at start)
 * and the engine whose names follow in the background (the query worker's)
 * answer exactly as the engine built at once; a call that needs the names
 * before they are done finishes them; a failure in a step surfaces on use.
 */
import { describe, expect, it } from "vitest";
import { generateGraph } from "../../bench/generate-graph.ts";
import { createQueryEngine, createQueryEngineInSteps, Stepped } from "../../src/query/index.ts";

// Large enough for every loop of the index and the names to pause several times.
const graph = generateGraph({ nodes: 20_000, edges: 150_000, seed: 11 });
// These compare answers, not speed: the 2 s default time guard is for users, and two aggregations over
// 150k relationships outgrew it under a loaded CI machine (~0.2 s when idle).
const ROOM = { timeoutMs: 60_000 };
const QUERIES = ["MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC", "MATCH (a)-[r]->(b) RETURN type(r) AS t, count(*) AS n ORDER BY t", "neighbors " + graph.getNodeAttribute(graph.nodes()[7], "label")];

async function answers(engine: ReturnType<typeof createQueryEngine>) {
  const label = (k: number) => graph.getNodeAttribute(graph.nodes()[k], "label") as string;
  const tables = [];
  for (const q of QUERIES) tables.push((await engine.run(q)).rows);
  return { tables, search: engine.search(label(3).slice(0, 4), 10), resolve: engine.resolve(label(5)), path: engine.path(label(1), label(2)) };
}

describe("a query engine built in steps", () => {
  it("pauses many times and answers as the engine built at once", async () => {
    const steps = createQueryEngineInSteps(graph, ROOM);
    let pauses = 0;
    let next = steps.next();
    while (!next.done) (pauses++, (next = steps.next()));
    expect(pauses).toBeGreaterThan(20);
    expect(await answers(next.value)).toEqual(await answers(createQueryEngine(graph, ROOM)));
  });

  it("with names in the background, answers openCypher at once and shortcuts, search and paths as before", async () => {
    const engine = createQueryEngine(graph, ROOM, { names: "background" });
    expect(await answers(engine)).toEqual(await answers(createQueryEngine(graph, ROOM)));
  });

  it("Stepped finishes on its own between other work, or at once when asked, and keeps a failure for whoever asks", async () => {
    const background = new Stepped(createQueryEngineInSteps(graph)).inBackground();
    expect(background.done).toBe(false);
    while (!background.done) await new Promise((r) => setImmediate(r));
    expect(background.value.resolve(graph.getNodeAttribute(graph.nodes()[0], "label"))).toBe(graph.nodes()[0]);
    const failing = new Stepped(
      (function* () {
        yield;
        throw new Error("step failed");
      })(),
    ).inBackground();
    await new Promise((r) => setTimeout(r, 10));
    expect(failing.done).toBe(true);
    expect(() => failing.value).toThrow("step failed");
  });
});
