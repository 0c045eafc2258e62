/**
 * Benchmark: shortest path between 1,000 seeded random node pairs on a generated
 * news-KG-shaped graph (default 100k nodes / 1M edges), the query engine's
 * bidirectional BFS over its CSR index side by side with graphology-shortest-path's
 * bidirectional search, same pairs, same run; path lengths are cross-checked.
 *   npx tsx bench/shortest-path.ts [nodes] [edges] [pairs] [seed]
 * Both searches ignore edge direction (as the console's path finder does):
 * graphology runs on an undirected copy of the graph, which is what it needs
 * to walk edges both ways.
 */
import { UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import { GraphIndex } from "../src/query/indexes/graph-index.ts";
import { PathSearcher } from "../src/query/paths/path-search.ts";
import { createQueryEngine } from "../src/query/index.ts";
import { generateGraph, rng } from "./generate-graph.ts";

const [nodes = 100_000, edges = 1_000_000, pairs = 1000, seed = 7] = process.argv.slice(2).map(Number);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (x: number) => `${x.toFixed(3)} ms`;
const summary = (name: string, times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return { name, p50: pct(s, 50), p99: pct(s, 99), mean: times.reduce((a, b) => a + b, 0) / times.length };
};

let t = performance.now();
const graph = generateGraph({ nodes, edges, seed });
console.log(`generated ${graph.order} nodes / ${graph.size} edges in ${ms(performance.now() - t)}`);

t = performance.now();
const engine = createQueryEngine(graph);
console.log(`createQueryEngine (indexes) in ${ms(performance.now() - t)}`);
t = performance.now();
const index = new GraphIndex(graph);
const searcher = new PathSearcher(index);
console.log(`GraphIndex + PathSearcher alone in ${ms(performance.now() - t)}`);

t = performance.now();
const undirected = new UndirectedGraph();
graph.forEachNode((k) => undirected.addNode(k));
graph.forEachEdge((_e, _a, s, tg) => void undirected.mergeEdge(s, tg));
console.log(`undirected copy for graphology in ${ms(performance.now() - t)}`);

const random = rng(seed * 7919 + 1);
const keys = graph.nodes();
const pairList = Array.from({ length: pairs }, () => [keys[Math.floor(random() * keys.length)], keys[Math.floor(random() * keys.length)]] as const);

// Warm-up both so the JIT has compiled them before timing.
for (const [a, b] of pairList.slice(0, 50)) {
  bidirectional(undirected, a, b);
  searcher.shortest(index.nodeIndex.get(a)!, index.nodeIndex.get(b)!);
}

const ours: number[] = [];
const theirs: number[] = [];
const full: number[] = [];
let mismatches = 0;
let unreachable = 0;
const lengths: number[] = [];
for (const [a, b] of pairList) {
  let t0 = performance.now();
  const p = searcher.shortest(index.nodeIndex.get(a)!, index.nodeIndex.get(b)!);
  const ourPath = p ? p.nodes.map((i) => index.nodeKeys[i]) : null;
  ours.push(performance.now() - t0);
  t0 = performance.now();
  const theirPath = bidirectional(undirected, a, b);
  theirs.push(performance.now() - t0);
  t0 = performance.now();
  engine.path(a, b);
  full.push(performance.now() - t0);
  if ((ourPath?.length ?? -1) !== (theirPath?.length ?? -1)) mismatches++;
  if (!ourPath) unreachable++;
  else lengths.push(ourPath.length - 1);
}

const rows = [summary("parley PathSearcher (CSR bidirectional BFS)", ours), summary("parley engine.path() incl. names+evidence", full), summary("graphology-shortest-path bidirectional", theirs)];
console.log(`\n${pairs} random pairs, seed ${seed}; mean hops ${(lengths.reduce((x, y) => x + y, 0) / Math.max(1, lengths.length)).toFixed(2)}, unreachable ${unreachable}, length mismatches ${mismatches}`);
for (const r of rows) console.log(`${r.name.padEnd(46)} p50 ${ms(r.p50).padStart(11)}  p99 ${ms(r.p99).padStart(11)}  mean ${ms(r.mean).padStart(11)}`);
console.log(`ratio parley/graphology: p50 ${(rows[0].p50 / rows[2].p50).toFixed(3)}, p99 ${(rows[0].p99 / rows[2].p99).toFixed(3)}`);
if (mismatches) process.exitCode = 1;
