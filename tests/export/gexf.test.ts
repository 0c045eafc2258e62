import { describe, expect, it } from "vitest";
import { MultiDirectedGraph as Graph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { sampleGraph, NASTY_LABEL } from "./sample-graph.ts";
import { render, xmllint, hasXmllint, GEXF_XSD } from "./xml-tools.ts";
import { stripIllegalXmlChars } from "../../src/export/index.ts";

describe("GEXF 1.3 export", () => {
  it.each([{ dynamic: false }, { dynamic: true }])("validates against the official GEXF 1.3 XSD (%o)", async (options) => {
    expect(hasXmllint(), "xmllint missing: apt-get install libxml2-utils").toBe(true);
    const { text } = await render(sampleGraph(), "gexf", options);
    const result = xmllint(text, ["--schema", GEXF_XSD]);
    expect(result.output).toContain("validates");
    expect(result.ok).toBe(true);
  });

  it("round-trips through graphology-gexf with equal counts and attributes", async () => {
    const graph = sampleGraph();
    const parsed = parseGexf(Graph, (await render(graph, "gexf")).text);
    expect(parsed.order).toBe(graph.order);
    expect(parsed.size).toBe(graph.size);
    graph.forEachNode((key, a) => {
      const p = parsed.getNodeAttributes(key);
      expect(p.label).toBe(stripIllegalXmlChars(a.label));
      expect(p.type).toBe(a.type);
      expect(p.mentions).toBe(a.mentions);
      expect(p.aliases).toEqual(a.aliases.map(stripIllegalXmlChars));
      expect(p.articles).toEqual(a.articles);
      expect(p.color).toBe(a.color);
      expect(p.x).toBeCloseTo(a.x);
      expect(p.y).toBeCloseTo(a.y);
      expect(p.size).toBe(a.size);
    });
    graph.forEachEdge((key, a, source, target) => {
      expect(parsed.source(key)).toBe(source);
      expect(parsed.target(key)).toBe(target);
      const p = parsed.getEdgeAttributes(key);
      expect(p).toMatchObject({ type: a.type, label: a.label, weight: a.weight, evidenceCount: a.evidence.length, firstSeen: a.firstSeen, lastSeen: a.lastSeen });
      expect(p.symmetric).toBe(a.type === "negotiated_with");
    });
  });

  it("strips characters illegal in XML 1.0 and escapes the rest", async () => {
    const { text } = await render(sampleGraph(), "gexf");
    expect(xmllint(text, []).ok).toBe(true);
    expect(text).not.toMatch(/[\u0000\u0008]/);
    expect(text).not.toContain("]]>");
    expect(text).toContain('label="AB&lt;&amp;]]&gt;&quot;&apos;&#9;C"');
    const parsed = parseGexf(Graph, text);
    expect(parsed.getNodeAttribute("nasty", "label")).toBe("AB<&]]>\"'\tC");
    expect(stripIllegalXmlChars(NASTY_LABEL)).toBe("AB<&]]>\"'\tC");
  });

  it("keeps a valid astral character while dropping a lone surrogate", () => {
    expect(stripIllegalXmlChars("x\uD83D\uDE00y\uDC00z\uFFFE")).toBe("x\uD83D\uDE00yz");
  });

  it("with dynamic, gives nodes and edges spells from publication dates", async () => {
    const { text } = await render(sampleGraph(), "gexf", { dynamic: true });
    expect(text).toMatch(/<graph defaultedgetype="directed" mode="dynamic" timeformat="date" start="2025-03-11" end="2025-03-13">/);
    expect(text).toMatch(/<node id="nasty"[^\n]*<spell start="2025-03-13"\/>/);
    expect(text).toMatch(/<node id="marco-rubio"[^\n]*<spell start="2025-03-11"\/>/);
    expect(text).toMatch(/<edge id="vladimir-putin\|considered\|cease-fire"[^\n]*<spell start="2025-03-13"\/>/);
    const { text: staticText } = await render(sampleGraph(), "gexf");
    expect(staticText).not.toContain("<spell");
  });

  it("writes a large graph in many chunks, not one string", async () => {
    const graph = sampleGraph();
    for (let i = 0; i < 5000; i++) graph.addNode(`n${i}`, { ...graph.getNodeAttributes("jeddah"), label: `Node ${i}` });
    const { text, chunks } = await render(graph, "gexf");
    expect(chunks).toBeGreaterThan(5);
    expect(parseGexf(Graph, text).order).toBe(graph.order);
  });
});
