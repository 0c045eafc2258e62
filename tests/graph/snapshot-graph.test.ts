/**
 * SnapshotGraph, the graph loadGraph gives from a snapshot: usable before
 * graphology holds its nodes and edges, and from the outside no different
 * from the graph imported from graph.json — every method answers the same,
 * listeners never hear the loading, changes made through graphology are seen
 * by an engine built afterwards, and background loading finishes on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateGraph } from "../../bench/generate-graph.ts";
import { loadGraph, loadGraphFromJson, loadRestInBackground, saveGraph, type ParleyGraph } from "../../src/graph/persist.ts";
import { SnapshotGraph, structureOf } from "../../src/graph/snapshot/index.ts";
import { createQueryEngine } from "../../src/query/index.ts";

let dir: string;
let file: string;
let reference: ParleyGraph;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-snapshot-graph-"));
  file = join(dir, "graph.json");
  await saveGraph(generateGraph({ nodes: 500, edges: 3000, seed: 12 }), file);
  reference = await loadGraphFromJson(file);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fresh = async () => (await loadGraph(file)) as SnapshotGraph;

describe("before it is loaded", () => {
  it("knows its order, size and own attributes without loading", async () => {
    const graph = await fresh();
    expect(graph).toBeInstanceOf(SnapshotGraph);
    expect([graph.order, graph.size]).toEqual([reference.order, reference.size]);
    expect(graph.getAttribute("name")).toBe(reference.getAttribute("name"));
    expect(graph.getAttributes()).toEqual(reference.getAttributes());
    expect(graph.hasAttribute("articles")).toBe(true);
    expect(graph.loaded).toBe(false);
    expect(structureOf(graph)?.nodeCount).toBe(reference.order);
  });

  it.each([
    ["nodes()", (g: ParleyGraph) => g.nodes()],
    ["edges()", (g: ParleyGraph) => g.edges()],
    ["neighbors", (g: ParleyGraph) => g.neighbors("n1")],
    ["degree", (g: ParleyGraph) => g.degree("n3")],
    ["hasEdge", (g: ParleyGraph) => g.hasEdge(reference.edges()[7])],
    ["getNodeAttributes", (g: ParleyGraph) => g.getNodeAttributes("n2")],
    ["mapEdges", (g: ParleyGraph) => g.mapEdges((k, a, s, t) => [k, s, t, a.weight])],
    ["nodeEntries", (g: ParleyGraph) => [...g.nodeEntries()].map((e) => e.node)],
    ["directedSize", (g: ParleyGraph) => g.directedSize],
    ["selfLoopCount", (g: ParleyGraph) => g.selfLoopCount],
    ["toJSON", (g: ParleyGraph) => g.toJSON()],
  ])("%s loads it first and answers as graph.json's graph", async (_name, read) => {
    const graph = await fresh();
    expect(read(graph)).toEqual(read(reference));
    expect(graph.loaded).toBe(true);
  });
});

describe("events and changes", () => {
  it("a listener added before loading does not hear it, and hears changes after", async () => {
    const graph = await fresh();
    const heard: string[] = [];
    graph.on("nodeAdded", ({ key }) => heard.push(key));
    graph.on("edgeAdded", ({ key }) => heard.push(key));
    expect(graph.loaded).toBe(true);
    expect(heard).toEqual([]);
    graph.addNode("brand-new", { label: "Brand New", type: "actor", aliases: [], mentions: 1, articles: [], x: 0, y: 0, size: 1, color: "#000" });
    expect(heard).toEqual(["brand-new"]);
  });

  it("an engine built after a change through graphology sees the change", async () => {
    const graph = await fresh();
    createQueryEngine(graph); // indexes the snapshot's structure
    graph.addNode("brand-new", { label: "Brand New Person", type: "actor", aliases: [], mentions: 1, articles: [], x: 0, y: 0, size: 1, color: "#000" });
    graph.addDirectedEdgeWithKey("brand-new|met_with|n1", "brand-new", "n1", { type: "met_with", label: "met with", weight: 1, evidence: [], firstSeen: null, lastSeen: null });
    expect(structureOf(graph)).toBeUndefined();
    const engine = createQueryEngine(graph);
    const result = await engine.run("MATCH (a {name: 'Brand New Person'})-[:MET_WITH]-(b) RETURN b.id");
    expect(result.rows).toEqual([["n1"]]);
  });

  it("an edge attribute change forgets the structure too", async () => {
    const graph = await fresh();
    graph.load();
    expect(structureOf(graph)).toBeDefined();
    graph.setEdgeAttribute(graph.edges()[0], "type", "rejected");
    expect(structureOf(graph)).toBeUndefined();
  });
});

describe("background loading", () => {
  it("finishes on its own between other work, and the graph then equals graph.json's", async () => {
    const graph = await fresh();
    loadRestInBackground(graph);
    let turns = 0;
    while (!graph.loaded && turns++ < 2000) await new Promise((r) => setTimeout(r, 5));
    expect(graph.loaded).toBe(true);
    expect(turns).toBeGreaterThan(0);
    expect(graph.export()).toEqual(reference.export());
  });

  it("is harmless on a graph read from graph.json", async () => {
    const graph = await loadGraphFromJson(file);
    expect(() => loadRestInBackground(graph)).not.toThrow();
  });
});
