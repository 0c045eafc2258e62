/**
 * Graph statistics for the explorer (and the bench): degree, weighted degree,
 * betweenness, PageRank and Louvain communities, computed with graphology's own
 * libraries over the graph as it is drawn — given as flat arrays (node i, edge
 * j from sources[j] to targets[j] with weights[j]), which is what a web worker
 * can be handed without copying a graph object.
 *
 * Degrees count relations as they are (parallel edges each count). The other
 * measures read the relations as ties between two entities: one undirected
 * simple graph whose edge weight is the sum of the parallel edges' weights,
 * without self-loops. Brokerage ("who stands between the sides") is about
 * shortest paths in hops, so betweenness ignores the weights; PageRank and
 * Louvain use them.
 *
 * Deterministic: Louvain's random walk and the betweenness sample draw from a
 * seeded generator, and communities are numbered by size (largest first).
 * Exact betweenness is O(V·E); above EXACT_BETWEENNESS_WORK it is estimated
 * from a seeded sample of source nodes (Brandes' pivots), scaled to the whole.
 */
import { UndirectedGraph } from "graphology";
import type { AbstractGraph, Attributes } from "graphology-types";
import { seededRandom } from "./seeded-random.ts";

export { seededRandom };
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";
import louvainModule from "graphology-communities-louvain";
import { createUnweightedIndexedBrandes } from "graphology-shortest-path/indexed-brandes.js";

// CommonJS packages: under NodeNext the default import is module.exports, which the typings call `.default`.
const betweennessCentrality = betweennessModule as unknown as typeof import("graphology-metrics/centrality/betweenness.js").default;
const pagerank = pagerankModule as unknown as typeof import("graphology-metrics/centrality/pagerank.js").default;
const louvain = louvainModule as unknown as typeof import("graphology-communities-louvain").default;

export interface MetricsInput {
  order: number;
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

export interface GraphMetrics {
  degree: Float64Array;
  weightedDegree: Float64Array;
  /** Normalized as graphology-metrics does: by (n−1)(n−2). */
  betweenness: Float64Array;
  pagerank: Float64Array;
  /** Community of each node, 0 the largest. */
  community: Int32Array;
  communityCount: number;
  modularity: number;
  /** Sources the betweenness was computed from: all nodes when exact. */
  betweennessSources: number;
  betweennessExact: boolean;
  /** Milliseconds per measure. */
  timings: Record<"projection" | "betweenness" | "pagerank" | "louvain", number>;
}

export const METRIC_IDS = ["degree", "weightedDegree", "betweenness", "pagerank", "community"] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/**
 * Above this many node × tie steps, betweenness is sampled. Exact at 10k nodes ×
 * 50k ties took 19.7 s in one thread here; 4e7 keeps any graph to a few seconds
 * (2k × 20k is still exact).
 */
export const EXACT_BETWEENNESS_WORK = 4e7;
/** A sample's size: as many sources as fit in the exact budget, never fewer than this. */
export const MIN_BETWEENNESS_SAMPLE = 48;

/** The flat input for a graph, or for the part of it that is visible; `keys[i]` is node i. */
export function metricsInput(graph: AbstractGraph<Attributes, { weight?: number }>, visible?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }): { keys: string[]; input: MetricsInput } {
  const keys: string[] = [];
  const index = new Map<string, number>();
  graph.forEachNode((key) => {
    if (visible && !visible.nodes.has(key)) return;
    index.set(key, keys.length);
    keys.push(key);
  });
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  graph.forEachEdge((key, attrs, source, target) => {
    if (visible && !visible.edges.has(key)) return;
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined) return;
    sources.push(s);
    targets.push(t);
    weights.push(Number.isFinite(attrs.weight) && attrs.weight! > 0 ? attrs.weight! : 1);
  });
  return { keys, input: { order: keys.length, sources: Int32Array.from(sources), targets: Int32Array.from(targets), weights: Float64Array.from(weights) } };
}

/** The undirected simple weighted graph of ties; node i is keyed String(i), added in order, ties in order of first appearance. */
export function tieGraph(input: MetricsInput): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  const n = input.order;
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  // Summed in a map keyed by the pair (min·n + max stays exact below 2^53 for any graph that fits in memory), then added once each:
  // graphology's updateEdge per relation was 8 s of 1M.
  const ties = new Map<number, number>();
  for (let j = 0; j < input.sources.length; j++) {
    const s = input.sources[j]!;
    const t = input.targets[j]!;
    if (s === t) continue;
    const pair = s < t ? s * n + t : t * n + s;
    ties.set(pair, (ties.get(pair) ?? 0) + input.weights[j]!);
  }
  for (const [pair, weight] of ties) {
    const low = Math.floor(pair / n);
    graph.addUndirectedEdge(String(low), String(pair - low * n), { weight });
  }
  return graph;
}

const toArray = (graph: UndirectedGraph, byKey: Record<string, number>): Float64Array => {
  const out = new Float64Array(graph.order);
  for (let i = 0; i < graph.order; i++) out[i] = byKey[String(i)] ?? 0;
  return out;
};

/** Brandes' accumulation from a seeded sample of sources (graphology's indexed BFS), scaled to all n sources and normalized like graphology-metrics. */
function sampledBetweenness(graph: UndirectedGraph, samples: number, random: () => number): Float64Array {
  const n = graph.order;
  const brandes = createUnweightedIndexedBrandes(graph);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < samples; i++) {
    const j = i + Math.floor(random() * (n - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const delta = new Float64Array(n);
  const centrality = new Float64Array(n);
  for (let s = 0; s < samples; s++) {
    const source = order[s]!;
    const [S, P, sigma] = brandes(source);
    const stack: number[] = [];
    while (S.size) stack.push(S.pop()!);
    for (const w of stack) delta[w] = 0;
    // The stack pops farthest first: each node passes its dependency to its predecessors.
    for (let k = 0; k < stack.length; k++) {
      const w = stack[k]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of P[w]!) delta[v] += sigma[v]! * coefficient;
      if (w !== source) centrality[w] += delta[w]!;
    }
  }
  const scale = (n / samples) * (n <= 2 ? 1 : 1 / ((n - 1) * (n - 2)));
  for (let i = 0; i < n; i++) centrality[i] *= scale;
  return centrality;
}

export interface MetricsOptions {
  seed?: number;
  /** Node × tie steps up to which betweenness is exact (default EXACT_BETWEENNESS_WORK). */
  exactWork?: number;
}

export function computeMetrics(input: MetricsInput, options: MetricsOptions = {}): GraphMetrics {
  const clock = () => performance.now();
  const random = seededRandom(options.seed ?? 1);
  const budget = options.exactWork ?? EXACT_BETWEENNESS_WORK;
  let t = clock();

  const degree = new Float64Array(input.order);
  const weightedDegree = new Float64Array(input.order);
  for (let j = 0; j < input.sources.length; j++) {
    const s = input.sources[j]!;
    const d = input.targets[j]!;
    const w = input.weights[j]!;
    degree[s] += 1;
    degree[d] += 1;
    weightedDegree[s] += w;
    weightedDegree[d] += w;
  }
  const ties = tieGraph(input);
  const projection = clock() - t;

  t = clock();
  const work = ties.order * Math.max(1, ties.size);
  const exact = work <= budget;
  const samples = exact ? ties.order : Math.min(ties.order, Math.max(MIN_BETWEENNESS_SAMPLE, Math.floor(budget / Math.max(1, ties.size))));
  const betweenness = exact ? toArray(ties, betweennessCentrality(ties, { getEdgeWeight: null, normalized: true })) : sampledBetweenness(ties, samples, random);
  const betweennessTime = clock() - t;

  t = clock();
  const rank = ties.size ? toArray(ties, pagerank(ties, { getEdgeWeight: "weight" })) : new Float64Array(ties.order).fill(ties.order ? 1 / ties.order : 0);
  const pagerankTime = clock() - t;

  t = clock();
  const detailed = louvain.detailed(ties, { getEdgeWeight: "weight", rng: random, resolution: 1 });
  const { community, count } = bySize(ties, detailed.communities);
  const louvainTime = clock() - t;

  return {
    degree,
    weightedDegree,
    betweenness,
    pagerank: rank,
    community,
    communityCount: count,
    modularity: detailed.modularity,
    betweennessSources: samples,
    betweennessExact: exact,
    timings: { projection, betweenness: betweennessTime, pagerank: pagerankTime, louvain: louvainTime },
  };
}

/** Renumbers communities by size, largest first (ties: the one whose first node comes first). */
function bySize(graph: UndirectedGraph, communities: Record<string, number>): { community: Int32Array; count: number } {
  const size = new Map<number, number>();
  const first = new Map<number, number>();
  for (let i = 0; i < graph.order; i++) {
    const c = communities[String(i)]!;
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, i);
  }
  const ranked = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || first.get(a)! - first.get(b)!);
  const rank = new Map(ranked.map((c, i) => [c, i]));
  const community = new Int32Array(graph.order);
  for (let i = 0; i < graph.order; i++) community[i] = rank.get(communities[String(i)]!)!;
  return { community, count: ranked.length };
}
