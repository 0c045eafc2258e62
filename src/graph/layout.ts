/**
 * Precomputed layout: seeded positions (from a hash of each node key, so the same
 * graph always starts the same) refined by ForceAtlas2, rounded so the graph file
 * is byte-stable. Size follows degree, color follows type.
 */
import forceAtlas2Module from "graphology-layout-forceatlas2";
import { createHash } from "node:crypto";
import { NODE_COLORS } from "../ontology.ts";
import type { ParleyGraph } from "./persist.ts";

// The package is CommonJS: under NodeNext its default import is module.exports, which the typings call `.default`.
const forceAtlas2 = forceAtlas2Module as unknown as typeof import("graphology-layout-forceatlas2").default;
const ITERATIONS = 300;

function seededPoint(key: string): [number, number] {
  const h = createHash("sha1").update(key).digest();
  const angle = (h.readUInt32BE(0) / 2 ** 32) * 2 * Math.PI;
  const radius = 10 + (h.readUInt32BE(4) / 2 ** 32) * 90;
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

const round = (x: number) => Math.round(x * 100) / 100;

export function layoutGraph(graph: ParleyGraph): void {
  graph.forEachNode((key) => {
    const [x, y] = seededPoint(key);
    graph.mergeNodeAttributes(key, { x, y });
  });
  if (graph.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), gravity: 1, scalingRatio: 10, barnesHutOptimize: graph.order > 2000 };
    forceAtlas2.assign(graph, { iterations: ITERATIONS, settings, getEdgeWeight: null });
  }
  graph.forEachNode((key, attrs) => {
    graph.mergeNodeAttributes(key, {
      x: round(attrs.x),
      y: round(attrs.y),
      size: round(4 + 2.5 * Math.sqrt(graph.degree(key))),
      color: NODE_COLORS[attrs.type],
    });
  });
}
