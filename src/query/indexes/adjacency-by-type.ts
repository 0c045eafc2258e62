/**
 * Each node's adjacency split by relationship type, for one-type hops from
 * hubs: positions into the GraphIndex CSR arrays, in CSR order, the entries of
 * node u and type t at `starts[u * types + t] .. starts[u * types + t + 1]`.
 * Built on the first query that needs it (two passes over the CSR), then kept
 * per index.
 */
import type { GraphIndex } from "./graph-index.ts";

export interface AdjacencyByType {
  types: number;
  starts: Int32Array;
  positions: Int32Array;
}

const built = new WeakMap<GraphIndex, AdjacencyByType>();

export function adjacencyByType(ix: GraphIndex): AdjacencyByType {
  const known = built.get(ix);
  if (known) return known;
  const types = Math.max(1, ix.typeNames.length);
  const starts = new Int32Array(ix.nodeCount * types + 1);
  for (let u = 0; u < ix.nodeCount; u++) for (let p = ix.offsets[u]; p < ix.offsets[u + 1]; p++) starts[u * types + ix.edgeType[ix.edges[p]] + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const fill = starts.slice(0, -1);
  const positions = new Int32Array(ix.offsets[ix.nodeCount]);
  for (let u = 0; u < ix.nodeCount; u++) for (let p = ix.offsets[u]; p < ix.offsets[u + 1]; p++) positions[fill[u * types + ix.edgeType[ix.edges[p]]]++] = p;
  const typed = { types, starts, positions };
  built.set(ix, typed);
  return typed;
}
