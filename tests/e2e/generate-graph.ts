/**
 * A synthetic graph in the graph-file shape (DESIGN.md "The graph file") for the
 * explorer's scale measurements: n nodes, m typed edges respecting the ontology's
 * end types, dated evidence, random starting positions. Deterministic for a seed.
 * (bench/generate-graph.ts is the project-wide generator; this one keeps the web
 * measurements independent of it.)
 */
import { MultiDirectedGraph } from "graphology";
import { EDGE_TYPES, NODE_COLORS } from "../../src/ontology.ts";
import { NODE_TYPES, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type NodeType } from "../../src/types.ts";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateExplorerGraph(nodes: number, edges: number, seed = 1) {
  if (!Number.isInteger(nodes) || nodes < 2 || !Number.isInteger(edges) || edges < 0) throw new TypeError("e2e/generate-graph: expecting nodes ≥ 2 and edges ≥ 0 integers.");
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const g = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  g.replaceAttributes({ name: `synthetic ${nodes}/${edges}`, articles: [{ id: "synthetic", title: "Synthetic article", outlet: null, published: "2025-03-01", url: null, file: "synthetic.txt", credits: [], sentences: 1, words: 10 }] });
  const byType = new Map<NodeType, string[]>(NODE_TYPES.map((t) => [t, []]));
  const weights: [NodeType, number][] = [["actor", 0.5], ["organization", 0.25], ["proposal", 0.1], ["location", 0.15]];
  for (let i = 0; i < nodes; i++) {
    let r = rand();
    const type = weights.find(([, w]) => (r -= w) < 0)?.[0] ?? "actor";
    const key = `${type}-${i}`;
    g.addNode(key, { label: `${type[0].toUpperCase()}${type.slice(1)} ${i}`, type, aliases: [`${type} no. ${i}`], mentions: 1 + Math.floor(rand() * 20), articles: ["synthetic"], x: rand() * 1000, y: rand() * 1000, size: 4, color: NODE_COLORS[type] });
    byType.get(type)!.push(key);
  }
  const all = g.nodes();
  let attempts = 0;
  while (g.size < edges && attempts++ < edges * 20) {
    const def = pick(EDGE_TYPES);
    const sources = def.from.flatMap((t) => byType.get(t)!);
    const targets = def.to.flatMap((t) => byType.get(t)!);
    // Preferential-ish: half the sources from the first tenth, so hubs exist.
    const source = rand() < 0.5 ? sources[Math.floor(rand() * rand() * sources.length)] : pick(sources);
    const target = pick(targets.length ? targets : all);
    if (!source || !target || source === target) continue;
    const key = `${source}|${def.id}|${target}`;
    if (g.hasEdge(key)) continue;
    const day = 1 + Math.floor(rand() * 28);
    const date = `2025-03-${String(day).padStart(2, "0")}`;
    g.addEdgeWithKey(key, source, target, {
      type: def.id,
      label: def.label,
      weight: 1,
      evidence: [{ article: "synthetic", sentence: `${source} ${def.label} ${target}.`, quote: def.label, rule: "synthetic", sentenceIndex: 0 }],
      firstSeen: date,
      lastSeen: date,
    });
  }
  return g;
}
