/**
 * A graph as an index over it wants it, without graphology: nodes and edges
 * numbered in graphology's iteration order, endpoints as node numbers, each
 * edge's `type` as a small table, and attributes by number. A binary snapshot
 * gives one directly (the query worker's whole graph), and a graph loaded
 * from one keeps it until it changes, so the query engine never has to walk a
 * million edges through graphology to index them.
 */
import type { AbstractGraph } from "graphology-types";
import { NO_STRING } from "./format.ts";
import type { GraphSnapshot } from "./decode.ts";

export interface GraphStructure {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly nodeKeys: readonly string[];
  edgeKey(e: number): string;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Each edge's `type` attribute as an index into `typeValues`: its distinct values, undefined standing for any non-string. */
  readonly edgeTypes: Uint32Array;
  readonly typeValues: readonly unknown[];
  /** The attribute objects (as the graph holds them, or as freshly decoded: treat them as read-only). */
  nodeAttributes(i: number): Record<string, unknown>;
  edgeAttributes(e: number): Record<string, unknown>;
}

/** Each edge's `type` string id → a dense index into the distinct values. */
export function edgeTypeTable(snapshot: GraphSnapshot, string: (id: number) => string): { edgeTypes: Uint32Array; typeValues: unknown[] } {
  const slot = new Map<number, number>();
  const typeValues: unknown[] = [];
  const edgeTypes = new Uint32Array(snapshot.edgeCount);
  for (let e = 0; e < snapshot.edgeCount; e++) {
    const id = snapshot.edgeTypeIds[e];
    let k = slot.get(id);
    if (k === undefined) {
      k = typeValues.push(id === NO_STRING ? undefined : string(id)) - 1;
      slot.set(id, k);
    }
    edgeTypes[e] = k;
  }
  return { edgeTypes, typeValues };
}

/**
 * A snapshot's structure read in place: only node keys are decoded up front;
 * edge keys and attributes are decoded when asked for (the query worker holds
 * the file's bytes, not a graph).
 */
export function snapshotStructure(snapshot: GraphSnapshot): GraphStructure {
  const { strings } = snapshot;
  const get = (id: number) => strings.get(id);
  const read = snapshot.reader(get);
  return {
    nodeCount: snapshot.nodeCount,
    edgeCount: snapshot.edgeCount,
    nodeKeys: Array.from(snapshot.nodeKeyIds, get),
    edgeKey: (e) => strings.get(snapshot.edgeKeyIds[e]),
    edgeSource: snapshot.edgeSource,
    edgeTarget: snapshot.edgeTarget,
    ...edgeTypeTable(snapshot, get),
    nodeAttributes: (i) => read.node(i),
    edgeAttributes: (e) => read.edge(e),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyGraph = AbstractGraph<any, any, any>;

const structures = new WeakMap<AnyGraph, () => GraphStructure | undefined>();

/** Registers where `graph`'s structure comes from (a snapshot-loaded graph does, saying undefined once it changed). */
export function provideStructure(graph: AnyGraph, structure: () => GraphStructure | undefined): void {
  structures.set(graph, structure);
}

/** The structure `graph` was loaded with, if it has one and has not changed since. */
export function structureOf(graph: AnyGraph): GraphStructure | undefined {
  const s = structures.get(graph)?.();
  return s && s.nodeCount === graph.order && s.edgeCount === graph.size ? s : undefined;
}
