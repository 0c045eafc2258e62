import { describe, expect, it } from "vitest";
import { deriveEmphasis, type DrawState } from "../../web/src/graph/emphasis.ts";
import { computeVisibility } from "../../web/src/graph/filters.ts";
import { EMPHASIZED_EDGE, FADED_NODE, reduceEdge, reduceNode } from "../../web/src/graph/reducers.ts";
import { DEFAULT_FILTERS } from "../../web/src/state/view-state.ts";
import { sampleGraph } from "./fixture.ts";

const g = sampleGraph();
const state = (patch: Partial<DrawState> = {}): DrawState => ({ visible: computeVisibility(g, DEFAULT_FILTERS), selected: null, hovered: null, path: null, query: null, sizes: null, colors: null, ...patch });
const pathHl = { nodes: new Set(["marco-rubio", "ceasefire"]), edges: new Set(["marco-rubio|proposed|ceasefire"]) };
const queryHl = { nodes: new Set(["kursk"]), edges: new Set<string>() };

describe("deriveEmphasis", () => {
  const cases: [string, Partial<DrawState>, string | null, string[]][] = [
    ["nothing", {}, null, []],
    ["selection: node and neighbors", { selected: "vladimir-putin" }, "selection", ["ceasefire", "kursk", "marco-rubio", "vladimir-putin"]],
    ["hover wins over path", { hovered: "andriy-yermak", path: pathHl }, "hover", ["andriy-yermak", "marco-rubio"]],
    ["path wins over query and selection", { path: pathHl, query: queryHl, selected: "kursk" }, "path", ["ceasefire", "marco-rubio"]],
    ["query wins over selection", { query: queryHl, selected: "marco-rubio" }, "query", ["kursk"]],
    ["unknown selection is ignored", { selected: "nobody" }, null, []],
  ];
  it.each(cases)("%s", (_n, patch, reason, nodes) => {
    const e = deriveEmphasis(g, state(patch));
    expect(e?.reason ?? null).toBe(reason);
    expect([...(e?.nodes ?? [])].sort()).toEqual(nodes);
  });

  it("neighborhoods only follow visible relations", () => {
    const visible = computeVisibility(g, { ...DEFAULT_FILTERS, hiddenEdgeTypes: ["visited"] });
    const e = deriveEmphasis(g, state({ visible, selected: "vladimir-putin" }));
    expect(e!.nodes.has("kursk")).toBe(false);
  });
});

describe("reducers", () => {
  it("map Parley types to sigma programs and hide what filters remove", () => {
    const s = state({ visible: computeVisibility(g, { ...DEFAULT_FILTERS, hiddenNodeTypes: ["location"] }) });
    expect(reduceNode("kursk", g.getNodeAttributes("kursk"), s, null)).toMatchObject({ hidden: true, type: "circle" });
    expect(reduceNode("marco-rubio", g.getNodeAttributes("marco-rubio"), s, null)).toMatchObject({ type: "circle", label: "Marco Rubio" });
    expect(reduceNode("marco-rubio", g.getNodeAttributes("marco-rubio"), s, null).hidden).toBe(false);
    const symmetric = "andriy-yermak|negotiated_with|marco-rubio";
    expect(reduceEdge(symmetric, g.getEdgeAttributes(symmetric), s, null).type).toBe("line");
    expect(reduceEdge("marco-rubio|proposed|ceasefire", g.getEdgeAttributes("marco-rubio|proposed|ceasefire"), s, null).type).toBe("arrow");
  });

  it("fade what is outside the emphasis and label the emphasized relations", () => {
    const s = state({ path: pathHl });
    const e = deriveEmphasis(g, s);
    expect(reduceNode("kursk", g.getNodeAttributes("kursk"), s, e)).toMatchObject({ color: FADED_NODE, label: null });
    expect(reduceNode("ceasefire", g.getNodeAttributes("ceasefire"), s, e)).toMatchObject({ label: "30-day ceasefire", forceLabel: true });
    const onPath = reduceEdge("marco-rubio|proposed|ceasefire", g.getEdgeAttributes("marco-rubio|proposed|ceasefire"), s, e);
    expect(onPath).toMatchObject({ color: EMPHASIZED_EDGE, label: "proposed" });
    const off = reduceEdge("vladimir-putin|visited|kursk", g.getEdgeAttributes("vladimir-putin|visited|kursk"), s, e);
    expect(off.label).toBeNull();
  });

  it("give every node and every edge the same fields in the same order, whatever its state", () => {
    const shapes = new Set<string>();
    for (const patch of [{}, { selected: "marco-rubio" }, { path: pathHl }, { hovered: "kursk" }, { light: true, selected: "kursk" }, { visible: computeVisibility(g, { ...DEFAULT_FILTERS, hiddenNodeTypes: ["location"] }) }] as Partial<DrawState>[]) {
      const s = state(patch);
      const e = deriveEmphasis(g, s);
      g.forEachNode((k, a) => void shapes.add(`node ${Object.keys(reduceNode(k, a, s, e)).join(",")}`));
      g.forEachEdge((k, a) => void shapes.add(`edge ${Object.keys(reduceEdge(k, a, s, e)).join(",")}`));
    }
    expect([...shapes].sort()).toEqual(["edge size,color,label,type,curvature,hidden,forceLabel,zIndex", "node x,y,size,color,label,type,hidden,highlighted,forceLabel,zIndex"]);
  });

  it("never write into the graph", () => {
    const before = JSON.stringify(g.export());
    const s = state({ selected: "marco-rubio" });
    const e = deriveEmphasis(g, s);
    g.forEachNode((k, a) => reduceNode(k, a, s, e));
    g.forEachEdge((k, a) => reduceEdge(k, a, s, e));
    expect(JSON.stringify(g.export())).toBe(before);
  });
});
