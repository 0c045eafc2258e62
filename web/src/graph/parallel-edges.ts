/**
 * Curvatures for parallel edges (Russia supported / considered / rejected the
 * cease-fire), so each draws its own arc with its own label (through
 * @sigma/edge-curve's programs) instead of all on one line. The numbering follows
 * the package's indexParallelEdgesIndex — a bundle in one direction spreads
 * symmetrically around the straight line; with edges both ways, each direction
 * bends to its own side — but is done here because that function writes its
 * numbers into the graph's attributes (the explorer's graph is never written:
 * the reducers read this map) and its module needs WebGL just to be imported.
 */
import type { ExplorerGraph } from "./filters.ts";

/** @sigma/edge-curve's DEFAULT_EDGE_CURVATURE. */
const BASE_CURVATURE = 0.25;

/** Spread grows with the number of edges in a bundle, but less than linearly so wide bundles stay readable. */
export function curvature(index: number, maxIndex: number): number {
  if (!maxIndex) return 0;
  const spread = BASE_CURVATURE * (1 + 1.5 * Math.log2(1 + Math.abs(maxIndex)));
  return (spread * index) / Math.abs(maxIndex);
}

/** Curvature of every edge that shares its two ends with another; single edges are left out (drawn straight). */
export function parallelCurvatures(graph: ExplorerGraph): Map<string, number> {
  const directed = new Map<string, string[]>();
  const undirectedCount = new Map<string, number>();
  graph.forEachEdge((key, _a, source, target) => {
    const d = `${source}\u0000${target}`;
    const u = source < target ? d : `${target}\u0000${source}`;
    const list = directed.get(d);
    if (list) list.push(key);
    else directed.set(d, [key]);
    undirectedCount.set(u, (undirectedCount.get(u) ?? 0) + 1);
  });
  const curvatures = new Map<string, number>();
  for (const [d, edges] of directed) {
    const [source, target] = d.split("\u0000") as [string, string];
    const both = undirectedCount.get(source < target ? d : `${target}\u0000${source}`)!;
    if (both === 1) continue;
    if (edges.length === both) {
      // One direction only: indices −m … +m around the straight line.
      const max = (edges.length - 1) / 2;
      edges.forEach((e, i) => curvatures.set(e, curvature(i - max, max)));
    } else {
      // Both directions: 1 … n, each direction bending to its own side of the line.
      edges.forEach((e, i) => curvatures.set(e, curvature(i + 1, edges.length)));
    }
  }
  return curvatures;
}
