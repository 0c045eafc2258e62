/**
 * Bench task "load": graph.json → ready to query. Parley: loadGraph() (parse +
 * graphology import, with its error mapping) then createQueryEngine() (CSR and
 * name indexes), i.e. what `parley serve` does before its first answer. Peer:
 * bare graphology, JSON.parse + import, which can then be walked but has no
 * index. One side per process so each peak RSS is its own.
 */
import { readFile } from "node:fs/promises";
import { MultiDirectedGraph } from "graphology";
import { loadGraph } from "../../src/graph/persist.ts";
import { createQueryEngine } from "../../src/query/index.ts";
import type { TaskContext, TaskResult } from "../task-types.ts";
import { cpuSecondsSince } from "../stats.ts";

export async function load(ctx: TaskContext): Promise<TaskResult> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let order: number;
  if (ctx.side === "parley") {
    const graph = await loadGraph(ctx.graphFile);
    const engine = createQueryEngine(graph);
    engine.search("ka", 1); // the first answer proves it is ready
    order = graph.order;
  } else {
    const graph = new MultiDirectedGraph();
    graph.import(JSON.parse(await readFile(ctx.graphFile, "utf8")));
    order = graph.order;
  }
  // CPU seconds too: on shared cores the wall time moves with other work, this much less.
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsSince(cpuBefore), nodes: order };
}
