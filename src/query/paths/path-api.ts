/**
 * The engine's path(): names in, a PathResult out — the shortest path (or up to
 * k shortest simple paths) with, for each hop, the best-evidenced relationship
 * between the two nodes, its direction as stored, and its evidence sentences.
 */
import type { Evidence } from "../../types.ts";
import { QueryError } from "../errors.ts";
import type { GraphIndex } from "../indexes/graph-index.ts";
import type { Guard } from "../execution/guards.ts";
import { kShortestPaths } from "./path-variants.ts";
import type { IndexPath, PathSearcher } from "./path-search.ts";
import type { PathHop, PathResult } from "../output/result.ts";

export interface PathOptions {
  /** Relationship types to walk (any case, ontology ids or upper-case types); default all. */
  types?: string[];
  /** Most hops. */
  max?: number;
  /** Number of shortest simple paths wanted (default 1). */
  k?: number;
}

/** Routes from → to as node indices, each hop carried by its best-evidenced allowed edge. */
export function findRoutes(ix: GraphIndex, searcher: PathSearcher, from: number, to: number, opts: PathOptions, guard: Guard | null): IndexPath[] {
  const k = opts.k ?? 1;
  if (!Number.isInteger(k) || k < 1 || k > 100) throw new QueryError(`path: k must be an integer from 1 to 100, got ${k}`);
  if (opts.max !== undefined && !(Number.isInteger(opts.max) && opts.max >= 1)) throw new QueryError(`path: max must be a positive integer, got ${opts.max}`);
  if (opts.types) {
    const unknown = opts.types.filter((t) => !ix.typeIds.has(t.toUpperCase()));
    if (unknown.length) throw new QueryError(`path: unknown relationship type(s) ${unknown.join(", ")}; known: ${ix.typeNames.join(", ")}`);
  }
  const search = { mask: ix.typeMask(opts.types), maxHops: opts.max, guard };
  let paths: IndexPath[];
  if (k === 1) {
    const one = searcher.shortest(from, to, search);
    paths = one ? [one] : [];
  } else paths = kShortestPaths(searcher, from, to, k, search);
  return paths.map((p) => ({ nodes: p.nodes, edges: p.nodes.slice(1).map((v, h) => bestEdge(ix, p.nodes[h], v, p.edges[h], search.mask)) }));
}

/**
 * When no route was found under the options: how many hops the two are apart
 * through any relation, or null when nothing connects them — so "no path within
 * N hops" and "not connected" can be told apart.
 */
export function separation(searcher: PathSearcher, from: number, to: number, guard: Guard | null): number | null {
  const route = searcher.shortest(from, to, { mask: null, guard });
  return route ? route.nodes.length - 1 : null;
}

export function toPathResult(ix: GraphIndex, from: number, to: number, routes: IndexPath[], apart?: number | null): PathResult {
  const result: PathResult = {
    from: ix.nodeKeys[from],
    to: ix.nodeKeys[to],
    paths: routes.map((p) => ({ nodes: p.nodes.map((i) => nodeSummary(ix, i)), hops: p.edges.map((e, h) => hop(ix, p.nodes[h], e)) })),
  };
  if (routes.length === 0 && apart !== undefined) result.apart = apart;
  return result;
}

function nodeSummary(ix: GraphIndex, i: number) {
  const attrs = ix.nodeAttributes(i);
  return { key: ix.nodeKeys[i], label: String(attrs.label ?? attrs.name ?? ix.nodeKeys[i]), type: String(attrs.type ?? "") };
}

/**
 * Among the edges joining u and v that the search allows, the one with the most
 * evidence. Paths run through hubs, so it scans the shorter of the two adjacency
 * lists: both list the u–v edges in edge order, so the first best is the same edge.
 */
function bestEdge(ix: GraphIndex, u: number, v: number, fallback: number, mask: Uint8Array | null): number {
  // Most hops have one edge between their nodes: the index flags the others.
  if (!ix.parallel[fallback]) return fallback;
  const [from, to] = ix.offsets[u + 1] - ix.offsets[u] <= ix.offsets[v + 1] - ix.offsets[v] ? [u, v] : [v, u];
  let best = fallback;
  let bestScore = -1;
  for (let p = ix.offsets[from], end = ix.offsets[from + 1]; p < end; p++) {
    const e = ix.edges[p];
    if (ix.neighbors[p] !== to || (mask && !mask[ix.edgeType[e]])) continue;
    const attrs = ix.edgeProps(e);
    const score = (Array.isArray(attrs.evidence) ? attrs.evidence.length : 0) * 1e6 + (typeof attrs.weight === "number" ? attrs.weight : 0);
    if (score > bestScore) (best = e), (bestScore = score);
  }
  return best;
}

function hop(ix: GraphIndex, u: number, best: number): PathHop {
  const attrs = ix.edgeProps(best);
  const type = String(ix.edgeAttributes(best).type ?? ix.typeName(best));
  return {
    source: ix.nodeKeys[ix.edgeSource[best]],
    target: ix.nodeKeys[ix.edgeTarget[best]],
    type,
    label: typeof attrs.label === "string" ? attrs.label : type.toLowerCase().replace(/_/g, " "),
    direction: ix.edgeSource[best] === u ? "forward" : "backward",
    evidence: Array.isArray(attrs.evidence) ? (attrs.evidence as Evidence[]) : [],
  };
}
