/**
 * `parley bench`: the whole benchmark, each task in its own process, Parley
 * side by side with the library a user would reach for, on seeded generated
 * graphs (10k/100k, and 100k/1M unless --quick). Prints a table and writes
 * bench/results.json. Times are reported, never asserted.
 */
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { figuresOf, sides } from "./figures.ts";
import { formatTable, machine, writeResults } from "./report.ts";
import { runTask } from "./spawn-task.ts";
import { benchServers } from "./run-servers.ts";
import { topCosts } from "./cpu-profile.ts";
import { pool } from "./pool.ts";
import { repeatSeeds } from "./tasks/extraction.ts";
import { validateGexf } from "./validate-gexf.ts";
import type { BenchResults, Figure, TaskContext, TaskResult, Workload } from "./task-types.ts";

export const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));
export const WORKLOADS: Workload[] = [
  { name: "10k/100k", nodes: 10_000, edges: 100_000 },
  { name: "100k/1M", nodes: 100_000, edges: 1_000_000 },
];

/** The explorer's browser benchmark runs on its own sizes: what a page is asked to draw, not what the server holds. */
export const EXPLORER_WORKLOADS: Workload[] = [
  { name: "1k/5k", nodes: 1_000, edges: 5_000 },
  { name: "10k/50k", nodes: 10_000, edges: 50_000 },
];

export interface BenchOptions {
  quick: boolean;
  out: string;
  seed?: number;
  /** Overrides for the smoke test (a tiny graph, a few words, short loads). */
  workloads?: Workload[];
  extractionWords?: number;
  /** Generated articles of the corpus tasks (default 10,000; 300 in quick mode). */
  corpusArticles?: number;
  serverSeconds?: number;
  /** Graph sizes of the explorer's browser benchmark (default EXPLORER_WORKLOADS; the first alone in quick mode). */
  explorerWorkloads?: Workload[];
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
}

/** One comparison: a task run for Parley and, when there is one, for its peer. */
interface Comparison {
  task: string;
  workload: Workload;
  peer: boolean;
  /** Figures read `p.`/`q.` keys (one process per side) rather than one process's keys. */
  sided: boolean;
}

const COMPARISONS: Array<Omit<Comparison, "workload">> = [
  { task: "shortest-path", peer: false, sided: false }, // both sides in one process, same pairs
  { task: "console-shapes", peer: false, sided: false },
  { task: "export-gexf", peer: true, sided: true },
  { task: "export-graphml", peer: false, sided: true }, // graphology-graphml 0.5 has no writer
  { task: "load", peer: true, sided: true },
  { task: "cold-start", peer: false, sided: false }, // both servers spawned one after the other by one task process
];

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const { quick, out, seed = 7, log = (l) => process.stderr.write(`${l}\n`) } = options;
  const tmpDir = join(BENCH_DIR, "tmp", `run-${process.pid}`);
  await mkdir(tmpDir, { recursive: true });
  const workloads = options.workloads ?? (quick ? WORKLOADS.slice(0, 1) : WORKLOADS);
  const big = workloads[workloads.length - 1]!;
  const ctxOf = (workload: Workload, side: TaskContext["side"] = "parley"): TaskContext => ({ workload, seed, quick, side, tmpDir, graphFile: join(tmpDir, `graph-${workload.name.replace("/", "-")}.json`) });
  const step = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    log(`bench: ${what} …`);
    const r = await fn();
    log(`bench: ${what} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return r;
  };
  const task = (name: string, ctx: TaskContext, execArgv: string[] = []) => step(`${name} ${ctx.workload.name} (${ctx.side})`, () => runTask(name, ctx, execArgv));
  const figures: Figure[] = [];
  const notes: Record<string, unknown> = {};
  try {
    // Graphs first (each generated once, shared by file), then every comparison, then the servers alone.
    for (const w of workloads) notes[`generate ${w.name}`] = await task("generate", ctxOf(w));
    const words = await repeatSeeds(join(tmpDir, "articles"), options.extractionWords ?? (quick ? 10_000 : 200_000));
    const profDir = join(tmpDir, "profile");
    const articles = options.corpusArticles ?? (quick ? 300 : 10_000);
    // The corpus tasks' workload is a number of generated articles, not a graph.
    const corpusCtx: TaskContext = { ...ctxOf(big), workload: { name: `${articles.toLocaleString("en")} articles`, nodes: articles, edges: 0 } };
    // `parley query "RETURN 1"` runs on the project's own seed graph, not a generated one.
    const cliCtx: TaskContext = { ...ctxOf(big), workload: { name: "seed graph", nodes: 0, edges: 0 } };
    const explorerWorkloads = options.explorerWorkloads ?? (quick ? EXPLORER_WORKLOADS.slice(0, 1) : EXPLORER_WORKLOADS);
    const comparisons = workloads.flatMap((workload) => COMPARISONS.map((c) => ({ ...c, workload })));
    const jobs = [
      ...comparisons.flatMap((c) => [() => task(c.task, ctxOf(c.workload)), ...(c.peer ? [() => task(c.task, ctxOf(c.workload, "peer"))] : [])]),
      () => task("extraction", ctxOf(big), ["--cpu-prof", "--cpu-prof-dir", profDir]),
      () => task("extraction", ctxOf(big, "peer")),
      () => task("nlp", ctxOf(big)),
      () => task("nlp", ctxOf(big, "peer")),
      () => task("corpus-build", corpusCtx),
      () => task("corpus-ingest", corpusCtx),
      () => task("metrics", ctxOf(big)),
      () => task("cli-start", cliCtx),
      ...explorerWorkloads.map((w) => () => task("explorer", { ...ctxOf(w), graphFile: "" })),
    ];
    const results = await pool<TaskResult>(jobs, quick ? 2 : 1);
    for (const c of comparisons) {
      const parley = results.shift()!;
      const peer = c.peer ? results.shift()! : null;
      figures.push(...figuresOf(c.task, c.workload.name, c.sided ? sides(parley, peer) : parley));
      Object.assign(notes, notesOf(c.task, c.workload.name, parley, peer));
    }
    const [extractParley, extractPeer, nlpParley, nlpPeer, corpusBuilt, corpusIngested, metricsResult, cliStarted, ...explorerResults] = results;
    figures.push(...figuresOf("extraction", `${Math.round(words / 1000)}k words`, sides(extractParley!, extractPeer!)));
    figures.push(...figuresOf("nlp", `EWT test, ${nlpParley!.words} words`, sides(nlpParley!, nlpPeer!)));
    figures.push(...figuresOf("corpus-build", corpusCtx.workload.name, corpusBuilt!));
    figures.push(...figuresOf("corpus-ingest", corpusCtx.workload.name, corpusIngested!));
    notes[`corpus ${corpusCtx.workload.name}`] = { build: corpusBuilt, ingest: corpusIngested };
    figures.push(...figuresOf("metrics", big.name, metricsResult!));
    figures.push(...figuresOf("cli-start", cliCtx.workload.name, cliStarted!));
    notes[`cli start ${cliCtx.workload.name}`] = cliStarted;
    notes[`metrics ${big.name}`] = Object.fromEntries(Object.entries(metricsResult!).filter(([k]) => /inputMs|wallS|betweennessExact|betweennessSources|communities|modularity|mainThreadLagP99Ms|maxRssMB/.test(k)));
    explorerWorkloads.forEach((w, i) => {
      figures.push(...figuresOf("explorer", w.name, explorerResults[i]!));
      // What the figures leave out: the first frame's steps, the longest frame and the frame count, per side.
      const kept = ["graphFetchedMs", "graphImportedMs", "sceneDrawnMs", "panelsMountedMs", "longestFrameMs", "frames"];
      notes[`explorer ${w.name}`] = Object.fromEntries(Object.entries(explorerResults[i]!).filter(([k]) => kept.includes(k.slice(k.indexOf(".") + 1))));
    });
    notes["extraction profile (self time, % of samples)"] = await topCosts(profDir);
    const servers = await step(`servers ${big.name}`, () => benchServers(ctxOf(big), options.serverSeconds ?? (quick ? 1 : 10), log));
    figures.push(...figuresOf("server", big.name, servers.result));
    notes[`server ${big.name}`] = servers.notes;
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
  const results: BenchResults = { machine: machine(), date: new Date().toISOString(), mode: quick ? "quick" : "full", figures, notes };
  await writeResults(out, results);
  return results;
}

/** What a figure does not say: path cross-checks, guard stops, XSD validity. */
function notesOf(task: string, workload: string, r: TaskResult, peer: TaskResult | null): Record<string, unknown> {
  if (task === "shortest-path") return { [`shortest-path ${workload}`]: { pairs: r.pairs, lengthMismatches: r.mismatches, unreachable: r.unreachable, meanHops: r.meanHops } };
  if (task === "console-shapes") return { [`console ${workload}`]: Object.fromEntries(Object.entries(r).filter(([k]) => /\|(guarded|guards|meanRows)$/.test(k))) };
  if (task === "export-gexf")
    return {
      [`gexf ${workload} GEXF 1.3 XSD`]: validateGexf(r.file as string),
      [`gexf ${workload} parley RSS with the graph loaded, before export (MB)`]: Math.round(r.loadedRssMB as number),
      [`gexf ${workload} seconds of each run (the faster one is the figure)`]: { parley: r.runSeconds, peer: peer?.runSeconds },
    };
  if (task === "export-graphml") return { [`graphml ${workload} seconds of each run`]: r.runSeconds };
  if (task === "cold-start") return { [`cold start ${workload}`]: Object.fromEntries(Object.entries(r).filter(([k]) => /listeningS|settledRssMB|rows/.test(k))) };
  return {};
}

export { formatTable };
