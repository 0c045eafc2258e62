/**
 * Bench task "shortest-path": 1,000 seeded random pairs (100 in quick mode),
 * Parley's engine (its bidirectional BFS over the CSR index, and the whole
 * engine.path() with names and evidence per hop) against
 * graphology-shortest-path's bidirectional search on the same pairs. Both walk
 * edges both ways, as the path finder does: graphology gets an undirected copy,
 * which it needs for that. Path lengths are cross-checked.
 */
import { UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import { createQueryEngine } from "../../src/query/index.ts";
import { GraphIndex } from "../../src/query/indexes/graph-index.ts";
import { PathSearcher } from "../../src/query/paths/path-search.ts";
import { loadBenchGraph, randomPairs } from "../bench-graph.ts";
import { summarize, timeMs } from "../stats.ts";
import type { TaskContext, TaskResult } from "../task-types.ts";

export async function shortestPath(ctx: TaskContext): Promise<TaskResult> {
  const graph = await loadBenchGraph(ctx.graphFile);
  const engine = createQueryEngine(graph);
  const index = new GraphIndex(graph);
  const searcher = new PathSearcher(index);
  const undirected = new UndirectedGraph();
  graph.forEachNode((k) => undirected.addNode(k));
  graph.forEachEdge((_e, _a, s, t) => void undirected.mergeEdge(s, t));

  const pairs = randomPairs(graph, ctx.quick ? 100 : 1000, ctx.seed);
  const id = (k: string) => index.nodeIndex.get(k)!;
  // Warm-up, so both are JIT-compiled before timing.
  for (const [a, b] of pairs.slice(0, 50)) (searcher.shortest(id(a), id(b)), bidirectional(undirected, a, b), engine.path(a, b));

  const ours: number[] = [], full: number[] = [], theirs: number[] = [];
  let mismatches = 0, unreachable = 0, hops = 0;
  for (const [a, b] of pairs) {
    let mine: number | null = null, peer: number | null = null;
    ours.push(timeMs(() => (mine = searcher.shortest(id(a), id(b))?.nodes.length ?? null)));
    theirs.push(timeMs(() => (peer = bidirectional(undirected, a, b)?.length ?? null)));
    full.push(timeMs(() => engine.path(a, b)));
    if (mine !== peer) mismatches++;
    if (mine === null) unreachable++;
    else hops += mine - 1;
  }
  const [o, f, t] = [summarize(ours), summarize(full), summarize(theirs)];
  return {
    pairs: pairs.length, mismatches, unreachable, meanHops: hops / Math.max(1, pairs.length - unreachable),
    parleyP50: o.p50, parleyP99: o.p99, enginePathP50: f.p50, enginePathP99: f.p99, peerP50: t.p50, peerP99: t.p99,
  };
}
