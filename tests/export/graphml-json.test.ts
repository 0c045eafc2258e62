import { describe, expect, it } from "vitest";
import { MultiDirectedGraph as Graph } from "graphology";
import { parse as parseGraphml } from "graphology-graphml";
import { sampleGraph } from "./sample-graph.ts";
import { render, xmllint } from "./xml-tools.ts";
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_IDS,
  ALL_EXPORT_FORMAT_IDS,
  findExportFormat,
  getExportFormat,
  NotStreamableFormatError,
  UnknownFormatError,
  stripIllegalXmlChars,
} from "../../src/export/index.ts";

describe("export registry", () => {
  it.each([
    ["gexf", "gexf", "application/gexf+xml"],
    ["graphml", "graphml", "application/graphml+xml"],
    ["json", "json", "application/json"],
    ["cypher", "cypher", "text/plain"],
    ["memgraph", "cypherl", "text/plain"],
  ])("%s has extension %s and type %s", (id, extension, mime) => {
    expect(getExportFormat(id)).toMatchObject({ id, extension, mime });
  });

  it("refuses an unknown format with a typed error", () => {
    expect(() => getExportFormat("dot")).toThrow(UnknownFormatError);
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual(["gexf", "graphml", "json", "nodes-csv", "edges-csv", "cypher", "memgraph"]);
  });

  it("keeps the folder format out of the stream formats the API offers", () => {
    expect(findExportFormat("neo4j").output).toBe("directory");
    expect(EXPORT_FORMAT_IDS).not.toContain("neo4j");
    expect(ALL_EXPORT_FORMAT_IDS).toContain("neo4j");
    // A caller with one output answers it like a format it does not offer, and says why.
    expect(() => getExportFormat("neo4j")).toThrow(NotStreamableFormatError);
    expect(() => getExportFormat("neo4j")).toThrow(UnknownFormatError);
    expect(() => getExportFormat("neo4j")).toThrow(/--out DIR/);
  });
});

describe("GraphML export", () => {
  it("is well-formed XML with typed keys", async () => {
    const { text } = await render(sampleGraph(), "graphml");
    expect(xmllint(text, []).ok).toBe(true);
    expect(text).toContain('<key id="n_mentions" for="node" attr.name="mentions" attr.type="int"/>');
    expect(text).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(text).toContain('<key id="e_symmetric" for="edge" attr.name="symmetric" attr.type="boolean"/>');
  });

  it("round-trips through graphology-graphml with equal counts and attributes", async () => {
    const graph = sampleGraph();
    const parsed = parseGraphml(Graph, (await render(graph, "graphml")).text);
    expect([parsed.order, parsed.size]).toEqual([graph.order, graph.size]);
    graph.forEachNode((key, a) => {
      const p = parsed.getNodeAttributes(key);
      expect(p).toMatchObject({ label: stripIllegalXmlChars(a.label), type: a.type, mentions: a.mentions, x: a.x, y: a.y, size: a.size, color: a.color });
      expect(JSON.parse(p.aliases)).toEqual(a.aliases.map(stripIllegalXmlChars));
    });
    graph.forEachEdge((key, a, source, target) => {
      expect([parsed.source(key), parsed.target(key)]).toEqual([source, target]);
      expect(parsed.getEdgeAttributes(key)).toMatchObject({ type: a.type, label: a.label, weight: a.weight, evidenceCount: a.evidence.length });
    });
  });
});

describe("JSON export", () => {
  it("is graphology's own serialization, importable as is", async () => {
    const graph = sampleGraph();
    const json = JSON.parse((await render(graph, "json")).text);
    expect(json).toEqual(JSON.parse(JSON.stringify(graph.export())));
    const copy = new Graph();
    copy.import(json);
    expect([copy.order, copy.size]).toEqual([graph.order, graph.size]);
  });
});
