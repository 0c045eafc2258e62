/**
 * The explorer's filters as one core definition, so what is drawn and what is
 * exported are the same sets: the web canvas derives its visible nodes and edges
 * here, and `GET /api/export` (with the same query parameters the explorer keeps
 * in its URL: xn, xe, deg, since, until) writes exactly those. Filters are
 * declarative (as Gephi Lite does): each says whether it is active and which
 * nodes or edges it keeps; the graph itself is never modified.
 */
import type { AbstractGraph } from "graphology-types";
import { EDGE_TYPE_BY_ID } from "../ontology.ts";
import { NODE_TYPES, type EdgeAttributes, type NodeAttributes, type NodeType } from "../types.ts";

export interface Filters {
  /** Node types hidden (empty: all shown). */
  hiddenNodeTypes: NodeType[];
  hiddenEdgeTypes: string[];
  /** Nodes with fewer relations (in the whole graph) are hidden. */
  minDegree: number;
  /** Inclusive ISO dates; an edge shows when its firstSeen..lastSeen overlaps the range. */
  from: string | null;
  to: string | null;
}

export const DEFAULT_FILTERS: Filters = Object.freeze({ hiddenNodeTypes: [], hiddenEdgeTypes: [], minDegree: 0, from: null, to: null }) as Filters;

type AnyGraph = AbstractGraph<NodeAttributes, EdgeAttributes>;

interface FilterDef {
  id: string;
  active(f: Filters): boolean;
  node?(key: string, attrs: NodeAttributes, f: Filters, graph: AnyGraph): boolean;
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

export const filtersActive = (f: Filters): boolean => FILTERS.some((d) => d.active(f));

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

/** The nodes and edges that pass every active filter; with a date range, nodes without a visible relation go too. */
export function computeVisibility(graph: AnyGraph, filters: Filters): Visibility {
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

/**
 * A new graph of the same kind holding only what the filters keep, with the
 * graph's own attributes (articles, name) and every kept element's attributes
 * as they are. Node and edge order follow the original.
 */
export function filteredGraph<G extends AnyGraph>(graph: G, filters: Filters): G {
  const { nodes, edges } = computeVisibility(graph, filters);
  const copy = graph.nullCopy() as G;
  graph.forEachNode((key, attrs) => {
    if (nodes.has(key)) copy.addNode(key, { ...attrs });
  });
  graph.forEachEdge((key, attrs, source, target) => {
    if (edges.has(key)) copy.addEdgeWithKey(key, source, target, { ...attrs });
  });
  return copy;
}

// --- Query parameters: the explorer's URL and the export API spell filters alike. ---

export const FILTER_PARAMS = { hiddenNodeTypes: "xn", hiddenEdgeTypes: "xe", minDegree: "deg", from: "since", to: "until" } as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_MIN_DEGREE = 10_000;

const list = (value: string | null | undefined): string[] => (value ? value.split(",").map((s) => s.trim()).filter(Boolean) : []);
const uniqueSorted = <T extends string>(xs: T[]): T[] => [...new Set(xs)].sort();
const isNodeType = (t: string): t is NodeType => (NODE_TYPES as readonly string[]).includes(t);
const isEdgeType = (t: string): boolean => EDGE_TYPE_BY_ID.has(t);

/** Reads filters from query parameters, dropping whatever is malformed (a link must always open). */
export function decodeFilters(get: (name: string) => string | null | undefined): Filters {
  const degree = Number.parseInt(get(FILTER_PARAMS.minDegree) ?? "", 10);
  const from = get(FILTER_PARAMS.from) ?? "";
  const to = get(FILTER_PARAMS.to) ?? "";
  return {
    hiddenNodeTypes: uniqueSorted(list(get(FILTER_PARAMS.hiddenNodeTypes)).filter(isNodeType)),
    hiddenEdgeTypes: uniqueSorted(list(get(FILTER_PARAMS.hiddenEdgeTypes)).filter(isEdgeType)),
    minDegree: Number.isFinite(degree) && degree > 0 ? Math.min(degree, MAX_MIN_DEGREE) : 0,
    from: DATE.test(from) ? from : null,
    to: DATE.test(to) ? to : null,
  };
}

export class FilterParamError extends Error {
  override name = "FilterParamError";
  constructor(
    /** The query parameter at fault. */
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads filters from query parameters and refuses anything malformed, naming the parameter (an API must not guess). */
export function parseFilters(get: (name: string) => string | null | undefined): Filters {
  const p = FILTER_PARAMS;
  const unknown = (param: string, values: string[], valid: (v: string) => boolean, expected: readonly string[]) => {
    const bad = values.filter((v) => !valid(v));
    if (bad.length) throw new FilterParamError(param, `${param}: unknown type ${bad.map((b) => JSON.stringify(b)).join(", ")} (expected ${expected.join(", ")})`);
  };
  const nodeTypes = list(get(p.hiddenNodeTypes));
  unknown(p.hiddenNodeTypes, nodeTypes, isNodeType, NODE_TYPES);
  const edgeTypes = list(get(p.hiddenEdgeTypes));
  unknown(p.hiddenEdgeTypes, edgeTypes, isEdgeType, [...EDGE_TYPE_BY_ID.keys()]);
  const degreeText = get(p.minDegree);
  let minDegree = 0;
  if (degreeText !== null && degreeText !== undefined && degreeText !== "") {
    if (!/^\d+$/.test(degreeText) || Number(degreeText) > MAX_MIN_DEGREE) throw new FilterParamError(p.minDegree, `${p.minDegree}: a whole number from 0 to ${MAX_MIN_DEGREE}, got ${JSON.stringify(degreeText)}`);
    minDegree = Number(degreeText);
  }
  const date = (param: string): string | null => {
    const v = get(param);
    if (v === null || v === undefined || v === "") return null;
    if (!DATE.test(v) || Number.isNaN(Date.parse(v))) throw new FilterParamError(param, `${param}: a date as YYYY-MM-DD, got ${JSON.stringify(v)}`);
    return v;
  };
  const from = date(p.from);
  const to = date(p.to);
  if (from && to && from > to) throw new FilterParamError(p.from, `${p.from} (${from}) is after ${p.to} (${to})`);
  return { hiddenNodeTypes: uniqueSorted(nodeTypes as NodeType[]), hiddenEdgeTypes: uniqueSorted(edgeTypes), minDegree, from, to };
}

/** Writes the active filters as query parameters (defaults left out), in a fixed order. */
export function encodeFilters(f: Filters, set: (name: string, value: string) => void): void {
  if (f.hiddenNodeTypes.length) set(FILTER_PARAMS.hiddenNodeTypes, uniqueSorted(f.hiddenNodeTypes).join(","));
  if (f.hiddenEdgeTypes.length) set(FILTER_PARAMS.hiddenEdgeTypes, uniqueSorted(f.hiddenEdgeTypes).join(","));
  if (f.minDegree > 0) set(FILTER_PARAMS.minDegree, String(f.minDegree));
  if (f.from) set(FILTER_PARAMS.from, f.from);
  if (f.to) set(FILTER_PARAMS.to, f.to);
}
