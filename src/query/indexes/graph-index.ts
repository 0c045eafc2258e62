/**
 * Compact, read-only index of a graph for the query engine: nodes and edges
 * numbered 0..n-1 / 0..m-1, a CSR adjacency in typed arrays (every edge
 * listed at both ends with a direction flag, symmetric types flagged two-way),
 * labels, relationship types, and lookup maps by label, name and key.
 * Built once per graph in one pass over its structure (index-source.ts), at
 * once or in steps (GraphIndex.inSteps), from a
 * graphology graph, or a binary snapshot's structure, which needs no graphology
 * at all; the graph itself is never modified.
 */
import { EDGE_TYPES } from "../../ontology.ts";
import { NodeRef } from "../expressions/values.ts";
import { indexSourceOf, type AnyGraph, type IndexSource } from "./index-source.ts";
import { presentParleyDates } from "./parley-dates.ts";
import { drain } from "./stepped.ts";

export type { AnyGraph, IndexSource } from "./index-source.ts";

/** Direction flags of an adjacency entry, seen from the node whose list holds it. */
export const OUT = 1;
export const IN = 2;
export const BOTH = OUT | IN;

const DEFAULT_SYMMETRIC = EDGE_TYPES.filter((t) => t.symmetric).map((t) => t.id.toUpperCase());

export interface GraphIndexOptions {
  /** Relationship types (any case) traversed both ways; default: the ontology's symmetric types. */
  symmetricTypes?: Iterable<string>;
  /**
   * "parley" (default): Parley's graph contract — every node also has `id` (its
   * key), and `name` falls back to `label`. "stored": a node's properties are its
   * attributes as stored (minus `labels`/`type`), nothing added — for property
   * graphs that are not Parley's, such as the openCypher TCK's.
   */
  properties?: "parley" | "stored";
}

/** Edges, and nodes (each one's attributes decoded: slower), between the pauses of indexParts: a few milliseconds each. */
const STEP = 65_536;
const NODE_STEP = 4_096;

/** What the index computes from a graph (GraphIndex holds exactly these). */
interface IndexParts {
  readonly isIndexParts: true;
  source: IndexSource;
  nodeCount: number;
  edgeCount: number;
  nodeKeys: string[];
  nodeIndex: Map<string, number>;
  nodeLabels: string[][];
  labelSets: string[][];
  labelSetOf: Int32Array;
  nodeNames: unknown[];
  labelIndex: Map<string, number[]>;
  nameIndex: Map<string, number[]>;
  degree: Int32Array;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeType: Uint16Array;
  typeNames: string[];
  typeIds: Map<string, number>;
  offsets: Int32Array;
  neighbors: Int32Array;
  edges: Int32Array;
  dirs: Uint8Array;
  parallel: Uint8Array;
  nodeRefs: NodeRef[];
  storedProperties: boolean;
}

/**
 * The index's one pass over the structure, pausing every STEP nodes or edges:
 * a server builds its engine over a million edges between requests
 * (GraphIndex.inSteps); the constructor runs it to the end at once.
 */
function* indexParts(graph: AnyGraph | IndexSource, options: GraphIndexOptions): Generator<void, IndexParts> {
  if (!graph || typeof graph !== "object") throw new TypeError("query/graph-index: expecting a graphology instance or a graph structure.");
  const source = indexSourceOf(graph);
  yield;
  const storedProperties = options.properties === "stored";
  const symmetric = new Set([...(options.symmetricTypes ?? DEFAULT_SYMMETRIC)].map((t) => t.toUpperCase()));
  const n = source.nodeCount;
  const m = source.edgeCount;
  const nodeKeys = source.nodeKeys as string[];
  const nodeIndex = new Map<string, number>();
  const nodeLabelsOf: string[][] = new Array(n);
  const labelSets: string[][] = [];
  const labelSetOf = new Int32Array(n);
  const nodeNames: unknown[] = new Array(n);
  const labelIndex = new Map<string, number[]>();
  const nameIndex = new Map<string, number[]>();
  // Filled now: an array of 100k filled on demand stays in slow dictionary mode.
  const nodeRefs = Array.from({ length: n }, (_, k) => new NodeRef(k));
  const setIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (i % NODE_STEP === NODE_STEP - 1) yield;
    const key = nodeKeys[i];
    const attrs = source.nodeAttributes(i);
    nodeIndex.set(key, i);
    const own = nodeLabels(attrs);
    const setKey = own.join("\u0000");
    let set = setIds.get(setKey);
    if (set === undefined) setIds.set(setKey, (set = labelSets.push(own) - 1));
    labelSetOf[i] = set;
    const labels = (nodeLabelsOf[i] = labelSets[set]);
    for (const l of labels) push(labelIndex, l, i);
    const name = storedProperties ? attrs.name : (attrs.name ?? attrs.label);
    if (typeof name === "string") push(nameIndex, name, i);
    nodeNames[i] = attrs.name !== undefined || storedProperties ? attrs.name : typeof attrs.label === "string" ? attrs.label : undefined;
  }
  const edgeSource = source.edgeSource;
  const edgeTarget = source.edgeTarget;
  // Type ids in order of first appearance over the edges, as a walk of the edges would number them.
  const typeNames: string[] = [];
  const typeIds = new Map<string, number>();
  const idOfValue = new Int32Array(source.typeValues.length).fill(-1);
  const edgeType = new Uint16Array(m);
  const twoWayType: boolean[] = [];
  for (let e = 0; e < m; e++) {
    if (e % STEP === STEP - 1) yield;
    const slot = source.edgeTypes[e];
    let id = idOfValue[slot];
    if (id < 0) {
      const type = relType(source.typeValues[slot]);
      const known = typeIds.get(type);
      if (known !== undefined) id = known;
      else {
        id = typeNames.length;
        typeNames.push(type);
        typeIds.set(type, id);
        twoWayType[id] = symmetric.has(type);
      }
      idOfValue[slot] = id;
    }
    edgeType[e] = id;
  }
  const undirected = source.undirected;
  const twoWay = (e: number) => twoWayType[edgeType[e]] || (undirected !== undefined && undirected[e] === 1);
  const listed = new Int32Array(n + 1);
  const degree = new Int32Array(n);
  for (let k = 0; k < m; k++) {
    if (k % STEP === STEP - 1) yield;
    const s = edgeSource[k];
    const t = edgeTarget[k];
    listed[s]++;
    if (s !== t) listed[t]++;
    degree[s]++;
    degree[t]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) offsets[k + 1] = offsets[k] + listed[k];
  const total = offsets[n];
  const neighbors = new Int32Array(total);
  const edges = new Int32Array(total);
  const dirs = new Uint8Array(total);
  const fill = offsets.slice(0, n);
  for (let k = 0; k < m; k++) {
    if (k % STEP === STEP - 1) yield;
    const s = edgeSource[k];
    const t = edgeTarget[k];
    const both = twoWay(k);
    // A self-loop is listed once and matches either arrow, as openCypher wants.
    const outDir = both || s === t ? BOTH : OUT;
    let p = fill[s]++;
    neighbors[p] = t;
    edges[p] = k;
    dirs[p] = outDir;
    if (s === t) continue;
    p = fill[t]++;
    neighbors[p] = s;
    edges[p] = k;
    dirs[p] = both ? BOTH : IN;
  }
  yield;
  const parallel = markParallelEdges(offsets, neighbors, edges, m);
  return {
    isIndexParts: true,
    source, nodeCount: n, edgeCount: m, nodeKeys, nodeIndex, nodeLabels: nodeLabelsOf, labelSets, labelSetOf, nodeNames, labelIndex, nameIndex,
    degree, edgeSource, edgeTarget, edgeType, typeNames, typeIds, offsets, neighbors, edges, dirs, parallel, nodeRefs, storedProperties,
  };
}

export class GraphIndex {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly nodeKeys: string[];
  readonly nodeIndex: Map<string, number>;
  /** Labels per node; nodes with the same labels share one array (one of `labelSets`). */
  readonly nodeLabels: string[][];
  /** Distinct label lists, in order of first appearance, and each node's one. */
  readonly labelSets: string[][];
  readonly labelSetOf: Int32Array;
  /** Each node's `name` property as nodeProps() gives it, without building the property object. */
  readonly nodeNames: unknown[];
  readonly labelIndex: Map<string, number[]>;
  /** Exact `name` property (the `name` attribute, else `label`) → nodes, for the planner. */
  readonly nameIndex: Map<string, number[]>;
  /** Each node's degree as graphology counts it (a self-loop twice). */
  readonly degree: Int32Array;
  readonly source: IndexSource;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeType: Uint16Array;
  readonly typeNames: string[];
  readonly typeIds: Map<string, number>;
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
  /** Properties as stored (GraphIndexOptions.properties "stored"): no `id` from the key, no `name` from `label`. */
  readonly storedProperties: boolean;

  /** The index of a graph, built in steps with a pause between them (see indexParts). */
  static *inSteps(graph: AnyGraph | IndexSource, options: GraphIndexOptions = {}): Generator<void, GraphIndex> {
    return new GraphIndex(yield* indexParts(graph, options));
  }

  constructor(graph: AnyGraph | IndexSource | IndexParts, options: GraphIndexOptions = {}) {
    const p = (graph as Partial<IndexParts>).isIndexParts === true ? (graph as IndexParts) : drain(indexParts(graph as AnyGraph | IndexSource, options));
    this.source = p.source;
    this.nodeCount = p.nodeCount;
    this.edgeCount = p.edgeCount;
    this.nodeKeys = p.nodeKeys;
    this.nodeIndex = p.nodeIndex;
    this.nodeLabels = p.nodeLabels;
    this.labelSets = p.labelSets;
    this.labelSetOf = p.labelSetOf;
    this.nodeNames = p.nodeNames;
    this.labelIndex = p.labelIndex;
    this.nameIndex = p.nameIndex;
    this.degree = p.degree;
    this.edgeSource = p.edgeSource;
    this.edgeTarget = p.edgeTarget;
    this.edgeType = p.edgeType;
    this.typeNames = p.typeNames;
    this.typeIds = p.typeIds;
    this.offsets = p.offsets;
    this.neighbors = p.neighbors;
    this.edges = p.edges;
    this.dirs = p.dirs;
    this.parallel = p.parallel;
    this.nodeRefs = p.nodeRefs;
    this.storedProperties = p.storedProperties;
    this.nodePropsCache = new Array(p.nodeCount);
    this.edgePropsCache = new Array(p.edgeCount);
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

  /** Node properties: every attribute but `labels`/`type`; unless stored as they are, `name` falls back to `label`, `id` to the key. */
  nodeProps(i: number): Record<string, unknown> {
    const cached = this.nodePropsCache[i];
    if (cached) return cached;
    const { labels: _l, type: _t, ...rest } = this.source.nodeAttributes(i);
    if (this.storedProperties) return (this.nodePropsCache[i] = rest);
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

  /** Relationship properties: every attribute but `type` (evidence included); Parley's firstSeen/lastSeen as dates. */
  edgeProps(e: number): Record<string, unknown> {
    const cached = this.edgePropsCache[e];
    if (cached) return cached;
    const { type: _t, ...rest } = this.source.edgeAttributes(e);
    return (this.edgePropsCache[e] = this.storedProperties ? rest : presentParleyDates(rest));
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
