/**
 * Bidirectional breadth-first shortest path over the GraphIndex CSR. Both sides
 * mark nodes with a per-search stamp in preallocated typed arrays (no clearing,
 * no per-search allocation beyond the frontiers), and the frontier with fewer
 * adjacency entries to scan is expanded first (a single hub can cost more than
 * a thousand leaves). The first node reached from both sides closes a shortest path:
 * any shorter meeting would have been seen at an earlier level.
 */
import { BOTH, IN, OUT, type GraphIndex } from "../indexes/graph-index.ts";
import type { Guard } from "../execution/guards.ts";

/** "right": follow stored direction from the source; "left": against it; "both": ignore it. */
export type PathDirection = "right" | "left" | "both";

export interface PathSearchOptions {
  /** Allowed relationship type ids (GraphIndex.typeMask); null allows all. */
  mask?: Uint8Array | null;
  direction?: PathDirection;
  /** Most hops; default unbounded. */
  maxHops?: number;
  /** Extra per-edge test (relationship property maps). */
  edgeFilter?: ((edge: number) => boolean) | null;
  bannedNodes?: Uint8Array | null;
  bannedEdges?: Uint8Array | null;
  guard?: Guard | null;
}

export interface IndexPath {
  nodes: number[];
  edges: number[];
}

export class PathSearcher {
  private stamp = 0;
  private readonly markF: Int32Array;
  private readonly markB: Int32Array;
  private readonly parentF: Int32Array;
  private readonly parentB: Int32Array;
  private readonly viaF: Int32Array;
  private readonly viaB: Int32Array;
  private readonly queues: Int32Array[];

  constructor(readonly index: GraphIndex) {
    const n = index.nodeCount;
    this.markF = new Int32Array(n);
    this.markB = new Int32Array(n);
    this.parentF = new Int32Array(n);
    this.parentB = new Int32Array(n);
    this.viaF = new Int32Array(n);
    this.viaB = new Int32Array(n);
    this.queues = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  }

  /** One shortest path from `source` to `target` (node indices), or null. */
  shortest(source: number, target: number, opts: PathSearchOptions = {}): IndexPath | null {
    if (source === target) return { nodes: [source], edges: [] };
    const ix = this.index;
    const { mask = null, edgeFilter = null, bannedNodes = null, bannedEdges = null, guard = null } = opts;
    const maxHops = opts.maxHops ?? Infinity;
    const direction = opts.direction ?? "both";
    // Flag an entry must carry to be walked from the source side and from the target side.
    const needF = direction === "right" ? OUT : direction === "left" ? IN : BOTH;
    const needB = direction === "right" ? IN : direction === "left" ? OUT : BOTH;
    if (bannedNodes && (bannedNodes[source] || bannedNodes[target])) return null;
    const stamp = this.nextStamp();
    const { markF, markB, parentF, parentB, viaF, viaB, queues } = this;
    markF[source] = stamp;
    markB[target] = stamp;
    let front = queues[0], back = queues[1], spareF = queues[2], spareB = queues[3];
    let frontLen = 1, backLen = 1, hops = 0;
    const { offsets, neighbors, edges, dirs, edgeType } = ix;
    let frontCost = offsets[source + 1] - offsets[source];
    let backCost = offsets[target + 1] - offsets[target];
    front[0] = source;
    back[0] = target;
    while (frontLen > 0 && backLen > 0 && hops < maxHops) {
      const forward = frontCost <= backCost;
      const frontier = forward ? front : back;
      const len = forward ? frontLen : backLen;
      const next = forward ? spareF : spareB;
      const mine = forward ? markF : markB;
      const theirs = forward ? markB : markF;
      const parent = forward ? parentF : parentB;
      const via = forward ? viaF : viaB;
      const need = forward ? needF : needB;
      let nextLen = 0;
      let nextCost = 0;
      for (let q = 0; q < len; q++) {
        const u = frontier[q];
        if (guard) guard.expand();
        for (let p = offsets[u], end = offsets[u + 1]; p < end; p++) {
          const v = neighbors[p];
          if (mine[v] === stamp) continue;
          if (need !== BOTH && (dirs[p] & need) === 0) continue;
          const e = edges[p];
          if (mask !== null && mask[edgeType[e]] === 0) continue;
          if (bannedEdges !== null && bannedEdges[e] !== 0) continue;
          if (bannedNodes !== null && bannedNodes[v] !== 0) continue;
          if (edgeFilter !== null && !edgeFilter(e)) continue;
          mine[v] = stamp;
          parent[v] = u;
          via[v] = e;
          if (theirs[v] === stamp) return this.assemble(source, target, v);
          next[nextLen++] = v;
          nextCost += offsets[v + 1] - offsets[v];
        }
      }
      hops++;
      if (forward) {
        spareF = front;
        front = next;
        frontLen = nextLen;
        frontCost = nextCost;
      } else {
        spareB = back;
        back = next;
        backLen = nextLen;
        backCost = nextCost;
      }
    }
    return null;
  }

  private assemble(source: number, target: number, meet: number): IndexPath {
    const nodes: number[] = [meet];
    const edges: number[] = [];
    for (let v = meet; v !== source; v = this.parentF[v]) {
      edges.push(this.viaF[v]);
      nodes.push(this.parentF[v]);
    }
    nodes.reverse();
    edges.reverse();
    for (let v = meet; v !== target; v = this.parentB[v]) {
      edges.push(this.viaB[v]);
      nodes.push(this.parentB[v]);
    }
    return { nodes, edges };
  }

  private nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.stamp = 0;
      this.markF.fill(0);
      this.markB.fill(0);
    }
    return ++this.stamp;
  }
}
