/**
 * The six example queries of DESIGN.md ("Query console language"): exact rows on
 * the hand-built fixture graph, and on the seed graph (when graph-data/graph.json
 * exists) rows recomputed from the graph itself with plain graphology calls.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadGraph, type ParleyGraph } from "../../src/graph/persist.ts";
import { createQueryEngine, type PathJSON } from "../../src/query/index.ts";
import { fixtureGraph } from "./fixture-graph.ts";

export const EXAMPLES = {
  neighbors: "MATCH (a:Actor {name: 'Marco Rubio'})-[r]-(b) RETURN b.name, type(r)",
  rejected: "MATCH (o)-[:REJECTED]->(p:Proposal) RETURN o.name, p.name",
  shortest: "MATCH p = shortestPath((a {name: 'Marco Rubio'})-[*..6]-(b {name: 'Vladimir Putin'})) RETURN p",
  allShortest: "MATCH p = allShortestPaths((a:Actor {name: 'Donald Trump'})-[*]-(b:Actor {name: 'Volodymyr Zelensky'})) RETURN p",
  witkoff: "MATCH (a)-[:NEGOTIATED_WITH|MET_WITH]-(b) WHERE a.name CONTAINS 'Witkoff' RETURN DISTINCT b.name ORDER BY b.name",
  types: "MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC",
};

const sortRows = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();

/** A path is well formed: consecutive relationships join consecutive nodes, each with evidence. */
function checkPath(p: PathJSON, from: string, to: string, hops: number) {
  expect(p.kind).toBe("path");
  expect(p.relationships).toHaveLength(hops);
  expect(p.nodes[0].properties.name).toBe(from);
  expect(p.nodes.at(-1)!.properties.name).toBe(to);
  p.relationships.forEach((r, i) => {
    expect([r.start, r.end].sort()).toEqual([p.nodes[i].key, p.nodes[i + 1].key].sort());
    const evidence = r.properties.evidence as Array<{ sentence: string }>;
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(e.sentence.length).toBeGreaterThan(0);
  });
}

describe("DESIGN.md examples on the fixture graph", () => {
  const engine = createQueryEngine(fixtureGraph());

  it("neighbors of Marco Rubio with relationship types", async () => {
    const r = await engine.run(EXAMPLES.neighbors);
    expect(r.columns).toEqual(["b.name", "type(r)"]);
    expect(sortRows(r.rows)).toEqual(
      sortRows([["United States", "MEMBER_OF"], ["Ukraine", "NEGOTIATED_WITH"], ["Jeddah", "VISITED"], ["Sergey Lavrov", "MET_WITH"]]),
    );
  });

  it("who rejected which proposal", async () => {
    const r = await engine.run(EXAMPLES.rejected);
    expect(sortRows(r.rows)).toEqual(sortRows([["Kremlin", "30-day cease-fire proposal"], ["Russia", "30-day cease-fire proposal"]]));
  });

  it("shortest path Rubio → Putin carries evidence on every hop", async () => {
    const r = await engine.run(EXAMPLES.shortest);
    expect(r.rows).toHaveLength(1);
    checkPath(r.rows[0][0] as PathJSON, "Marco Rubio", "Vladimir Putin", 3);
  });

  it("all shortest paths Trump → Zelensky", async () => {
    const r = await engine.run(EXAMPLES.allShortest);
    expect(r.rows).toHaveLength(1);
    checkPath(r.rows[0][0] as PathJSON, "Donald Trump", "Volodymyr Zelensky", 1);
    expect((r.rows[0][0] as PathJSON).relationships[0].type).toBe("CRITICIZED");
  });

  it("Witkoff's negotiation and meeting partners, symmetric types walked both ways", async () => {
    const r = await engine.run(EXAMPLES.witkoff);
    expect(r.rows).toEqual([["Russia"], ["Vladimir Putin"]]);
  });

  it("node count per label, largest first", async () => {
    const r = await engine.run(EXAMPLES.types);
    expect(r.columns).toEqual(["type", "n"]);
    expect(r.rows[0]).toEqual(["Actor", 7]);
    expect(sortRows(r.rows)).toEqual(sortRows([["Actor", 7], ["Organization", 4], ["Location", 4], ["Proposal", 1]]));
  });
});

const SEED = "graph-data/graph.json";

describe.skipIf(!existsSync(SEED))("DESIGN.md examples on the seed graph (expected rows recomputed from the graph)", async () => {
  const graph: ParleyGraph = existsSync(SEED) ? await loadGraph(SEED) : fixtureGraph();
  const engine = createQueryEngine(graph);
  const byLabel = (label: string) => graph.findNode((_k, a) => a.label === label);
  const name = (k: string) => graph.getNodeAttribute(k, "label");

  /** Plain BFS over graphology neighbors, direction ignored: hop distance or -1. */
  function distance(from: string, to: string, max = Infinity): number {
    const seen = new Map([[from, 0]]);
    let frontier = [from];
    for (let d = 0; frontier.length && d < max; d++) {
      const next: string[] = [];
      for (const u of frontier) for (const v of graph.neighbors(u)) if (!seen.has(v)) (seen.set(v, d + 1), next.push(v));
      if (seen.has(to)) return seen.get(to)!;
      frontier = next;
    }
    return from === to ? 0 : -1;
  }

  it("neighbors of Marco Rubio", async () => {
    const rubio = byLabel("Marco Rubio");
    const expected: unknown[][] = [];
    if (rubio && graph.getNodeAttribute(rubio, "type") === "actor")
      graph.forEachEdge(rubio, (_e, a, s, t) => expected.push([name(s === rubio ? t : s), a.type.toUpperCase()]));
    expect(sortRows((await engine.run(EXAMPLES.neighbors)).rows)).toEqual(sortRows(expected));
  });

  it("who rejected which proposal", async () => {
    const expected: unknown[][] = [];
    graph.forEachEdge((_e, a, s, t) => {
      if (a.type === "rejected" && graph.getNodeAttribute(t, "type") === "proposal") expected.push([name(s), name(t)]);
    });
    expect(sortRows((await engine.run(EXAMPLES.rejected)).rows)).toEqual(sortRows(expected));
  });

  it("shortest path Rubio → Putin has the BFS length and evidence on every hop", async () => {
    const [a, b] = [byLabel("Marco Rubio"), byLabel("Vladimir Putin")];
    const d = a && b ? distance(a, b, 6) : -1;
    const rows = (await engine.run(EXAMPLES.shortest)).rows;
    if (d < 1) return expect(rows).toEqual([]);
    expect(rows).toHaveLength(1);
    checkPath(rows[0][0] as PathJSON, "Marco Rubio", "Vladimir Putin", d);
  });

  it("all shortest paths Trump → Zelensky: right length, distinct, as many as a BFS count", async () => {
    const [a, b] = [byLabel("Donald Trump"), byLabel("Volodymyr Zelensky")];
    const rows = (await engine.run(EXAMPLES.allShortest)).rows;
    if (!a || !b || distance(a, b) < 1) return expect(rows).toEqual([]);
    const d = distance(a, b);
    // Count shortest paths (parallel edges counted separately) by dynamic programming over BFS layers.
    const dist = new Map([[a, 0]]);
    const ways = new Map([[a, 1]]);
    let frontier = [a];
    while (frontier.length) {
      const next: string[] = [];
      for (const u of frontier)
        graph.forEachEdge(u, (_e, _attrs, s, t) => {
          const v = s === u ? t : s;
          if (!dist.has(v)) (dist.set(v, dist.get(u)! + 1), ways.set(v, 0), next.push(v));
          if (dist.get(v) === dist.get(u)! + 1) ways.set(v, ways.get(v)! + ways.get(u)!);
        });
      frontier = next;
    }
    expect(rows).toHaveLength(ways.get(b)!);
    for (const [p] of rows) checkPath(p as PathJSON, "Donald Trump", "Volodymyr Zelensky", d);
    expect(new Set(rows.map(([p]) => (p as PathJSON).relationships.map((r) => r.key).join())).size).toBe(rows.length);
  });

  it("Witkoff's partners", async () => {
    const names = new Set<string>();
    graph.forEachEdge((_e, a, s, t) => {
      if (a.type !== "negotiated_with" && a.type !== "met_with") return;
      if (name(s).includes("Witkoff")) names.add(name(t));
      if (name(t).includes("Witkoff")) names.add(name(s));
    });
    expect((await engine.run(EXAMPLES.witkoff)).rows).toEqual([...names].sort().map((n) => [n]));
  });

  it("node count per label", async () => {
    const counts = new Map<string, number>();
    graph.forEachNode((_k, a) => {
      const label = a.type[0].toUpperCase() + a.type.slice(1);
      counts.set(label, (counts.get(label) ?? 0) + 1);
    });
    const rows = (await engine.run(EXAMPLES.types)).rows;
    expect(sortRows(rows)).toEqual(sortRows([...counts]));
    expect(rows.map((r) => r[1])).toEqual([...counts.values()].sort((x, y) => y - x));
  });
});
