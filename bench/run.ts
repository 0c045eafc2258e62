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
import { formatTable, machine, mergeNotes, mergeResults, readResults, writeResults } from "./report.ts";
import { runTask } from "./spawn-task.ts";
import { benchServers } from "./run-servers.ts";
import { topCosts } from "./cpu-profile.ts";
import { pool } from "./pool.ts";
import { repeatSeeds } from "./tasks/extraction.ts";
import { validateGexf } from "./validate-gexf.ts";
import { BenchError, type BenchResults, type Figure, type TaskContext, type TaskResult, type Workload } from "./task-types.ts";

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
  /**
   * Only these tasks (SELECTABLE_TASKS; every workload of each): their figures and notes replace theirs in
   * the results file `out`, the others stay, and the run is listed under `updates`.
   */
  only?: string[];
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

/** What `only` takes: the tasks of bench/tasks/index.ts that yield figures, and "server" (the load tests). */
export const SELECTABLE_TASKS = [...new Set(COMPARISONS.map((c) => c.task)), "extraction", "nlp", "corpus-build", "corpus-ingest", "metrics", "cli-start", "explorer", "server"];
/** Tasks that read the generated graphs. */
const ON_GRAPHS = new Set([...COMPARISONS.map((c) => c.task), "metrics", "server"]);

/** One task's share of the run: its child processes (run by the pool), then its figures and notes from their results. */
interface Unit {
  task: string;
  jobs: Array<() => Promise<TaskResult>>;
  output(results: TaskResult[]): Promise<{ figures: Figure[]; notes: Record<string, unknown> }> | { figures: Figure[]; notes: Record<string, unknown> };
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const { quick, out, seed = 7, log = (l) => process.stderr.write(`${l}\n`) } = options;
  const only = options.only ? new Set(options.only) : null;
  const unknown = [...(only ?? [])].filter((t) => !SELECTABLE_TASKS.includes(t));
  if (unknown.length) throw new BenchError(`bench: no task ${unknown.join(", ")}; tasks: ${SELECTABLE_TASKS.join(", ")}`);
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
  const selected = (name: string) => !only || only.has(name);
  const figures: Figure[] = [];
  const notes: Record<string, unknown> = {};
  try {
    // Graphs first (each generated once, shared by file), then every comparison, then the servers alone.
    if ([...ON_GRAPHS].some(selected)) for (const w of workloads) notes[`generate ${w.name}`] = await task("generate", ctxOf(w));
    const profDir = join(tmpDir, "profile");
    const articles = options.corpusArticles ?? (quick ? 300 : 10_000);
    // The corpus tasks' workload is a number of generated articles, not a graph.
    const corpusCtx: TaskContext = { ...ctxOf(big), workload: { name: `${articles.toLocaleString("en")} articles`, nodes: articles, edges: 0 } };
    // `parley query "RETURN 1"` runs on the project's own seed graph, not a generated one.
    const cliCtx: TaskContext = { ...ctxOf(big), workload: { name: "seed graph", nodes: 0, edges: 0 } };
    const explorerWorkloads = options.explorerWorkloads ?? (quick ? EXPLORER_WORKLOADS.slice(0, 1) : EXPLORER_WORKLOADS);
    const one = (name: string, ctx: TaskContext, workload = ctx.workload.name): Unit => ({ task: name, jobs: [() => task(name, ctx)], output: ([r]) => ({ figures: figuresOf(name, workload, r!), notes: {} }) });
    const every: Unit[] = [
      ...workloads.flatMap((workload) =>
        COMPARISONS.map((c): Unit => ({
          task: c.task,
          jobs: [() => task(c.task, ctxOf(workload)), ...(c.peer ? [() => task(c.task, ctxOf(workload, "peer"))] : [])],
          output: ([parley, peer = null]) => ({ figures: figuresOf(c.task, workload.name, c.sided ? sides(parley!, peer) : parley!), notes: notesOf(c.task, workload.name, parley!, peer) }),
        })),
      ),
      {
        task: "extraction",
        jobs: [() => task("extraction", ctxOf(big), ["--cpu-prof", "--cpu-prof-dir", profDir]), () => task("extraction", ctxOf(big, "peer"))],
        output: async ([parley, peer]) => ({ figures: figuresOf("extraction", `${Math.round(words / 1000)}k words`, sides(parley!, peer!)), notes: { "extraction profile (self time, % of samples)": await topCosts(profDir) } }),
      },
      { task: "nlp", jobs: [() => task("nlp", ctxOf(big)), () => task("nlp", ctxOf(big, "peer"))], output: ([parley, peer]) => ({ figures: figuresOf("nlp", `EWT test, ${parley!.words} words`, sides(parley!, peer!)), notes: {} }) },
      { ...one("corpus-build", corpusCtx), output: ([r]) => ({ figures: figuresOf("corpus-build", corpusCtx.workload.name, r!), notes: { [`corpus ${corpusCtx.workload.name}`]: { build: r } } }) },
      { ...one("corpus-ingest", corpusCtx), output: ([r]) => ({ figures: figuresOf("corpus-ingest", corpusCtx.workload.name, r!), notes: { [`corpus ${corpusCtx.workload.name}`]: { ingest: r } } }) },
      {
        ...one("metrics", ctxOf(big)),
        output: ([r]) => ({ figures: figuresOf("metrics", big.name, r!), notes: { [`metrics ${big.name}`]: Object.fromEntries(Object.entries(r!).filter(([k]) => /inputMs|wallS|betweennessExact|betweennessSources|communities|modularity|mainThreadLagP99Ms|maxRssMB/.test(k))) } }),
      },
      { ...one("cli-start", cliCtx), output: ([r]) => ({ figures: figuresOf("cli-start", cliCtx.workload.name, r!), notes: { [`cli start ${cliCtx.workload.name}`]: r } }) },
      ...explorerWorkloads.map((w): Unit => ({
        task: "explorer",
        jobs: [() => task("explorer", { ...ctxOf(w), graphFile: "" })],
        // What the figures leave out: the first frame's steps, the longest frame and the frame count, per side.
        output: ([r]) => {
          const kept = ["graphFetchedMs", "graphImportedMs", "sceneDrawnMs", "panelsMountedMs", "longestFrameMs", "frames"];
          return { figures: figuresOf("explorer", w.name, r!), notes: { [`explorer ${w.name}`]: Object.fromEntries(Object.entries(r!).filter(([k]) => kept.includes(k.slice(k.indexOf(".") + 1)))) } };
        },
      })),
    ];
    const units = every.filter((u) => selected(u.task));
    const words = selected("extraction") ? await repeatSeeds(join(tmpDir, "articles"), options.extractionWords ?? (quick ? 10_000 : 200_000)) : 0;
    const results = await pool<TaskResult>(units.flatMap((u) => u.jobs), quick ? 2 : 1);
    for (const u of units) {
      const o = await u.output(results.splice(0, u.jobs.length));
      figures.push(...o.figures);
      mergeNotes(notes, o.notes);
    }
    if (selected("server")) {
      const servers = await step(`servers ${big.name}`, () => benchServers(ctxOf(big), options.serverSeconds ?? (quick ? 1 : 10), log));
      figures.push(...figuresOf("server", big.name, servers.result));
      notes[`server ${big.name}`] = servers.notes;
    }
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
  const results: BenchResults = { machine: machine(), date: new Date().toISOString(), mode: quick ? "quick" : "full", figures, notes };
  if (!only) {
    await writeResults(out, results);
    return results;
  }
  // A run of some tasks updates their figures and notes in the results file; the rest stay as the last run left them.
  const merged = mergeResults(await readResults(out), results, [...only]);
  await writeResults(out, merged);
  return merged;
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
