/**
 * Bench tasks "export-gexf" and "export-graphml": one side per process, so the
 * peak RSS is that side's own (graph loaded + export written). Parley writes
 * through its streaming writer (src/export) to a file; the peer, graphology-gexf,
 * builds the document as one string and writes it. graphology-graphml 0.5 ships
 * only a parser, so GraphML has no peer.
 */
import { stat, writeFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { write as gexfWrite } from "graphology-gexf";
import { exportToFile } from "../../src/export/index.ts";
import { EDGE_TYPE_BY_ID } from "../../src/ontology.ts";
import { loadGraph, type ParleyGraph } from "../../src/graph/persist.ts";
import { loadBenchGraph } from "../bench-graph.ts";
import { collectGarbage, cpuSecondsSince, mb, peakRssMB } from "../stats.ts";
import { BenchError, type TaskContext, type TaskResult } from "../task-types.ts";

/**
 * graphology-gexf at its fastest (no indentation), told to write what Parley's
 * GEXF carries (src/export/attribute-model.ts): it cannot serialize the evidence
 * objects itself, so it gets their count, as Parley writes it.
 */
const PEER_GEXF_OPTIONS = {
  version: "1.3",
  pretty: false,
  formatNode: (key: string, a: Record<string, unknown>) => ({
    label: a.label, x: a.x, y: a.y, size: a.size, color: a.color,
    attributes: { type: a.type, aliases: a.aliases, mentions: a.mentions, articles: a.articles },
  }),
  formatEdge: (_key: string, a: Record<string, unknown>) => ({
    label: a.label, weight: a.weight,
    attributes: { type: a.type, evidenceCount: (a.evidence as unknown[]).length, firstSeen: a.firstSeen, lastSeen: a.lastSeen, symmetric: EDGE_TYPE_BY_ID.get(a.type as string)?.symmetric ?? false },
  }),
} as unknown as Parameters<typeof gexfWrite>[1];

type Writer = (graph: ParleyGraph, file: string) => Promise<void>;

/**
 * Each side loads the graph file the way its users would: Parley through
 * loadGraph() (what `parley export` runs), the peer with graphology's own
 * JSON.parse + import. The export seconds time the writer alone either way.
 */
const LOADERS: Record<TaskContext["side"], (file: string) => Promise<ParleyGraph>> = { parley: loadGraph, peer: loadBenchGraph };

const WRITERS: Record<string, { parley: Writer; peer: Writer | null }> = {
  gexf: {
    parley: (graph, file) => exportToFile(graph, "gexf", file),
    peer: (graph, file) => writeFile(file, gexfWrite(graph as unknown as Parameters<typeof gexfWrite>[0], PEER_GEXF_OPTIONS)),
  },
  graphml: { parley: (graph, file) => exportToFile(graph, "graphml", file), peer: null },
};

/**
 * Each side writes the export twice (once in quick runs), after a garbage
 * collection each time, and reports its faster run: on these shared cores one
 * run of the same code took anywhere from 2.4 to 4 s (Parley) or 31 to 51 s
 * (graphology-gexf), and the faster of two is the less disturbed one.
 */
async function runExport(format: "gexf" | "graphml", ctx: TaskContext): Promise<TaskResult> {
  const write = WRITERS[format][ctx.side];
  if (!write) throw new BenchError(`bench/export: no ${ctx.side} writer for ${format}`);
  const graph = await LOADERS[ctx.side](ctx.graphFile);
  const loadedMB = peakRssMB();
  const file = join(ctx.tmpDir, `export-${ctx.side}.${format}`);
  const runs: Array<{ seconds: number; cpuSeconds: number }> = [];
  for (let run = 0; run < (ctx.quick ? 1 : 2); run++) {
    collectGarbage();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await write(graph, file);
    runs.push({ seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsSince(cpuBefore) });
  }
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const bytes = (await stat(file)).size;
  // Keep Parley's GEXF for XSD validation by the runner; drop the rest.
  if (!(format === "gexf" && ctx.side === "parley")) await unlink(file);
  return { ...best, runSeconds: runs.map((r) => r.seconds.toFixed(2)).join(" "), fileMB: mb(bytes), mbPerS: mb(bytes) / best.seconds, loadedRssMB: loadedMB, file };
}

export const exportGexf = (ctx: TaskContext) => runExport("gexf", ctx);
export const exportGraphml = (ctx: TaskContext) => runExport("graphml", ctx);
