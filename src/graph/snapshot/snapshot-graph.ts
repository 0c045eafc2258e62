/**
 * SnapshotGraph: the MultiDirectedGraph a binary snapshot stands for, usable
 * at once. Its own attributes are there from the start; its nodes and edges
 * are added from the snapshot a slice at a time between other work (graphology
 * takes several CPU seconds for a million edges), and every graphology method
 * first adds whatever is still missing, so no caller can see a graph half
 * loaded: it behaves exactly as the graph imported from graph.json. `order`
 * and `size` answer without waiting, and the structure an index needs
 * (structure.ts) is served from the snapshot meanwhile, so the query engine
 * can be built, and answer, before graphology has seen a single edge.
 *
 * Adding a listener loads the graph first too, so no listener ever hears
 * loading's events: to it the graph was whole from the start, as a graph
 * imported before anyone listened.
 */
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../types.ts";
import { RESERVED_NODE_KEYS } from "../reserved-keys.ts";
import { startAdjacencyAsDictionaries } from "../adjacency-dictionaries.ts";
import type { AttributeReader, GraphSnapshot } from "./decode.ts";
import { edgeTypeTable, provideStructure, type GraphStructure } from "./structure.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Methods = Record<PropertyKey, (...args: any[]) => any>;
/** graphology's Graph.prototype, where its methods live (the classes below it only set options). */
const GRAPH: Methods = Object.getPrototypeOf(MultiDirectedGraph.prototype);
const EMITTER: Methods = Object.getPrototypeOf(GRAPH);
/** Reads of the graph's own attributes need no node or edge. */
const WITHOUT_LOADING = new Set<PropertyKey>(["constructor", "getAttribute", "getAttributes", "hasAttribute"]);
const CHANGES = ["nodeAdded", "edgeAdded", "nodeDropped", "edgeDropped", "cleared", "edgesCleared", "edgeAttributesUpdated", "eachEdgeAttributesUpdated"];
/** Longest a background slice of loading holds the thread. */
const SLICE_MS = 12;
/** Listening to the graph loads it first, so loading never has a listener to tell (to it the graph was whole all along). */
const LISTENING = ["on", "addListener", "once", "prependListener", "prependOnceListener"];

/** Adds the snapshot's nodes, then its edges, to the graph, resuming where it stopped. */
class Loader {
  private node = 0;
  private edge = 0;
  private strings: string[] | null = null;
  private read: AttributeReader | null = null;
  failure: Error | null = null;

  constructor(
    private readonly graph: SnapshotGraph,
    private readonly snapshot: GraphSnapshot,
    private readonly nodeKeys: readonly string[],
    readonly edgeKeys: string[],
  ) {}

  /** Loads until everything is in (true) or `deadline` (performance.now()) passes. */
  run(deadline: number): boolean {
    if (this.failure) throw this.failure;
    const { graph, snapshot, nodeKeys, edgeKeys } = this;
    if (!this.strings) {
      const all = (this.strings = snapshot.strings.all());
      this.read = snapshot.reader((id) => all[id]);
    }
    const strings = this.strings;
    const read = this.read!;
    try {
      for (; this.node < snapshot.nodeCount; this.node++) {
        if ((this.node & 1023) === 0 && performance.now() > deadline) return false;
        GRAPH.addNode.call(graph, nodeKeys[this.node], read.node(this.node));
        if (this.node === snapshot.nodeCount - 1) startAdjacencyAsDictionaries(graph);
      }
      const { edgeSource, edgeTarget, edgeKeyIds, edgeCount } = snapshot;
      for (; this.edge < edgeCount; this.edge++) {
        if ((this.edge & 1023) === 0 && performance.now() > deadline) return false;
        const e = this.edge;
        const key = (edgeKeys[e] = strings[edgeKeyIds[e]]);
        GRAPH.addDirectedEdgeWithKey.call(graph, key, nodeKeys[edgeSource[e]], nodeKeys[edgeTarget[e]], read.edge(e));
      }
      return true;
    } catch (err) {
      throw (this.failure = err as Error);
    }
  }

  /** Attributes as the snapshot has them (used while the graph is not loaded). */
  reader(): AttributeReader {
    const strings = this.strings;
    return (this.read ??= this.snapshot.reader(strings ? (id) => strings[id] : undefined));
  }

  edgeKey(e: number): string {
    return this.edgeKeys[e] ?? (this.strings ? this.strings[this.snapshot.edgeKeyIds[e]] : this.snapshot.strings.get(this.snapshot.edgeKeyIds[e]));
  }
}

/** What the graph keeps of its snapshot once loaded: the structure, copied out of the file's bytes. */
interface Kept {
  nodeCount: number;
  edgeCount: number;
  nodeKeys: readonly string[];
  /** Filled as edges are loaded. */
  edgeKeys: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  types: ReturnType<typeof edgeTypeTable>;
}

function keep(snapshot: GraphSnapshot): Kept {
  const { strings } = snapshot;
  const nodeKeys = Array.from(snapshot.nodeKeyIds, (id) => strings.get(id));
  const reserved = nodeKeys.find((key) => RESERVED_NODE_KEYS.has(key));
  // The JSON loader refuses such a key with its own error: loadGraph falls back to it.
  if (reserved !== undefined) throw new Error(`graph/snapshot: node key "${reserved}" is reserved`);
  if (new Set(nodeKeys).size !== nodeKeys.length) throw new Error("graph/snapshot: a node key appears twice");
  return {
    nodeCount: snapshot.nodeCount,
    edgeCount: snapshot.edgeCount,
    nodeKeys,
    edgeKeys: new Array<string>(snapshot.edgeCount),
    edgeSource: snapshot.edgeSource.slice(),
    edgeTarget: snapshot.edgeTarget.slice(),
    types: edgeTypeTable(snapshot, (id) => strings.get(id)),
  };
}

export class SnapshotGraph extends MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes> {
  #loader: Loader | null;
  #changed = false;
  #background = false;
  #structure: GraphStructure | null = null;
  readonly #kept: Kept;

  /** Loads when first used, or sooner with `background` (or loadInBackground()). */
  constructor(snapshot: GraphSnapshot, options: { background?: boolean } = {}) {
    super();
    const kept = (this.#kept = keep(snapshot));
    GRAPH.replaceAttributes.call(this, snapshot.graphAttributes());
    this.#loader = new Loader(this, snapshot, kept.nodeKeys, kept.edgeKeys);
    // Closures made in a method that never sees the snapshot, so they do not keep its bytes alive once loaded.
    this.#expose();
    if (options.background) this.loadInBackground();
  }

  #expose(): void {
    const { nodeCount, edgeCount } = this.#kept;
    // graphology defines its counts as getters on the instance: order and size are known now, the others load first.
    for (const name of Object.getOwnPropertyNames(this)) {
      const descriptor = Object.getOwnPropertyDescriptor(this, name)!;
      const get = descriptor.get;
      if (!get || name === "implementation") continue;
      const known = name === "order" ? nodeCount : name === "size" ? edgeCount : undefined;
      const counted = known === undefined ? () => (this.load(), get.call(this)) : () => (this.#loader ? known : get.call(this));
      Object.defineProperty(this, name, { ...descriptor, get: counted });
    }
    provideStructure(this, () => (this.#changed ? undefined : (this.#structure ??= this.#makeStructure())));
  }

  /** True once every node and edge is in graphology. */
  get loaded(): boolean {
    return this.#loader === null;
  }

  /** Adds every node and edge still missing, now. */
  load(): void {
    const loader = this.#loader;
    if (!loader) return;
    loader.run(Infinity);
    this.#loader = null;
    for (const event of CHANGES) EMITTER.on.call(this, event, () => void (this.#changed = true));
  }

  /** Starts loading a slice at a time between other work (a server does once it listens). */
  loadInBackground(): void {
    if (this.#loader && !this.#background) (this.#background = true), this.#loadSlice();
  }

  #loadSlice(): void {
    // A timer, not an immediate: an unref'd immediate waits for the loop to wake for something else. Unref'd,
    // so a command that is done does not wait for its graph to finish loading; and holding the graph weakly,
    // so one dropped meanwhile (replaced after an ingest) is not loaded for nothing.
    const graph = new WeakRef(this);
    setTimeout(() => graph.deref()?.loadSlice(), 0).unref();
  }

  /** One background slice (internal: loadInBackground() schedules them). */
  loadSlice(): void {
    const loader = this.#loader;
    if (!loader || loader.failure) return;
    try {
      if (loader.run(performance.now() + SLICE_MS)) this.load();
      else this.#loadSlice();
    } catch {
      // Kept in the loader: the next use of the graph throws it.
    }
  }

  #makeStructure(): GraphStructure {
    const s = this.#kept;
    const loaderOf = () => this.#loader;
    return {
      nodeCount: s.nodeCount,
      edgeCount: s.edgeCount,
      nodeKeys: s.nodeKeys,
      edgeSource: s.edgeSource,
      edgeTarget: s.edgeTarget,
      ...s.types,
      edgeKey: (e) => loaderOf()?.edgeKey(e) ?? s.edgeKeys[e],
      nodeAttributes: (i) => loaderOf()?.reader().node(i) ?? GRAPH.getNodeAttributes.call(this, s.nodeKeys[i]),
      edgeAttributes: (e) => loaderOf()?.reader().edge(e) ?? GRAPH.getEdgeAttributes.call(this, s.edgeKeys[e]),
    };
  }
}

// Every graphology method loads what is missing first, except reads of the graph's own attributes; so does listening.
for (const [owner, key] of [...Reflect.ownKeys(GRAPH).map((k) => [GRAPH, k] as const), ...LISTENING.map((k) => [EMITTER, k] as const)]) {
  const descriptor = Object.getOwnPropertyDescriptor(owner, key)!;
  const method = descriptor?.value;
  if (WITHOUT_LOADING.has(key) || typeof method !== "function") continue;
  Object.defineProperty(SnapshotGraph.prototype, key, {
    ...descriptor,
    value: function (this: SnapshotGraph, ...args: unknown[]) {
      this.load();
      return method.apply(this, args);
    },
  });
}
