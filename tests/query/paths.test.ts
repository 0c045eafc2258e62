/**
 * Path finding: property tests against a plain BFS on random multigraphs
 * (fast-check), allShortestPaths and k-shortest-paths invariants, the engine's
 * path() with evidence per hop, name resolution, search and "did you mean".
 */
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { GraphIndex } from "../../src/query/indexes/graph-index.ts";
import { createQueryEngine, UnknownNameError, type PathJSON } from "../../src/query/index.ts";
import { allShortestPaths, kShortestPaths } from "../../src/query/paths/path-variants.ts";
import { PathSearcher, type PathDirection } from "../../src/query/paths/path-search.ts";
import { fixtureGraph } from "./fixture-graph.ts";

const TYPES = ["a", "b", "met_with"];

const graphArb = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(...TYPES)), { maxLength: 60 }),
      from: fc.nat(n - 1),
      to: fc.nat(n - 1),
      direction: fc.constantFrom<PathDirection>("both", "right", "left"),
      only: fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }),
    }),
  );

function build(n: number, edges: Array<[number, number, string]>) {
  const g = new MultiDirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(`v${i}`, { label: `V${i}` });
  edges.forEach(([s, t, type]) => g.addEdge(`v${s}`, `v${t}`, { type }));
  return g;
}

/** Independent reference: BFS over an adjacency list built straight from the edge list. */
function bfsDistance(n: number, edges: Array<[number, number, string]>, from: number, to: number, direction: PathDirection, only?: string[]) {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t, type] of edges) {
    if (only && !only.includes(type)) continue;
    const twoWay = direction === "both" || type === "met_with";
    if (twoWay || direction === "right") adj[s].push(t);
    if (twoWay || direction === "left") adj[t].push(s);
  }
  const dist = new Array(n).fill(-1);
  dist[from] = 0;
  const queue = [from];
  while (queue.length) {
    const u = queue.shift()!;
    for (const v of adj[u]) if (dist[v] < 0) (dist[v] = dist[u] + 1), queue.push(v);
  }
  return dist[to];
}

describe("shortest paths (property-based)", () => {
  it("have the length a plain BFS finds, on random multigraphs, any direction and type filter", () => {
    fc.assert(
      fc.property(graphArb, ({ n, edges, from, to, direction, only }) => {
        const ix = new GraphIndex(build(n, edges));
        const searcher = new PathSearcher(ix);
        const path = searcher.shortest(from, to, { direction, mask: ix.typeMask(only) });
        const expected = bfsDistance(n, edges, from, to, direction, only);
        expect(path ? path.edges.length : -1).toBe(expected);
        if (path) {
          // The path is real: each edge joins consecutive nodes and passes the filter.
          path.edges.forEach((e, i) => {
            const ends = [ix.edgeSource[e], ix.edgeTarget[e]];
            expect(ends).toContain(path.nodes[i]);
            expect(ends).toContain(path.nodes[i + 1]);
            if (only) expect(only.map((t) => t.toUpperCase())).toContain(ix.typeName(e));
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it("allShortestPaths: every path has the BFS length, all distinct; k shortest: simple, sorted, distinct, first is shortest", () => {
    fc.assert(
      fc.property(graphArb, fc.integer({ min: 1, max: 5 }), ({ n, edges, from, to }, k) => {
        const ix = new GraphIndex(build(n, edges));
        const searcher = new PathSearcher(ix);
        const d = bfsDistance(n, edges, from, to, "both");
        const all = allShortestPaths(searcher, from, to);
        if (d < 0) {
          expect(all).toEqual([]);
          return;
        }
        for (const p of all) expect(p.edges.length).toBe(d);
        expect(new Set(all.map((p) => p.edges.join())).size).toBe(all.length);
        const ks = kShortestPaths(searcher, from, to, k);
        expect(ks.length).toBeGreaterThan(0);
        expect(ks.length).toBeLessThanOrEqual(k);
        expect(ks[0].edges.length).toBe(d);
        for (let i = 1; i < ks.length; i++) expect(ks[i].edges.length).toBeGreaterThanOrEqual(ks[i - 1].edges.length);
        for (const p of ks) expect(new Set(p.nodes).size).toBe(p.nodes.length);
        expect(new Set(ks.map((p) => p.nodes.join())).size).toBe(ks.length);
      }),
      { numRuns: 300 },
    );
  });

  it("shortestPath in Cypher agrees with the BFS too", async () => {
    await fc.assert(
      fc.asyncProperty(graphArb, async ({ n, edges, from, to }) => {
        const engine = createQueryEngine(build(n, edges));
        const r = await engine.run("MATCH p = shortestPath((a {id: $a})-[*0..]-(b {id: $b})) RETURN length(p)", { a: `v${from}`, b: `v${to}` });
        const d = bfsDistance(n, edges, from, to, "both");
        expect(r.rows).toEqual(d < 0 ? [] : [[d]]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("engine.path(), resolve(), search()", () => {
  const engine = createQueryEngine(fixtureGraph());

  it("finds the path between two aliases with evidence on every hop", () => {
    const result = engine.path("Rubio", "Mr. Putin");
    expect(result.from).toBe("marco-rubio");
    expect(result.to).toBe("vladimir-putin");
    const [p] = result.paths;
    expect(p.nodes[0].key).toBe("marco-rubio");
    expect(p.nodes.at(-1)!.key).toBe("vladimir-putin");
    expect(p.hops).toHaveLength(3);
    for (const h of p.hops) {
      expect(h.evidence.length).toBeGreaterThan(0);
      expect(["forward", "backward"]).toContain(h.direction);
    }
    expect(p.hops.at(-1)).toMatchObject({ source: "vladimir-putin", type: "considered", direction: "backward", label: "considered" });
  });

  it("restricts types and hop count", () => {
    expect(engine.path("Rubio", "Putin", { types: ["member_of"] })).toMatchObject({ paths: [], apart: 3 });
    // No path within 2 hops, and the answer says how far apart they are through anything.
    expect(engine.path("Rubio", "Putin", { max: 2 })).toMatchObject({ paths: [], apart: 3 });
    expect("apart" in engine.path("Rubio", "Putin")).toBe(false);
    const via = engine.path("Trump", "Putin", { types: ["NEGOTIATED_WITH"] });
    expect(via.paths[0].hops).toMatchObject([{ type: "negotiated_with", source: "donald-trump", target: "vladimir-putin", direction: "forward" }]);
  });

  it("says when two entities are not connected at all", () => {
    const g = new MultiDirectedGraph();
    for (const k of ["a", "b", "c"]) g.addNode(k, { label: k.toUpperCase() });
    g.addEdge("a", "b", { type: "met_with", evidence: [] });
    g.addEdge("b", "a", { type: "rejected", evidence: [] });
    const island = createQueryEngine(g);
    expect(island.path("A", "C")).toEqual({ from: "a", to: "c", paths: [], apart: null });
    expect(island.path("A", "C", { max: 1 })).toMatchObject({ paths: [], apart: null });
  });

  it("gives up to k shortest simple paths", () => {
    const { paths } = engine.path("Rubio", "Putin", { k: 3 });
    expect(paths).toHaveLength(3);
    expect(paths.map((p) => p.hops.length)).toEqual([3, 3, 4]);
  });

  it("raises UnknownNameError with suggestions on a miss", () => {
    let error: unknown;
    try {
      engine.path("Rubioo", "Putin");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UnknownNameError);
    expect((error as UnknownNameError).name).toBe("Rubioo");
    expect((error as UnknownNameError).suggestions).toContain("Marco Rubio");
  });

  it.each([
    ["Zelenskyy", "volodymyr-zelensky"],
    ["ZELENSKY", "volodymyr-zelensky"],
    ["Kyiv", "ukraine"],
    ["kyiv city", "kyiv-city"],
    ["Kyiv-City", "kyiv-city"],
    ["sudzha", "sudzha"],
    ["Witkoff", "steve-witkoff"],
    ["Dmitri S. Peskov", "dmitry-peskov"],
    ["nobody at all", null],
  ])("resolve(%s) → %s", (name, key) => {
    expect(engine.resolve(name)).toBe(key);
  });

  it("search ranks exact, prefix, word-prefix and substring hits, diacritics-insensitive", () => {
    const hits = engine.search("kyiv");
    expect(hits.map((h) => h.key)).toEqual(["ukraine", "kyiv-city"]);
    expect(hits[0].matched).toBe("Kyiv");
    expect(engine.search("pes")[0]).toMatchObject({ key: "dmitry-peskov", type: "actor" });
    expect(engine.search("ease-fire")[0].key).toBe("ceasefire-30-day");
    expect(engine.search("Ru", 2)).toHaveLength(2);
    expect(engine.search("")).toEqual([]);
  });
});

describe("console shortcuts", () => {
  const engine = createQueryEngine(fixtureGraph());

  it("path A -> B returns the path with evidence, like shortestPath", async () => {
    const r = await engine.run("path Rubio -> Putin");
    const cypher = await engine.run("MATCH p = shortestPath((a {name:'Marco Rubio'})-[*..6]-(b {name:'Vladimir Putin'})) RETURN p");
    const p = r.rows[0][0] as PathJSON;
    expect(p.nodes.map((n) => n.key)).toEqual((cypher.rows[0][0] as PathJSON).nodes.map((n) => n.key));
    for (const rel of p.relationships) expect((rel.properties.evidence as unknown[]).length).toBeGreaterThan(0);
  });

  it.each([
    ["path Trump -> Putin via NEGOTIATED_WITH", 1],
    ["path Rubio -> Putin via member_of", 0],
    ["path Rubio -> Putin max 2", 0],
    ['paths "Marco Rubio" -> Putin k 2', 2],
    ["paths Rubio -> Putin", 3],
    ["neighbors Sudzha", 2],
    ["neighbours Sudzha depth 2", 6],
    ["find kursk", 1],
  ])("%s gives %i rows", async (q, n) => {
    expect((await engine.run(q)).rows).toHaveLength(n);
  });

  it("answers a misspelt name with did-you-mean", async () => {
    await expect(engine.run("neighbors Peskof")).rejects.toThrow(/did you mean "Dmitry Peskov"/);
  });
});
