/**
 * Loading the run's shared generated graph in a task process, and seeded
 * choices over it (random node pairs), so every task and both sides of a
 * comparison see the same graph and the same questions.
 */
import { readFile } from "node:fs/promises";
import { graphFromJSON, type ParleyGraph } from "../src/graph/persist.ts";
import { rng } from "./generate-graph.ts";

export async function loadBenchGraph(file: string): Promise<ParleyGraph> {
  return graphFromJSON(JSON.parse(await readFile(file, "utf8")));
}

/** `count` seeded random node pairs (keys), the same for the same graph and seed. */
export function randomPairs(graph: ParleyGraph, count: number, seed: number): Array<[string, string]> {
  const random = rng(seed * 7919 + 1);
  const keys = graph.nodes();
  const pick = () => keys[Math.floor(random() * keys.length)];
  return Array.from({ length: count }, () => [pick(), pick()]);
}
