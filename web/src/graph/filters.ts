/**
 * Filters as declarative definitions (as Gephi Lite does): each says whether it is
 * active for the current Filters and which nodes/edges it keeps. The canonical graph
 * is never modified; `computeVisibility` derives the visible sets that the sigma
 * reducers read, once per filter change.
 */
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, NodeAttributes } from "../../../src/types.ts";
import type { Filters } from "../state/view-state.ts";

export type ExplorerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

interface FilterDef {
  id: string;
  active(f: Filters): boolean;
  node?(key: string, attrs: NodeAttributes, f: Filters, graph: ExplorerGraph): boolean;
  edge?(key: string, attrs: EdgeAttributes, f: Filters): boolean;
}

/** Does the edge's firstSeen..lastSeen overlap the inclusive [from, to] range? Undated edges do not. */
export function inDateRange(attrs: Pick<EdgeAttributes, "firstSeen" | "lastSeen">, from: string | null, to: string | null): boolean {
  const first = attrs.firstSeen ?? attrs.lastSeen;
  const last = attrs.lastSeen ?? attrs.firstSeen;
  if (!first || !last) return false;
  return (!to || first <= to) && (!from || last >= from);
}

export const FILTERS: readonly FilterDef[] = [
  {
    id: "node-type",
    active: (f) => f.hiddenNodeTypes.length > 0,
    node: (_k, a, f) => !f.hiddenNodeTypes.includes(a.type),
  },
  {
    id: "min-degree",
    active: (f) => f.minDegree > 0,
    node: (k, _a, f, g) => g.degree(k) >= f.minDegree,
  },
  {
    id: "edge-type",
    active: (f) => f.hiddenEdgeTypes.length > 0,
    edge: (_k, a, f) => !f.hiddenEdgeTypes.includes(a.type),
  },
  {
    id: "date-range",
    active: (f) => f.from !== null || f.to !== null,
    edge: (_k, a, f) => inDateRange(a, f.from, f.to),
  },
];

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

/** The nodes and edges that pass every active filter; with a date range, nodes without a visible relation go too. */
export function computeVisibility(graph: ExplorerGraph, filters: Filters): Visibility {
  const active = FILTERS.filter((d) => d.active(filters));
  const nodeTests = active.filter((d) => d.node);
  const edgeTests = active.filter((d) => d.edge);
  const nodes = new Set<string>();
  graph.forEachNode((key, attrs) => {
    if (nodeTests.every((d) => d.node!(key, attrs, filters, graph))) nodes.add(key);
  });
  const edges = new Set<string>();
  graph.forEachEdge((key, attrs, source, target) => {
    if (nodes.has(source) && nodes.has(target) && edgeTests.every((d) => d.edge!(key, attrs, filters))) edges.add(key);
  });
  if (filters.from !== null || filters.to !== null) {
    const linked = new Set<string>();
    for (const e of edges) linked.add(graph.source(e)).add(graph.target(e));
    for (const n of nodes) if (!linked.has(n)) nodes.delete(n);
  }
  return { nodes, edges };
}

/** Distinct evidence dates in the graph, sorted: the steps of the date slider. */
export function graphDates(graph: ExplorerGraph): string[] {
  const dates = new Set<string>();
  graph.forEachEdge((_k, a) => {
    if (a.firstSeen) dates.add(a.firstSeen);
    if (a.lastSeen) dates.add(a.lastSeen);
  });
  return [...dates].sort();
}
