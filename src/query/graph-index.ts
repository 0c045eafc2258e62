/**
 * Compact, read-only index of a graph for the query engine: nodes and edges
 * numbered 0..n-1 / 0..m-1, a CSR adjacency in typed arrays (every edge
 * listed at both ends with a direction flag, symmetric types flagged two-way),
 * labels, relationship types, and lookup maps by label, name and key.
 * Built once per graph in one pass over its structure (index-source.ts): a
 * graphology graph, or a binary snapshot's structure, which needs no graphology
 * at all; the graph itself is never modified.
 */
import { EDGE_TYPES } from "../ontology.ts";
import { NodeRef } from "./values.ts";
import { indexSourceOf, type AnyGraph, type IndexSource } from "./index-source.ts";

export type { AnyGraph, IndexSource } from "./index-source.ts";

/** Direction flags of an adjacency entry, seen from the node whose list holds it. */
export const OUT = 1;
export const IN = 2;
export const BOTH = OUT | IN;

const DEFAULT_SYMMETRIC = EDGE_TYPES.filter((t) => t.symmetric).map((t) => t.id.toUpperCase());

export interface GraphIndexOptions {
  /** Relationship types (any case) traversed both ways; default: the ontology's symmetric types. */
  symmetricTypes?: Iterable<string>;
}

export class GraphIndex {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly nodeKeys: string[];
  readonly nodeIndex = new Map<string, number>();
  /** Labels per node; nodes with the same labels share one array (one of `labelSets`). */
  readonly nodeLabels: string[][];
  /** Distinct label lists, in order of first appearance, and each node's one. */
  readonly labelSets: string[][] = [];
  readonly labelSetOf: Int32Array;
  /** Each node's `name` property as nodeProps() gives it, without building the property object. */
  readonly nodeNames: unknown[];
  readonly labelIndex = new Map<string, number[]>();
  /** Exact `name` property (the `name` attribute, else `label`) → nodes, for the planner. */
  readonly nameIndex = new Map<string, number[]>();
  /** Each node's degree as graphology counts it (a self-loop twice). */
  readonly degree: Int32Array;
  readonly source: IndexSource;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeType: Uint16Array;
  readonly typeNames: string[] = [];
  readonly typeIds = new Map<string, number>();
  /** CSR: entries offsets[i]..offsets[i+1] of neighbors/edges/dirs belong to node i. */
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  readonly edges: Int32Array;
  readonly dirs: Uint8Array;
  /** 1 for an edge that shares its two end nodes with another edge (either direction), else 0. */
  readonly parallel: Uint8Array;
  /** One immutable NodeRef per node, so scans and expansions allocate none. */
  private readonly nodeRefs: NodeRef[];
  private readonly nodePropsCache: Array<Record<string, unknown> | undefined>;
  private readonly edgePropsCache: Array<Record<string, unknown> | undefined>;
  private edgeKeyList: string[] | null = null;

  constructor(graph: AnyGraph | IndexSource, options: GraphIndexOptions = {}) {
    if (!graph || typeof graph !== "object") throw new TypeError("query/graph-index: expecting a graphology instance or a graph structure.");
    const source = (this.source = indexSourceOf(graph));
    const symmetric = new Set([...(options.symmetricTypes ?? DEFAULT_SYMMETRIC)].map((t) => t.toUpperCase()));
    const n = (this.nodeCount = source.nodeCount);
    const m = (this.edgeCount = source.edgeCount);
    this.nodeKeys = source.nodeKeys as string[];
    this.nodeLabels = new Array(n);
    this.labelSetOf = new Int32Array(n);
    this.nodeNames = new Array(n);
    this.nodePropsCache = new Array(n);
    // Filled now: an array of 100k filled on demand stays in slow dictionary mode.
    this.nodeRefs = Array.from({ length: n }, (_, k) => new NodeRef(k));
    this.edgePropsCache = new Array(m);
    const setIds = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = this.nodeKeys[i];
      const attrs = source.nodeAttributes(i);
      this.nodeIndex.set(key, i);
      const own = nodeLabels(attrs);
      const setKey = own.join("\u0000");
      let set = setIds.get(setKey);
      if (set === undefined) setIds.set(setKey, (set = this.labelSets.push(own) - 1));
      this.labelSetOf[i] = set;
      const labels = (this.nodeLabels[i] = this.labelSets[set]);
      for (const l of labels) push(this.labelIndex, l, i);
      const name = attrs.name ?? attrs.label;
      if (typeof name === "string") push(this.nameIndex, name, i);
      this.nodeNames[i] = attrs.name !== undefined ? attrs.name : typeof attrs.label === "string" ? attrs.label : undefined;
    }
    this.edgeSource = source.edgeSource;
    this.edgeTarget = source.edgeTarget;
    // Type ids in order of first appearance over the edges, as a walk of the edges would number them.
    const idOfValue = new Int32Array(source.typeValues.length).fill(-1);
    this.edgeType = new Uint16Array(m);
    const twoWayType: boolean[] = [];
    for (let e = 0; e < m; e++) {
      const slot = source.edgeTypes[e];
      let id = idOfValue[slot];
      if (id < 0) {
        const type = relType(source.typeValues[slot]);
        const known = this.typeIds.get(type);
        if (known !== undefined) id = known;
        else {
          id = this.typeNames.length;
          this.typeNames.push(type);
          this.typeIds.set(type, id);
          twoWayType[id] = symmetric.has(type);
        }
        idOfValue[slot] = id;
      }
      this.edgeType[e] = id;
    }
    const undirected = source.undirected;
    const twoWay = (e: number) => twoWayType[this.edgeType[e]] || (undirected !== undefined && undirected[e] === 1);
    const degree = new Int32Array(n + 1);
    this.degree = new Int32Array(n);
    for (let k = 0; k < m; k++) {
      const s = this.edgeSource[k];
      const t = this.edgeTarget[k];
      degree[s]++;
      if (s !== t) degree[t]++;
      this.degree[s]++;
      this.degree[t]++;
    }
    this.offsets = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) this.offsets[k + 1] = this.offsets[k] + degree[k];
    const total = this.offsets[n];
    this.neighbors = new Int32Array(total);
    this.edges = new Int32Array(total);
    this.dirs = new Uint8Array(total);
    const fill = this.offsets.slice(0, n);
    for (let k = 0; k < m; k++) {
      const s = this.edgeSource[k];
      const t = this.edgeTarget[k];
      const both = twoWay(k);
      // A self-loop is listed once and matches either arrow, as openCypher wants.
      const outDir = both || s === t ? BOTH : OUT;
      let p = fill[s]++;
      this.neighbors[p] = t;
      this.edges[p] = k;
      this.dirs[p] = outDir;
      if (s === t) continue;
      p = fill[t]++;
      this.neighbors[p] = s;
      this.edges[p] = k;
      this.dirs[p] = both ? BOTH : IN;
    }
    this.parallel = markParallelEdges(this.offsets, this.neighbors, this.edges, m);
  }

  /** Every edge key, in edge order (made on first use: the query worker decodes keys only as results need them). */
  get edgeKeys(): string[] {
    return (this.edgeKeyList ??= Array.from({ length: this.edgeCount }, (_, e) => this.source.edgeKey(e)));
  }

  edgeKey(e: number): string {
    return this.edgeKeyList ? this.edgeKeyList[e] : this.source.edgeKey(e);
  }

  /** The node's attribute object (read-only). */
  nodeAttributes(i: number): Record<string, unknown> {
    return this.source.nodeAttributes(i);
  }

  /** The edge's attribute object (read-only). */
  edgeAttributes(e: number): Record<string, unknown> {
    return this.source.edgeAttributes(e);
  }

  /** Node properties: every attribute but `labels`/`type`; `name` falls back to `label`, `id` to the key. */
  nodeProps(i: number): Record<string, unknown> {
    const cached = this.nodePropsCache[i];
    if (cached) return cached;
    const { labels: _l, type: _t, ...rest } = this.source.nodeAttributes(i);
    const props: Record<string, unknown> = { id: this.nodeKeys[i], ...rest };
    if (props.name === undefined && typeof rest.label === "string") props.name = rest.label;
    return (this.nodePropsCache[i] = props);
  }

  nodeRef(i: number): NodeRef {
    return this.nodeRefs[i];
  }

  /** One node property; `name` comes from a precomputed array, the rest from nodeProps(). */
  nodeProp(i: number, key: string): unknown {
    return key === "name" ? this.nodeNames[i] : this.nodeProps(i)[key];
  }

  /** Relationship properties: every attribute but `type` (evidence included). */
  edgeProps(e: number): Record<string, unknown> {
    const cached = this.edgePropsCache[e];
    if (cached) return cached;
    const { type: _t, ...rest } = this.source.edgeAttributes(e);
    return (this.edgePropsCache[e] = rest);
  }

  typeName(e: number): string {
    return this.typeNames[this.edgeType[e]];
  }

  /** Mask over type ids allowing the given type names (any case); null when no filter. */
  typeMask(types: readonly string[] | undefined): Uint8Array | null {
    if (!types || !types.length) return null;
    const mask = new Uint8Array(Math.max(1, this.typeNames.length));
    for (const t of types) {
      const id = this.typeIds.get(t.toUpperCase());
      if (id !== undefined) mask[id] = 1;
    }
    return mask;
  }
}

/**
 * Flags every edge that joins the same two nodes as another: path answers pick
 * the best-evidenced of such edges and can skip the search for all others.
 * One pass over the adjacency, remembering per neighbor where it was last seen.
 */
function markParallelEdges(offsets: Int32Array, neighbors: Int32Array, edges: Int32Array, edgeCount: number): Uint8Array {
  const parallel = new Uint8Array(edgeCount);
  const n = offsets.length - 1;
  const seenFrom = new Int32Array(n).fill(-1);
  const firstEdge = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    for (let p = offsets[u], end = offsets[u + 1]; p < end; p++) {
      const v = neighbors[p];
      if (seenFrom[v] !== u) {
        seenFrom[v] = u;
        firstEdge[v] = edges[p];
      } else {
        parallel[edges[p]] = 1;
        parallel[firstEdge[v]] = 1;
      }
    }
  }
  return parallel;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function nodeLabels(attrs: Record<string, unknown>): string[] {
  if (Array.isArray(attrs.labels)) return attrs.labels.map(String);
  if (typeof attrs.type === "string" && attrs.type) return [attrs.type[0].toUpperCase() + attrs.type.slice(1)];
  return [];
}

function relType(type: unknown): string {
  return typeof type === "string" && type ? type.toUpperCase() : "RELATED";
}
