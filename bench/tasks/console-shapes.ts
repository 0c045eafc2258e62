/**
 * Bench task "console-shapes": p50/p99 of the query console's shapes from
 * DESIGN.md on the generated graph, each run over seeded random names (the
 * generated graph's labels stand in for Rubio, Putin, Witkoff…). A query stopped
 * by a guard (rows, expansions, time) is timed up to the stop and counted.
 * Besides wall time it records the process's CPU time per query (`|cpuP50`,
 * `|cpuP99`, not figures): on shared cores, waiting for a core inflates wall
 * p99 many times over, CPU time much less.
 */
import { createQueryEngine, QueryGuardError } from "../../src/query/index.ts";
import { rng } from "../generate-graph.ts";
import { loadBenchGraph } from "../bench-graph.ts";
import { cpuSecondsSince, summarize } from "../stats.ts";
import type { TaskContext, TaskResult } from "../task-types.ts";

type Pick = () => string;

/** The DESIGN.md examples as templates over random actor/any names and a name fragment. */
export const CONSOLE_SHAPES: Array<{ id: string; enumeratesPaths: boolean; query: (actor: Pick, any: Pick, part: Pick) => string }> = [
  { id: "neighbors", enumeratesPaths: false, query: (actor) => `MATCH (a:Actor {name: '${actor()}'})-[r]-(b) RETURN b.name, type(r)` },
  { id: "typed pattern", enumeratesPaths: false, query: () => `MATCH (o)-[:REJECTED]->(p:Proposal) RETURN o.name, p.name` },
  { id: "shortestPath", enumeratesPaths: false, query: (_a, any) => `MATCH p = shortestPath((a {name: '${any()}'})-[*..6]-(b {name: '${any()}'})) RETURN p` },
  { id: "allShortestPaths", enumeratesPaths: true, query: (actor) => `MATCH p = allShortestPaths((a:Actor {name: '${actor()}'})-[*]-(b:Actor {name: '${actor()}'})) RETURN p` },
  { id: "contains + distinct", enumeratesPaths: false, query: (_a, _n, part) => `MATCH (a)-[:NEGOTIATED_WITH|MET_WITH]-(b) WHERE a.name CONTAINS '${part()}' RETURN DISTINCT b.name ORDER BY b.name` },
  { id: "count by type", enumeratesPaths: false, query: () => `MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC` },
];

export async function consoleShapes(ctx: TaskContext): Promise<TaskResult> {
  const graph = await loadBenchGraph(ctx.graphFile);
  const engine = createQueryEngine(graph);
  const random = rng(ctx.seed * 31 + 5);
  const labels = graph.mapNodes((_k, a) => a.label);
  const actors = graph.filterNodes((_k, a) => a.type === "actor").map((k) => graph.getNodeAttribute(k, "label"));
  const actor = () => actors[Math.floor(random() * actors.length)];
  const any = () => labels[Math.floor(random() * labels.length)];
  // A surname (second word of an actor's label), like 'Witkoff'.
  const part = () => actor().split(" ")[1] ?? actor();
  const runs = ctx.quick ? 10 : 100;
  const out: TaskResult = { runs };
  for (const shape of CONSOLE_SHAPES) {
    const times: number[] = [];
    const cpu: number[] = [];
    let guarded = 0, rows = 0;
    const guards = new Set<string>();
    for (let i = 0; i < runs + 5; i++) {
      const text = shape.query(actor, any, part);
      const t = performance.now();
      const c = process.cpuUsage();
      try {
        rows += (await engine.run(text)).rows.length;
      } catch (err) {
        if (!(err instanceof QueryGuardError)) throw err;
        guarded++;
        guards.add(err.message);
      }
      if (i >= 5) {
        // The first five warm up the JIT.
        times.push(performance.now() - t);
        cpu.push(cpuSecondsSince(c) * 1000);
      }
    }
    const s = summarize(times);
    const sc = summarize(cpu);
    Object.assign(out, { [`${shape.id}|p50`]: s.p50, [`${shape.id}|p99`]: s.p99, [`${shape.id}|cpuP50`]: sc.p50, [`${shape.id}|cpuP99`]: sc.p99, [`${shape.id}|guarded`]: guarded, [`${shape.id}|meanRows`]: rows / (runs + 5), [`${shape.id}|guards`]: [...guards].slice(0, 3) });
  }
  return out;
}
