/**
 * Light rendering of large graphs: which graphs get it, how many nodes a moving
 * frame draws, and what the reducers hand sigma in that mode (points ranked by
 * size, 1-pixel lines, emphasized relations still drawn as arrows and curves).
 */
import { describe, expect, it } from "vitest";
import { computeVisibility } from "../../web/src/graph/filters.ts";
import { LIGHT_RENDERING_EDGES, LIGHT_RENDERING_NODES, MOVING_NODE_BUDGET, isLargeGraph, movingNodeCount } from "../../web/src/graph/level-of-detail.ts";
import { parallelCurvatures } from "../../web/src/graph/parallel-edges.ts";
import type { DrawState } from "../../web/src/graph/emphasis.ts";
import { deriveEmphasis } from "../../web/src/graph/emphasis.ts";
import { reduceEdge, reduceNode } from "../../web/src/graph/reducers.ts";
import { DEFAULT_FILTERS } from "../../web/src/state/view-state.ts";
import { sampleGraph } from "./fixture.ts";

describe("isLargeGraph", () => {
  it.each([
    [100, 300, false],
    [LIGHT_RENDERING_NODES, LIGHT_RENDERING_EDGES, false],
    [LIGHT_RENDERING_NODES + 1, 10, true],
    [50, LIGHT_RENDERING_EDGES + 1, true],
  ])("%i nodes, %i edges → %s", (order, size, large) => expect(isLargeGraph({ order, size })).toBe(large));
});

describe("movingNodeCount", () => {
  it("draws the budget when the whole graph is in view, everything when fewer nodes", () => {
    expect(movingNodeCount(10_000, 1)).toBe(MOVING_NODE_BUDGET);
    expect(movingNodeCount(10_000, 3)).toBe(MOVING_NODE_BUDGET);
    expect(movingNodeCount(1_000, 1)).toBe(1_000);
  });
  it("draws more as the view holds less of the graph (zoomed in), in proportion to the zoom", () => {
    expect(movingNodeCount(100_000, 0.5)).toBe(MOVING_NODE_BUDGET * 2);
    expect(movingNodeCount(1e6, 0.1)).toBe(MOVING_NODE_BUDGET * 10);
    expect(movingNodeCount(10_000, 0.05)).toBe(10_000);
    const counts = [2, 1, 0.7, 0.5, 0.3, 0.2].map((r) => movingNodeCount(1e6, r));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });
});

describe("reducers in light rendering", () => {
  const g = sampleGraph();
  const curvatures = parallelCurvatures(g);
  const state = (patch: Partial<DrawState> = {}): DrawState => ({ visible: computeVisibility(g, DEFAULT_FILTERS), selected: null, hovered: null, path: null, query: null, sizes: null, colors: null, curvatures, light: true, ...patch });
  const directed = g.edges().find((e) => g.getEdgeAttribute(e, "type") === "visited")!;

  it("draws nodes as points whose z-order ranks them by size within their emphasis level", () => {
    const s = state();
    const nodes = g.nodes().map((k) => ({ k, size: g.getNodeAttribute(k, "size"), d: reduceNode(k, g.getNodeAttributes(k), s, null) }));
    expect(new Set(nodes.map((n) => n.d.type))).toEqual(new Set(["point"]));
    const byZ = [...nodes].sort((a, b) => a.d.zIndex! - b.d.zIndex!).map((n) => n.size);
    expect(byZ).toEqual([...byZ].sort((a, b) => a - b));
    // An emphasized node outranks every plain one, however small.
    const sel = state({ selected: "kursk" });
    const e = deriveEmphasis(g, sel);
    const emphasizedZ = reduceNode("kursk", g.getNodeAttributes("kursk"), sel, e).zIndex!;
    const faded = g.nodes().filter((k) => !e!.nodes.has(k));
    expect(faded.length).toBeGreaterThan(0);
    for (const k of faded) expect(reduceNode(k, g.getNodeAttributes(k), sel, e).zIndex!).toBeLessThan(emphasizedZ);
  });

  it("draws relations as 1-pixel lines, and the emphasized ones as arrows and curves on top", () => {
    const plain = g.edges().map((k) => reduceEdge(k, g.getEdgeAttributes(k), state(), null));
    expect(new Set(plain.map((d) => d.type))).toEqual(new Set(["line"]));
    expect(plain.every((d) => d.curvature === undefined)).toBe(true);
    const source = g.source(directed);
    const s = state({ selected: source });
    const e = deriveEmphasis(g, s)!;
    expect(reduceEdge(directed, g.getEdgeAttributes(directed), s, e).type).toBe("emphasizedArrow");
    const curved = [...curvatures.keys()].find((k) => e.edges.has(k));
    if (curved) expect(reduceEdge(curved, g.getEdgeAttributes(curved), s, e)).toMatchObject({ curvature: curvatures.get(curved) });
  });

  it("leaves small graphs as they were: circles, arrows", () => {
    const s = state({ light: false });
    expect(reduceNode("kursk", g.getNodeAttributes("kursk"), s, null)).toMatchObject({ type: "circle", zIndex: 0 });
    expect(reduceEdge(directed, g.getEdgeAttributes(directed), s, null).type).toMatch(/^(arrow|curvedArrow)$/);
  });
});
