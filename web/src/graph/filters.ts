/**
 * The explorer's graph type and what the filters panel needs beside the filters
 * themselves, which live in the core (src/graph/view-filter.ts) so the canvas and
 * the exports of the filtered view keep exactly the same nodes and edges.
 */
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, NodeAttributes } from "../../../src/types.ts";

export { computeVisibility, FILTERS, inDateRange, type Visibility } from "../../../src/graph/view-filter.ts";

export type ExplorerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** Distinct evidence dates in the graph, sorted: the steps of the date slider. */
export function graphDates(graph: ExplorerGraph): string[] {
  const dates = new Set<string>();
  graph.forEachEdge((_k, a) => {
    if (a.firstSeen) dates.add(a.firstSeen);
    if (a.lastSeen) dates.add(a.lastSeen);
  });
  return [...dates].sort();
}
