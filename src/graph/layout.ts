/**
 * Precomputed layout: seeded positions (from a hash of each node key, so the same
 * graph always starts the same) refined by ForceAtlas2, rounded so the graph file
 * is byte-stable. Size follows degree, color follows type.
 *
 * The ForceAtlas2 run reads only the structure (nodes and edges in insertion
 * order), so it is split out (`layoutInput` → `computeLayout` → `applyLayout`)
 * to run on another thread (./layout-worker) with the same numbers as here.
 * `placeProvisionally` gives a graph positions at once — the previous graph's,
 * or near a node's neighbours — while its real layout is being computed.
 */
import forceAtlas2Module from "graphology-layout-forceatlas2";
import { MultiDirectedGraph } from "graphology";
import { createHash } from "node:crypto";
import { NODE_COLORS } from "../ontology.ts";
import type { ParleyGraph } from "./persist.ts";

// The package is CommonJS: under NodeNext its default import is module.exports, which the typings call `.default`.
const forceAtlas2 = forceAtlas2Module as unknown as typeof import("graphology-layout-forceatlas2").default;
/**
 * ForceAtlas2 iterations: 300 for a graph of up to 2,000 nodes; beyond, a
 * budget of 600,000 node-iterations (at least 60), since Barnes-Hut layouts of
 * thousands of nodes settle early and each iteration costs more: a
 * 10,000-article corpus (5,800 nodes) took 11 s at 300, 4 s at 103.
 */
const iterationsFor = (order: number) => Math.min(300, Math.max(60, Math.ceil(600_000 / order)));

/** What ForceAtlas2 needs of a graph: node keys and edge endpoints (as node indexes), both in insertion order. */
export interface LayoutInput {
  keys: string[];
  edges: Uint32Array;
}

function seededPoint(key: string): [number, number] {
  const h = createHash("sha1").update(key).digest();
  const angle = (h.readUInt32BE(0) / 2 ** 32) * 2 * Math.PI;
  const radius = 10 + (h.readUInt32BE(4) / 2 ** 32) * 90;
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

const round = (x: number) => Math.round(x * 100) / 100;

export function layoutInput(graph: ParleyGraph): LayoutInput {
  const keys = graph.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  const edges = new Uint32Array(graph.size * 2);
  let j = 0;
  graph.forEachEdge((_e, _a, source, target) => {
    edges[j++] = index.get(source)!;
    edges[j++] = index.get(target)!;
  });
  return { keys, edges };
}

/** A hash of the structure: equal hashes, equal layouts. */
export function structureHash(input: LayoutInput): string {
  const hash = createHash("sha256");
  for (const key of input.keys) hash.update(key).update("\0");
  hash.update(new Uint8Array(input.edges.buffer, input.edges.byteOffset, input.edges.byteLength));
  return hash.digest("hex");
}

/** Positions (x0, y0, x1, y1, …, in node order) of the structure, unrounded. */
export function computeLayout(input: LayoutInput): Float64Array {
  const bare = new MultiDirectedGraph<{ x: number; y: number }>();
  for (const key of input.keys) {
    const [x, y] = seededPoint(key);
    bare.addNode(key, { x, y });
  }
  for (let j = 0; j < input.edges.length; j += 2) bare.addDirectedEdge(input.keys[input.edges[j]!]!, input.keys[input.edges[j + 1]!]!);
  if (bare.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(bare), gravity: 1, scalingRatio: 10, barnesHutOptimize: bare.order > 2000 };
    forceAtlas2.assign(bare, { iterations: iterationsFor(bare.order), settings, getEdgeWeight: null });
  }
  const positions = new Float64Array(input.keys.length * 2);
  input.keys.forEach((key, i) => {
    const { x, y } = bare.getNodeAttributes(key);
    positions[2 * i] = x;
    positions[2 * i + 1] = y;
  });
  return positions;
}

/** Positions computed for `keys` onto the graph (which must still have exactly those nodes, in that order), with size and color. */
export function applyLayout(graph: ParleyGraph, keys: readonly string[], positions: Float64Array): void {
  keys.forEach((key, i) => {
    graph.mergeNodeAttributes(key, { x: round(positions[2 * i]!), y: round(positions[2 * i + 1]!) });
  });
  styleNodes(graph);
}

function styleNodes(graph: ParleyGraph): void {
  graph.forEachNode((key) => styleNode(graph, key));
}

function styleNode(graph: ParleyGraph, key: string): void {
  graph.mergeNodeAttributes(key, { size: round(4 + 2.5 * Math.sqrt(graph.degree(key))), color: NODE_COLORS[graph.getNodeAttribute(key, "type")] });
}

export function layoutGraph(graph: ParleyGraph): void {
  const input = layoutInput(graph);
  applyLayout(graph, input.keys, computeLayout(input));
}

/**
 * Positions at once, without ForceAtlas2: a node the previous graph had keeps
 * its place; a new one goes near the nodes it is linked to (or at its seeded
 * point when it has none placed), with a small seeded offset so new neighbours
 * of one node do not pile up.
 */
export function placeProvisionally(graph: ParleyGraph, previous: ParleyGraph): void {
  const steps = placeProvisionallyInSteps(graph, previous);
  while (!steps.next().done);
}

/** Nodes placed or styled per step of placeProvisionallyInSteps. */
const PLACED_STEP = 1000;

/** placeProvisionally pausing every PLACED_STEP nodes (a server places 6,000 nodes between requests). Same positions. */
export function* placeProvisionallyInSteps(graph: ParleyGraph, previous: ParleyGraph): Generator<void, void> {
  const fresh: string[] = [];
  let done = 0;
  for (const key of graph.nodes()) {
    if (++done % PLACED_STEP === 0) yield;
    if (previous.hasNode(key)) {
      const { x, y } = previous.getNodeAttributes(key);
      graph.mergeNodeAttributes(key, { x, y });
    } else fresh.push(key);
  }
  for (const key of fresh) {
    if (++done % PLACED_STEP === 0) yield;
    const placed = graph.neighbors(key).filter((n) => previous.hasNode(n));
    const [sx, sy] = seededPoint(key);
    if (!placed.length) {
      graph.mergeNodeAttributes(key, { x: round(sx), y: round(sy) });
      continue;
    }
    let x = 0;
    let y = 0;
    for (const n of placed) {
      x += previous.getNodeAttribute(n, "x");
      y += previous.getNodeAttribute(n, "y");
    }
    graph.mergeNodeAttributes(key, { x: round(x / placed.length + sx / 20), y: round(y / placed.length + sy / 20) });
  }
  for (const key of graph.nodes()) {
    if (++done % PLACED_STEP === 0) yield;
    styleNode(graph, key);
  }
}
