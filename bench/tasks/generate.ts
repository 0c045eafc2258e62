/**
 * Bench task "generate": builds the seeded news-KG-shaped graph of a workload
 * once per run and writes it as graphology JSON under bench/tmp/, so every
 * other task (each in its own process) loads the very same graph.
 */
import { writeFile } from "node:fs/promises";
import { generateGraph } from "../generate-graph.ts";
import type { TaskContext } from "../task-types.ts";

export async function generate(ctx: TaskContext): Promise<Record<string, number>> {
  const started = performance.now();
  const graph = generateGraph({ nodes: ctx.workload.nodes, edges: ctx.workload.edges, seed: ctx.seed });
  const generatedS = (performance.now() - started) / 1000;
  const text = JSON.stringify(graph.export());
  await writeFile(ctx.graphFile, text);
  return { generatedS, nodes: graph.order, edges: graph.size, fileMB: Buffer.byteLength(text) / 2 ** 20 };
}
