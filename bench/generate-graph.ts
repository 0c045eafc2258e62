/**
 * Seeded generator of news-knowledge-graph-shaped graphs for tests and
 * benchmarks: scale-free degrees (preferential attachment), the four node types,
 * the sixteen edge types of src/ontology.ts with their endpoint-type rules,
 * symmetric types stored once (source before target in key order), and evidence
 * on every edge. Same options and seed → the same graph, edge for edge.
 */
import { seededRandom } from "../src/graph/seeded-random.ts";
import { MultiDirectedGraph } from "graphology";
import type { ParleyGraph } from "../src/graph/persist.ts";
import { EDGE_TYPES, NODE_COLORS, type EdgeTypeDef } from "../src/ontology.ts";
import { NODE_TYPES, type NodeType } from "../src/types.ts";

export interface GenerateOptions {
  nodes: number;
  edges: number;
  seed?: number;
  /** Share of endpoints drawn by degree (preferential attachment) rather than uniformly; default 0.75. */
  preferential?: number;
}

/** The generator is seeded, so a generated graph is the same on every run. */
export const rng = seededRandom;

const TYPE_SHARE: Array<[NodeType, number]> = [["actor", 0.4], ["organization", 0.3], ["proposal", 0.15], ["location", 0.15]];
const SYLLABLES = ["ka", "ro", "mi", "sev", "lan", "dor", "vek", "ta", "ny", "zel", "pu", "ru", "bi", "ost", "gra", "mar"];

function name(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) s += SYLLABLES[n % SYLLABLES.length];
  return s[0].toUpperCase() + s.slice(1);
}

export function generateGraph(opts: GenerateOptions): ParleyGraph {
  const { nodes: n, edges: m, seed = 1, preferential = 0.75 } = opts;
  if (!(Number.isInteger(n) && n >= 2)) throw new TypeError("bench/generate-graph: expecting nodes to be an integer ≥ 2.");
  if (!(Number.isInteger(m) && m >= 0)) throw new TypeError("bench/generate-graph: expecting edges to be a non-negative integer.");
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const graph: ParleyGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ name: `generated-${n}-${m}-${seed}`, articles: [{ id: "gen", title: "Generated", outlet: null, published: "2025-03-11", url: null, file: "gen.txt", credits: [], sentences: m, words: m * 12 }] });
  const keys: string[] = new Array(n);
  const types: NodeType[] = new Array(n);
  const labels: string[] = new Array(n);
  const byType = new Map<NodeType, number[]>(NODE_TYPES.map((t) => [t, []]));
  for (let i = 0; i < n; i++) {
    let r = random();
    const type = TYPE_SHARE.find(([, share]) => (r -= share) < 0)?.[0] ?? "location";
    const label = `${name(i)} ${type === "actor" ? name(i * 7 + 3) : type}`;
    keys[i] = `n${i}`;
    labels[i] = label;
    types[i] = type;
    byType.get(type)!.push(i);
    graph.addNode(keys[i], {
      label, type, aliases: [label, name(i)], mentions: 1, articles: ["gen"],
      x: random() * 1000, y: random() * 1000, size: 3, color: NODE_COLORS[type],
    });
  }
  // Endpoints of earlier edges: drawing from here is drawing proportionally to degree.
  const ends = new Int32Array(2 * m);
  let endCount = 0;
  const typesFrom = new Map<NodeType, EdgeTypeDef[]>(NODE_TYPES.map((t) => [t, EDGE_TYPES.filter((d) => d.from.includes(t))]));
  const endpoint = (allowed: readonly NodeType[]): number => {
    for (let tries = 0; tries < 8; tries++) {
      const i = endCount > 0 && random() < preferential ? ends[Math.floor(random() * endCount)] : Math.floor(random() * n);
      if (allowed.includes(types[i])) return i;
    }
    const pool = byType.get(pick(allowed.filter((t) => byType.get(t)!.length)))!;
    return pool[Math.floor(random() * pool.length)];
  };
  const partyTypes: NodeType[] = ["actor", "organization", "location"].filter((t) => byType.get(t as NodeType)!.length) as NodeType[];
  let added = 0;
  for (let attempts = 0; added < m && attempts < m * 20; attempts++) {
    let s = endpoint(partyTypes);
    const options = typesFrom.get(types[s])!;
    if (!options.length) continue;
    const def = pick(options);
    if (!def.to.some((t) => byType.get(t)!.length)) continue;
    let t = endpoint(def.to);
    if (s === t) continue;
    if (def.symmetric && keys[s] > keys[t]) [s, t] = [t, s];
    const key = `${keys[s]}|${def.id}|${keys[t]}`;
    if (graph.hasEdge(key)) continue;
    const sentence = `${labels[s]} ${def.label} ${labels[t]}.`;
    graph.addDirectedEdgeWithKey(key, keys[s], keys[t], {
      type: def.id, label: def.label, weight: 1,
      evidence: [{ article: "gen", sentence, quote: def.label, rule: `gen-${def.id}`, sentenceIndex: added }],
      firstSeen: "2025-03-11", lastSeen: "2025-03-11",
    });
    ends[endCount++] = s;
    ends[endCount++] = t;
    added++;
  }
  return graph;
}
