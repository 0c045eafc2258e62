/**
 * What the drawing emphasizes right now, derived from transient and view state:
 * the hovered node's neighborhood wins, then a found path, then console results,
 * then the selected node's neighborhood. Computed once per change; the sigma
 * reducers only look keys up in the resulting sets.
 */
import type { ExplorerGraph, Visibility } from "./filters.ts";

export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
}

export interface DrawState {
  visible: Visibility;
  selected: string | null;
  hovered: string | null;
  path: Highlight | null;
  query: Highlight | null;
  /** Size and color chosen on the Analyze tab, by node key (null: the graph's own). */
  sizes: ReadonlyMap<string, number> | null;
  colors: ReadonlyMap<string, string> | null;
  /** Large graph: drawn with the light programs (./level-of-detail.ts). */
  light?: boolean;
  /** Curvature of parallel edges (graph-derived; absent: drawn straight). */
  curvatures?: ReadonlyMap<string, number>;
}

export interface Emphasis extends Highlight {
  /** Why these are emphasized (shown in tests and for styling decisions). */
  reason: "hover" | "path" | "query" | "selection";
}

/** A node with its visible relations and the neighbors at their other end. */
export function neighborhood(graph: ExplorerGraph, node: string, visible: Visibility): Highlight {
  const nodes = new Set<string>([node]);
  const edges = new Set<string>();
  if (!graph.hasNode(node)) return { nodes, edges };
  graph.forEachEdge(node, (edge, _a, source, target) => {
    if (!visible.edges.has(edge)) return;
    edges.add(edge);
    nodes.add(source === node ? target : source);
  });
  return { nodes, edges };
}

export function deriveEmphasis(graph: ExplorerGraph, s: DrawState): Emphasis | null {
  if (s.hovered && graph.hasNode(s.hovered)) return { reason: "hover", ...neighborhood(graph, s.hovered, s.visible) };
  if (s.path && s.path.nodes.size) return { reason: "path", ...s.path };
  if (s.query && (s.query.nodes.size || s.query.edges.size)) return { reason: "query", ...s.query };
  if (s.selected && graph.hasNode(s.selected)) return { reason: "selection", ...neighborhood(graph, s.selected, s.visible) };
  return null;
}
