import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { parallelCurvatures } from "../../web/src/graph/parallel-edges.ts";
import { reduceEdge } from "../../web/src/graph/reducers.ts";
import type { ExplorerGraph } from "../../web/src/graph/filters.ts";

function graph(): ExplorerGraph {
  const g = new MultiDirectedGraph() as ExplorerGraph;
  for (const k of ["russia", "ceasefire", "ukraine", "kursk"]) g.addNode(k, { label: k } as never);
  for (const t of ["supported", "considered", "rejected"]) g.addEdgeWithKey(`russia|${t}|ceasefire`, "russia", "ceasefire", { type: t, label: t, weight: 1, evidence: [] } as never);
  g.addEdgeWithKey("ukraine|attacked|kursk", "ukraine", "kursk", { type: "attacked", label: "attacked", weight: 1, evidence: [] } as never);
  g.addEdgeWithKey("ukraine|negotiated_with|russia", "ukraine", "russia", { type: "negotiated_with", label: "negotiated with", weight: 1, evidence: [] } as never);
  g.addEdgeWithKey("russia|attacked|ukraine", "russia", "ukraine", { type: "attacked", label: "attacked", weight: 1, evidence: [] } as never);
  return g;
}

describe("parallel edges", () => {
  it("curve each edge of a bundle apart, leave single edges straight, and write nothing into the graph", () => {
    const g = graph();
    const before = JSON.stringify(g.export());
    const c = parallelCurvatures(g);
    expect(JSON.stringify(g.export())).toBe(before);
    const bundle = ["supported", "considered", "rejected"].map((t) => c.get(`russia|${t}|ceasefire`));
    expect(bundle.every((x) => x !== undefined)).toBe(true);
    expect(new Set(bundle).size).toBe(3);
    expect(c.has("ukraine|attacked|kursk")).toBe(false);
    // Opposite directions between the same two: both curve, so neither hides the other.
    expect(c.get("ukraine|negotiated_with|russia")).not.toBe(0);
    expect(c.get("russia|attacked|ukraine")).not.toBe(0);
  });

  it("the reducer draws a bundle with the curved programs and the rest with the straight ones", () => {
    const g = graph();
    const curvatures = parallelCurvatures(g);
    const visible = { nodes: new Set(g.nodes()), edges: new Set(g.edges()) };
    const state = { visible, selected: null, hovered: null, path: null, query: null, sizes: null, colors: null, curvatures };
    expect(reduceEdge("russia|rejected|ceasefire", g.getEdgeAttributes("russia|rejected|ceasefire"), state, null)).toMatchObject({ type: "curvedArrow", curvature: curvatures.get("russia|rejected|ceasefire") });
    expect(reduceEdge("ukraine|negotiated_with|russia", g.getEdgeAttributes("ukraine|negotiated_with|russia"), state, null).type).toBe("curved");
    expect(reduceEdge("ukraine|attacked|kursk", g.getEdgeAttributes("ukraine|attacked|kursk"), state, null).type).toBe("arrow");
  });
});
