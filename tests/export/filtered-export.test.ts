/**
 * Exports of what the explorer shows: `GET /api/export` with the explorer's filter
 * parameters writes exactly the nodes and edges the canvas keeps for them (the
 * same core function decides both), read back by outside tools — NetworkX for
 * GEXF and GraphML, csv-parse for the CSV tables — on a real server over the
 * seed graph. Evidence sentences travel as edge attributes on request; bad
 * filter parameters are refused with the parameter named.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { loadGraph, type ParleyGraph } from "../../src/graph/persist.ts";
import { computeVisibility, type Filters, DEFAULT_FILTERS } from "../../src/graph/view-filter.ts";
import type { RunningServer } from "../../src/server/index.ts";
import { startExportServer, type ExportServer } from "./export-server.ts";
import { xmllint, GEXF_XSD } from "./xml-tools.ts";

const SEED_GRAPH = fileURLToPath(new URL("../../graph-data/graph.json", import.meta.url));

/** A Python with NetworkX: the project's test machines have it (pyenv), or Debian's python3-networkx. */
function networkxPython(): string {
  for (const python of ["python3", "/usr/bin/python3"]) {
    if (spawnSync(python, ["-c", "import networkx"], { encoding: "utf8" }).status === 0) return python;
  }
  throw new Error("no python3 with networkx found (install Debian's python3-networkx; .ci/run does)");
}

interface NetworkxView {
  nodes: string[];
  edges: string[];
  evidence: Record<string, unknown>;
}

/** Reads a file with NetworkX and prints its node keys, edge keys and each edge's evidence attribute. */
function readWithNetworkx(file: string, format: "gexf" | "graphml"): NetworkxView {
  const script = `
import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1]) if sys.argv[2] == "gexf" else nx.read_graphml(sys.argv[1])
edges = list(g.edges(keys=True, data=True))
print(json.dumps({
  "nodes": sorted(g.nodes()),
  "edges": sorted(d.get("id", k) for _, _, k, d in edges),
  "evidence": {d.get("id", k): d.get("evidence") for _, _, k, d in edges},
}))`;
  const r = spawnSync(networkxPython(), ["-c", script, file, format], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`networkx could not read ${format}: ${r.stderr}`);
  return JSON.parse(r.stdout) as NetworkxView;
}

let exported: ExportServer;
let server: RunningServer;
let dir: string;
let graph: ParleyGraph;

beforeAll(async () => {
  graph = await loadGraph(SEED_GRAPH);
  exported = await startExportServer("parley-filtered-export-", (file) => copyFile(SEED_GRAPH, file));
  ({ server, dir } = exported);
});
afterAll(() => exported?.close());

const FILTERED = "xn=location&xe=attacked,supported&deg=2";
const filters: Filters = { ...DEFAULT_FILTERS, hiddenNodeTypes: ["location"], hiddenEdgeTypes: ["attacked", "supported"], minDegree: 2 };

async function download(query: string): Promise<{ status: number; type: string | null; name: string | null; text: string }> {
  const res = await fetch(`${server.url}/api/export?${query}`);
  return { status: res.status, type: res.headers.get("content-type"), name: res.headers.get("content-disposition"), text: await res.text() };
}

describe("GET /api/export of the filtered view", () => {
  it("the filters keep a proper part of the seed graph (so the test can tell)", () => {
    const visible = computeVisibility(graph, filters);
    expect(visible.nodes.size).toBeGreaterThan(5);
    expect(visible.nodes.size).toBeLessThan(graph.order);
    expect(visible.edges.size).toBeGreaterThan(5);
    expect(visible.edges.size).toBeLessThan(graph.size);
  });

  it.each(["gexf", "graphml"] as const)("a filtered %s opens in NetworkX with exactly the filtered nodes and edges", async (format) => {
    const got = await download(`format=${format}&${FILTERED}`);
    expect(got.status).toBe(200);
    expect(got.name).toBe(`attachment; filename="parley-filtered.${format}"`);
    const file = join(dir, `filtered.${format}`);
    await writeFile(file, got.text);
    const view = readWithNetworkx(file, format);
    const visible = computeVisibility(graph, filters);
    expect(view.nodes).toEqual([...visible.nodes].sort());
    expect(view.edges).toEqual([...visible.edges].sort());
    if (format === "gexf") expect(xmllint(got.text, ["--schema", GEXF_XSD]).ok).toBe(true);
  });

  it("without filters the export is the whole graph, under its usual name", async () => {
    const got = await download("format=gexf");
    expect(got.name).toBe('attachment; filename="parley.gexf"');
    const file = join(dir, "whole.gexf");
    await writeFile(file, got.text);
    const view = readWithNetworkx(file, "gexf");
    expect(view.nodes).toHaveLength(graph.order);
    expect(view.edges).toHaveLength(graph.size);
    expect(Object.values(view.evidence).every((e) => e === null)).toBe(true);
  });

  it("a date range keeps the edges seen in it and the nodes they join", async () => {
    const got = await download("format=json&since=2025-03-13&until=2025-03-13");
    const data = JSON.parse(got.text) as { nodes: { key: string }[]; edges: { key: string; attributes: { firstSeen: string; lastSeen: string } }[] };
    const visible = computeVisibility(graph, { ...DEFAULT_FILTERS, from: "2025-03-13", to: "2025-03-13" });
    expect(data.edges.map((e) => e.key).sort()).toEqual([...visible.edges].sort());
    expect(data.nodes.map((n) => n.key).sort()).toEqual([...visible.nodes].sort());
    expect(data.edges.length).toBeGreaterThan(0);
    for (const e of data.edges) expect(e.attributes.firstSeen <= "2025-03-13" && e.attributes.lastSeen >= "2025-03-13").toBe(true);
  });

  it("evidence=true writes each edge's sentences as an attribute, in GEXF and GraphML alike", async () => {
    for (const format of ["gexf", "graphml"] as const) {
      const got = await download(`format=${format}&evidence=true&${FILTERED}`);
      const file = join(dir, `evidence.${format}`);
      await writeFile(file, got.text);
      const view = readWithNetworkx(file, format);
      for (const key of view.edges) {
        const expected = graph.getEdgeAttribute(key, "evidence").map((e) => e.sentence);
        // NetworkX reads GEXF liststring as text and GraphML strings as text: both are the list literal.
        const value = view.evidence[key];
        expect(typeof value).toBe("string");
        expect(JSON.parse(value as string)).toEqual(expected);
      }
    }
  });

  it("the CSV tables hold the filtered nodes and edges, with labels, counts and (on request) the sentences", async () => {
    const visible = computeVisibility(graph, filters);
    const nodes = parse((await download(`format=nodes-csv&${FILTERED}`)).text, { columns: true }) as Record<string, string>[];
    expect(nodes.map((n) => n.id).sort()).toEqual([...visible.nodes].sort());
    for (const n of nodes) {
      expect(n.label).toBe(graph.getNodeAttribute(n.id, "label"));
      expect(JSON.parse(n.aliases)).toEqual(graph.getNodeAttribute(n.id, "aliases"));
    }
    const edgesCsv = await download(`format=edges-csv&evidence=1&${FILTERED}`);
    expect(edgesCsv.type).toMatch(/^text\/csv/);
    expect(edgesCsv.name).toBe('attachment; filename="parley-filtered.edges.csv"');
    const edges = parse(edgesCsv.text, { columns: true }) as Record<string, string>[];
    expect(edges.map((e) => e.id).sort()).toEqual([...visible.edges].sort());
    for (const e of edges) {
      const a = graph.getEdgeAttributes(e.id);
      expect([e.source, e.target]).toEqual(graph.extremities(e.id));
      expect(e.sourceLabel).toBe(graph.getNodeAttribute(e.source, "label"));
      expect(Number(e.evidenceCount)).toBe(a.evidence.length);
      expect(JSON.parse(e.evidence)).toEqual(a.evidence.map((x) => x.sentence));
      expect(JSON.parse(e.evidenceArticles)).toEqual(a.evidence.map((x) => x.article));
    }
  });

  it.each([
    ["format=gexf&xn=bogus", "query.xn", /unknown type "bogus"/],
    ["format=gexf&xe=liked", "query.xe", /unknown type "liked"/],
    ["format=gexf&deg=-1", "query.deg", /whole number/],
    ["format=gexf&since=2025-13-45", "query.since", /YYYY-MM-DD/],
    ["format=gexf&since=2025-03-20&until=2025-03-01", "query.since", /is after until/],
    ["format=gexf&xn=actor&xn=location", "query.xn", /give it once/],
    ["format=json&evidence=true", "query.evidence", /json always has it/],
  ])("refuses %s with 400 naming %s", async (query, field, message) => {
    const res = await fetch(`${server.url}/api/export?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; field: string } };
    expect(body.error.field).toBe(field);
    expect(body.error.message).toMatch(message);
  });
});
