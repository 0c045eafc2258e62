/**
 * Maps a path from /api/path onto the graph: its node keys, and the stored edge of
 * each hop (key `source|type|target`; a symmetric relation may be stored the other
 * way round). Pure; unit-tested.
 */
import type { PathResult } from "../api.ts";
import type { Highlight } from "../graph/emphasis.ts";
import type { ExplorerGraph } from "../graph/filters.ts";

export type FoundPath = PathResult["paths"][number];

export function edgeKeyFor(graph: ExplorerGraph, source: string, type: string, target: string): string | null {
  for (const key of [`${source}|${type}|${target}`, `${target}|${type}|${source}`]) if (graph.hasEdge(key)) return key;
  // Keys follow the contract, but fall back to a lookup by type between the two nodes.
  const found = graph.edges(source, target).concat(graph.edges(target, source)).find((e) => graph.getEdgeAttribute(e, "type") === type);
  return found ?? null;
}

export function pathHighlight(graph: ExplorerGraph, path: FoundPath): Highlight {
  const nodes = new Set(path.nodes.map((n) => n.key).filter((k) => graph.hasNode(k)));
  const edges = new Set<string>();
  for (const hop of path.hops) {
    if (!graph.hasNode(hop.source) || !graph.hasNode(hop.target)) continue;
    const key = edgeKeyFor(graph, hop.source, hop.type, hop.target);
    if (key) edges.add(key);
  }
  return { nodes, edges };
}
