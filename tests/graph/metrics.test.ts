/**
 * The explorer's statistics against graphology's libraries called directly on
 * the seed graph: the top broker is betweenness's top node, the community count
 * and assignment are Louvain's with the same seeded generator, PageRank is
 * pagerank's; the sampled betweenness with every node as a source is the exact
 * one; the same graph gives the same numbers twice.
 */
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { UndirectedGraph } from "graphology";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";
import louvainModule from "graphology-communities-louvain";
import { loadGraph } from "../../src/graph/persist.ts";
import { computeMetrics, metricsInput, MIN_BETWEENNESS_SAMPLE, seededRandom } from "../../src/graph/metrics.ts";
import { computeVisibility, DEFAULT_FILTERS } from "../../src/graph/view-filter.ts";

const betweenness = betweennessModule as unknown as typeof import("graphology-metrics/centrality/betweenness.js").default;
const pagerank = pagerankModule as unknown as typeof import("graphology-metrics/centrality/pagerank.js").default;
const louvain = louvainModule as unknown as typeof import("graphology-communities-louvain").default;

const SEED_GRAPH = fileURLToPath(new URL("../../graph-data/graph.json", import.meta.url));
const seed = await loadGraph(SEED_GRAPH);

/** The ties of the seed graph built here, by entity key: undirected, parallel weights summed, no self-loops. */
function ties(): UndirectedGraph {
  const g = new UndirectedGraph();
  seed.forEachNode((k) => g.addNode(k));
  seed.forEachEdge((_e, a, s, t) => {
    if (s !== t) g.updateEdge(s, t, (x) => ({ weight: ((x.weight as number | undefined) ?? 0) + a.weight }));
  });
  return g;
}

const argmax = (values: Record<string, number>) => Object.entries(values).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];

describe("graph statistics (src/graph/metrics.ts)", () => {
  const { keys, input } = metricsInput(seed);
  const m = computeMetrics(input);
  const byKey = (values: ArrayLike<number>) => Object.fromEntries(keys.map((k, i) => [k, values[i]!]));

  it("the top broker is graphology-metrics betweenness's top node, and every value agrees", () => {
    const expected = betweenness(ties(), { getEdgeWeight: null, normalized: true });
    expect(m.betweennessExact).toBe(true);
    const top = argmax(byKey(m.betweenness));
    expect(top).toBe(argmax(expected));
    expect(seed.getNodeAttribute(top, "label")).toBeTruthy();
    for (const [k, v] of Object.entries(byKey(m.betweenness))) expect(v).toBeCloseTo(expected[k]!, 12);
  });

  it("communities are Louvain's with the same seeded generator (count and partition), numbered by size", () => {
    const expected = louvain.detailed(ties(), { getEdgeWeight: "weight", rng: seededRandom(1), resolution: 1 });
    expect(m.communityCount).toBe(expected.count);
    expect(m.communityCount).toBeGreaterThan(1);
    expect(m.modularity).toBeCloseTo(expected.modularity, 12);
    // Same partition, whatever the numbering: two entities share a community in one iff in the other.
    const ours = byKey(m.community);
    for (const a of keys) for (const b of keys) expect(ours[a] === ours[b]).toBe(expected.communities[a] === expected.communities[b]);
    const sizes = Array.from({ length: m.communityCount }, (_, c) => keys.filter((k) => ours[k] === c).length);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it("PageRank is graphology-metrics pagerank over the weighted ties; degrees count every relation", () => {
    const expected = pagerank(ties(), { getEdgeWeight: "weight" });
    for (const [k, v] of Object.entries(byKey(m.pagerank))) expect(v).toBeCloseTo(expected[k]!, 10);
    for (const [k, v] of Object.entries(byKey(m.degree))) expect(v).toBe(seed.degree(k));
    const weighted = byKey(m.weightedDegree);
    seed.forEachNode((k) => expect(weighted[k]).toBeCloseTo(seed.reduceEdges(k, (sum, _e, a) => sum + a.weight, 0) + seed.reduceEdges(k, (sum, _e, a, s, t) => sum + (s === t ? a.weight : 0), 0), 10));
  });

  it("sampled betweenness from every node as a source is the exact betweenness; a smaller sample finds the same top brokers", () => {
    // Only actors: few enough entities that the smallest sample takes them all.
    const small = metricsInput(seed, computeVisibility(seed, { ...DEFAULT_FILTERS, hiddenNodeTypes: ["location", "organization", "proposal"] })).input;
    expect(small.order).toBeLessThanOrEqual(MIN_BETWEENNESS_SAMPLE);
    expect(small.sources.length).toBeGreaterThan(5);
    const exact = computeMetrics(small);
    const sampledAll = computeMetrics(small, { exactWork: 0 });
    expect(exact.betweennessExact).toBe(true);
    expect(sampledAll.betweennessExact).toBe(false);
    expect(sampledAll.betweennessSources).toBe(small.order);
    exact.betweenness.forEach((v, i) => expect(sampledAll.betweenness[i]).toBeCloseTo(v, 12));
    // On the whole seed (80 entities) a sample of 48 sources still ranks the top three brokers among its top ten.
    const sampled = computeMetrics(input, { exactWork: 0 });
    expect(sampled.betweennessSources).toBe(MIN_BETWEENNESS_SAMPLE);
    const top = (values: Float64Array, n: number) => [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, n);
    for (const t of top(m.betweenness, 3)) expect(top(sampled.betweenness, 10)).toContain(t);
  });

  it("the same graph gives the same numbers", () => {
    const again = computeMetrics(metricsInput(seed).input);
    for (const id of ["degree", "weightedDegree", "betweenness", "pagerank", "community"] as const) expect(Array.from(again[id])).toEqual(Array.from(m[id]));
  });

  it("over a filtered view it counts only what is visible", () => {
    const visible = computeVisibility(seed, { ...DEFAULT_FILTERS, hiddenNodeTypes: ["location"] });
    const view = metricsInput(seed, visible);
    expect(view.keys).toHaveLength(visible.nodes.size);
    expect(view.input.sources.length).toBe(visible.edges.size);
    const mv = computeMetrics(view.input);
    view.keys.forEach((k, i) => expect(mv.degree[i]).toBe(seed.filterEdges(k, (e) => visible.edges.has(e)).length + seed.filterEdges(k, (e, _a, s, t) => visible.edges.has(e) && s === t).length));
  });
});
