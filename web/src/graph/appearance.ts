/**
 * Appearance of the drawn graph, set once on load: color by node type (the
 * ontology's NODE_COLORS) and size by degree, so hubs stand out whatever sizes
 * the graph file carries. Nodes without a position get one on a circle.
 */
import { NODE_COLORS } from "../../../src/ontology.ts";
import type { ExplorerGraph } from "./filters.ts";

export function nodeSize(degree: number): number {
  return Math.min(4 + 2.2 * Math.sqrt(degree), 24);
}

export function applyAppearance(graph: ExplorerGraph): void {
  let i = 0;
  const n = Math.max(1, graph.order);
  graph.updateEachNodeAttributes((key, a) => {
    const angle = (2 * Math.PI * i++) / n;
    return {
      ...a,
      x: Number.isFinite(a.x) ? a.x : Math.cos(angle) * 100,
      y: Number.isFinite(a.y) ? a.y : Math.sin(angle) * 100,
      color: NODE_COLORS[a.type] ?? "#888888",
      size: nodeSize(graph.degree(key)),
    };
  });
}
