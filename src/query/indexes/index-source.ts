/**
 * What the query engine indexes: a GraphStructure (src/graph/snapshot) —
 * nodes and edges by number, endpoints, edge types and attributes by number.
 * A graph loaded from its binary snapshot brings one along, and the query
 * worker reads one straight from the snapshot; any other graphology graph is
 * walked once into one here.
 */
import type { AbstractGraph } from "graphology-types";
import { structureOf, type GraphStructure } from "../../graph/snapshot/index.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGraph = AbstractGraph<any, any, any>;

/** A structure, plus which edges are undirected (only a mixed or undirected graphology graph has any). */
export interface IndexSource extends GraphStructure {
  readonly undirected?: Uint8Array;
}

export const isGraph = (x: unknown): x is AnyGraph => !!x && typeof (x as AnyGraph).forEachNode === "function";

export function indexSourceOf(graph: AnyGraph | IndexSource): IndexSource {
  if (!isGraph(graph)) return graph;
  return structureOf(graph) ?? walkGraph(graph);
}

/** One pass over nodes and one over edges. */
function walkGraph(graph: AnyGraph): IndexSource {
  const n = graph.order;
  const m = graph.size;
  const nodeKeys: string[] = new Array(n);
  const nodeIndex = new Map<string, number>();
  let i = 0;
  graph.forEachNode((key) => {
    nodeKeys[i] = key;
    nodeIndex.set(key, i++);
  });
  const edgeKeys: string[] = new Array(m);
  const [edgeSource, edgeTarget, edgeTypes, undirected] = [new Int32Array(m), new Int32Array(m), new Uint32Array(m), new Uint8Array(m)];
  const typeSlots = new Map<unknown, number>();
  const typeValues: unknown[] = [];
  let e = 0;
  graph.forEachEdge((key, attrs, source, target, _sa, _ta, isUndirected) => {
    edgeKeys[e] = key;
    edgeSource[e] = nodeIndex.get(source)!;
    edgeTarget[e] = nodeIndex.get(target)!;
    const value = typeof attrs.type === "string" ? attrs.type : undefined;
    let slot = typeSlots.get(value);
    if (slot === undefined) typeSlots.set(value, (slot = typeValues.push(value) - 1));
    edgeTypes[e] = slot;
    undirected[e] = isUndirected ? 1 : 0;
    e++;
  });
  return {
    nodeCount: n,
    edgeCount: m,
    nodeKeys,
    edgeKey: (k) => edgeKeys[k],
    edgeSource,
    edgeTarget,
    edgeTypes,
    typeValues,
    undirected,
    nodeAttributes: (k) => graph.getNodeAttributes(nodeKeys[k]),
    edgeAttributes: (k) => graph.getEdgeAttributes(edgeKeys[k]),
  };
}
