/**
 * Bench task "cold-start": `parley serve` from process spawn to its first
 * answered POST /api/query, and the server's RSS (main thread and workers:
 * one process), on the workload's graph. Parley: graph.json with its graph.bin
 * beside it (what `parley build` and every save write). Peer: the same
 * graph.json alone, which the server reads as before snapshots — the streaming
 * JSON loader on the main thread, and a second full graph in the query
 * worker. Same run, same bytes of graph.json, one server at a time.
 *
 * RSS is sampled from /proc every 100 ms: at the first answer, then its peak
 * until it has settled after the graph is whole (graphology filling in behind
 * a snapshot-started server).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { encodeSnapshot, identityOf, markSnapshotChecked, snapshotFileOf } from "../../src/graph/snapshot/index.ts";
import { DEFAULT_LEXICON_DIR, PROJECT_ROOT } from "../../src/cli/paths.ts";
import { BenchError, type TaskContext, type TaskResult } from "../task-types.ts";
import { compiledStill, ensureCompiledCli } from "../compiled-cli.ts";

const FIRST_QUERY = "MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC";

interface Proc {
  rssMB: number;
  peakMB: number;
  cpuS: number;
}

function proc(pid: number): Proc {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  const kB = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
  return { rssMB: kB("VmRSS"), peakMB: kB("VmHWM"), cpuS: (Number(stat[11]) + Number(stat[12])) / 100 };
}

/** Both sides' folders: the same graph.json, one with graph.bin beside it. */
async function prepare(ctx: TaskContext): Promise<{ withSnapshot: string; jsonOnly: string; articlesDir: string }> {
  const root = join(ctx.tmpDir, `cold-start-${ctx.workload.name.replace("/", "-")}`);
  const [withSnapshot, jsonOnly, articlesDir] = ["bin", "json", "no-articles"].map((d) => join(root, d));
  await rm(root, { recursive: true, force: true });
  await Promise.all([withSnapshot, jsonOnly, articlesDir].map((d) => mkdir(d, { recursive: true })));
  await Promise.all([withSnapshot, jsonOnly].map((d) => link(ctx.graphFile, join(d, "graph.json"))));
  // The snapshot a save would write beside these very bytes (the generated file is graphology's export).
  const json = await readFile(ctx.graphFile);
  await writeFile(snapshotFileOf(join(withSnapshot, "graph.json")), Buffer.concat(encodeSnapshot(JSON.parse(json.toString("utf8")), identityOf(json))));
  // As saveGraph does after writing the pair: the versions of both files, so the start need not hash them again.
  await markSnapshotChecked(join(withSnapshot, "graph.json"));
  return { withSnapshot: join(withSnapshot, "graph.json"), jsonOnly: join(jsonOnly, "graph.json"), articlesDir };
}

/** One cold start: spawn, wait for the URL, POST the first query; then watch RSS until it settles. */
export async function coldStart(graphFile: string, articlesDir: string, settleMs: number): Promise<TaskResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(PROJECT_ROOT, "bin/parley.mjs"), "serve", "--graph", graphFile, "--articles", articlesDir, "--lexicon", DEFAULT_LEXICON_DIR, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<never>((_r, reject) => child.once("exit", (code) => reject(new BenchError(`parley serve exited (${code}) before answering: ${stderr.slice(-500)}`))));
  exited.catch(() => {});
  try {
    const url = await Promise.race([
      new Promise<string>((resolve) => {
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
          const m = /at (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
      }),
      exited,
    ]);
    const listeningS = (performance.now() - started) / 1000;
    const res = await fetch(`${url}/api/query`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: FIRST_QUERY }) });
    const body = await res.text();
    const firstQueryS = (performance.now() - started) / 1000;
    if (res.status !== 200) throw new BenchError(`first query answered ${res.status}: ${body.slice(0, 200)}`);
    const atFirst = proc(child.pid!);
    // Settled: no new peak for `settleMs` (a snapshot-started server fills in graphology for some seconds).
    let peak = atFirst.peakMB;
    for (let quiet = 0; quiet < settleMs; quiet += 100) {
      await new Promise((r) => setTimeout(r, 100));
      const now = proc(child.pid!).peakMB;
      if (now > peak + 1) (peak = now), (quiet = 0);
    }
    const settled = proc(child.pid!);
    return { listeningS, firstQueryS, cpuSAtFirstQuery: atFirst.cpuS, rssAtFirstQueryMB: atFirst.rssMB, peakRssMB: settled.peakMB, settledRssMB: settled.rssMB, rows: JSON.parse(body).rows.length };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
  }
}

export async function coldStartTask(ctx: TaskContext): Promise<TaskResult> {
  const builtForRun = ensureCompiledCli();
  const { withSnapshot, jsonOnly, articlesDir } = await prepare(ctx);
  const settleMs = ctx.quick ? 2000 : 8000;
  const out: TaskResult = { builtForRun };
  // The peer first: the page cache then holds graph.json for both (the snapshot side reads it whole to check it).
  for (const [side, file] of [["peer", jsonOnly], ["parley", withSnapshot]] as const) {
    for (const [k, v] of Object.entries(await coldStart(file, articlesDir, settleMs))) out[`${side}.${k}`] = v;
  }
  out.compiledThroughout = compiledStill();
  return out;
}
