/**
 * Brings the canonical graph in line with a fresh /api/graph answer in place,
 * instead of building a new graph: sigma, the panels and the layout worker all
 * hold this one instance, and graphology's events tell sigma what changed. Nodes
 * that stay keep their current position (the user may have run the layout), so
 * an edit elsewhere does not make the picture jump; new nodes take the server's.
 */
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../../src/types.ts";
import type { ExplorerGraph } from "./filters.ts";

export type GraphData = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

const edgeKeyOf = (e: GraphData["edges"][number]) => e.key ?? `${e.source}|${e.attributes?.type}|${e.target}`;

export function syncGraph(graph: ExplorerGraph, data: GraphData): void {
  const nodes = new Map(data.nodes.map((n) => [n.key, n.attributes as NodeAttributes]));
  const edges = new Map(data.edges.map((e) => [edgeKeyOf(e), e]));

  // Edges first: an edge whose ends changed (a merge) is dropped and added again.
  for (const key of graph.edges()) {
    const next = edges.get(key);
    if (!next || next.source !== graph.source(key) || next.target !== graph.target(key)) graph.dropEdge(key);
  }
  for (const key of graph.nodes()) if (!nodes.has(key)) graph.dropNode(key);

  for (const [key, attrs] of nodes) {
    if (!graph.hasNode(key)) graph.addNode(key, attrs);
    else {
      const { x, y } = graph.getNodeAttributes(key);
      graph.replaceNodeAttributes(key, { ...attrs, x, y });
    }
  }
  for (const [key, e] of edges) {
    const attrs = e.attributes as EdgeAttributes;
    if (graph.hasEdge(key)) graph.replaceEdgeAttributes(key, attrs);
    else graph.addDirectedEdgeWithKey(key, e.source, e.target, attrs);
  }
  if (data.attributes) graph.replaceAttributes(data.attributes as never);
}
