/**
 * SIGKILLs the real `parley serve` while it ingests a POSTed article: after a
 * seeded random delay over a whole ingest, or the instant the article's temp
 * file appears, the article file is renamed into place, or the graph's temp file
 * appears. Kills are chained on one data folder: each restart must serve exactly
 * the graph file, which must be the previous graph or the complete new one (a
 * rebuild of the articles on disk, byte for byte). Article files that made it to
 * disk without their graph are counted as notes (not corruption of the graph).
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { makeDataDir, tempLeftovers, type DataDir } from "./data-dir.ts";
import { ParleyProcessError, startServe, type ServerProcess } from "./cli-process.ts";
import { snapshotBuildText } from "./code-snapshot.ts";
import { armKill, triggerName, type KillTrigger } from "./kill-trigger.ts";
import { seededRandom } from "./random.ts";
import { emptyKillReport, type KillReport } from "./kill-report.ts";
import { graphArticleIds, graphDifferences } from "./graph-compare.ts";
import { generatedArticle } from "./generated-articles.ts";

export interface IngestKillOptions {
  kills: number;
  seed: number;
  /** Seed articles the data folder starts with. */
  articles?: string[];
  /** Share of kills fired by a file event (split over the three events) rather than by a delay. */
  fileShare?: number;
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/articles`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const articleFiles = async (dir: string) => (await readdir(dir)).filter((f) => !f.startsWith(".") && f !== "manifest.json");

function triggers(data: DataDir, fallbackMs: number): KillTrigger[] {
  const graphTemp = `.${basename(data.graphFile)}.`;
  return [
    { kind: "file", label: "article-temp", dir: data.articlesDir, match: (n) => n.startsWith(".") && n.endsWith(".tmp"), fallbackMs },
    { kind: "file", label: "article-final", dir: data.articlesDir, match: (n) => n.endsWith(".md") && !n.startsWith("."), fallbackMs },
    { kind: "file", label: "graph-temp", dir: dirname(data.graphFile), match: (n) => n.startsWith(graphTemp), fallbackMs },
  ];
}

/** The running server must serve exactly the graph file; answers the article ids it lists beyond the graph's. */
async function checkRestart(server: ServerProcess, fileBytes: Buffer, report: KillReport, when: string): Promise<string[]> {
  const served = await (await fetch(`${server.url}/api/graph`)).json();
  const onDisk = JSON.parse(fileBytes.toString("utf8"));
  const diff = graphDifferences(served, onDisk);
  if (diff.length) report.failures.push(`${when}: the restarted server's graph differs from the file: ${diff.join("; ")}`);
  const listed = ((await (await fetch(`${server.url}/api/articles`)).json()) as { articles: Array<{ id: string }> }).articles.map((a) => a.id);
  const inGraph = new Set(graphArticleIds(onDisk));
  return listed.filter((id) => !inGraph.has(id));
}

export async function runIngestKills(options: IngestKillOptions): Promise<KillReport> {
  const { kills, seed, fileShare = 0.5 } = options;
  const random = seededRandom(seed);
  const data = await makeDataDir({ articles: options.articles, withGraph: true, prefix: "parley-kill-ingest-" });
  const report = emptyKillReport("ingest", seed);
  const orphans = new Map<string, unknown>();
  let server = await startServe(data);
  try {
    const started = performance.now();
    const first = await post(server.url, generatedArticle(seed, -1));
    if (first.status !== 201) throw new ParleyProcessError(`hardening/ingest-kills: calibration post answered ${first.status}: ${await first.text()}`);
    report.fullRunMs = performance.now() - started;
    report.phaseBounds = [1, 2, 3, 4].map((q) => [`post ${q * 25}%`, (report.fullRunMs * q) / 4] as [string, number]);
    const fileTriggers = triggers(data, report.fullRunMs * 4);

    for (let n = 0; report.landed < kills && n < kills * 3; n++) {
      const previous = await readFile(data.graphFile);
      const extra = await checkRestart(server, previous, report, `before post ${n}`);
      for (const id of extra) if (!orphans.has(id)) orphans.set(id, n);
      const filesBefore = new Set(await articleFiles(data.articlesDir));
      const trigger: KillTrigger = random.next() < fileShare ? random.pick(fileTriggers) : { kind: "delay", ms: random.between(0, report.fullRunMs * 1.05) };
      const t0 = performance.now();
      const armed = armKill(server, trigger);
      const answer = post(server.url, generatedArticle(seed, n)).then((r) => (armed.sent() ? "killed" : r.status), () => "killed");
      const why = await armed.fired;
      const at = performance.now() - t0;
      const status = await answer;
      await server.kill();
      if (why === "exited-first") throw new ParleyProcessError(`hardening/ingest-kills: the server exited by itself: ${server.stderr()}`);
      const bytes = await readFile(data.graphFile);
      const newFiles = (await articleFiles(data.articlesDir)).filter((f) => !filesBefore.has(f));
      const state = bytes.equals(previous) ? "previous" : await isRebuildOf(data, bytes) ? "new" : "CORRUPT";
      if (status !== "killed") {
        report.completedBeforeKill++;
        if (status !== 201 || state !== "new") report.failures.push(`post ${n} finished before its kill with ${status}, leaving the ${state} graph`);
      } else {
        report.landed++;
        const article = newFiles.length ? "+article" : "";
        report.record(triggerName(trigger), `${state}${article}`, at);
        report.progress();
        if (state === "CORRUPT") report.failures.push(`kill ${report.landed} (${triggerName(trigger)}): graph file of ${bytes.length} bytes is neither the previous graph nor a rebuild of the articles on disk`);
      }
      report.restarts++;
      server = await startServe(data);
    }
    const extra = await checkRestart(server, await readFile(data.graphFile), report, "at the end");
    for (const id of extra) if (!orphans.has(id)) orphans.set(id, "end");
    report.leftovers = await tempLeftovers(dirname(data.graphFile));
    report.leftoversAfterBuild = report.leftovers;
    report.articleDirLeftovers = await tempLeftovers(data.articlesDir);
    if (orphans.size) report.notes.push(orphanNote(orphans, extra));
    return report;
  } finally {
    await server.kill();
    await data.remove();
  }
}

/** The complete new graph: what `parley build` of the articles now on disk writes, byte for byte. */
async function isRebuildOf(data: DataDir, bytes: Buffer): Promise<boolean> {
  return Buffer.from(await snapshotBuildText(data.articlesDir, data.lexiconDir)).equals(bytes);
}

function orphanNote(orphans: Map<string, unknown>, stillOrphaned: string[]): string {
  return (
    `${orphans.size} article file(s) reached the articles folder without their graph (kill between the article write and the graph write): ` +
    `after a restart /api/articles lists them but the graph (file and served) has no trace of them; ` +
    `${stillOrphaned.length} still so at the end (the next successful ingest rebuilds from all files on disk and takes them in). ` +
    `Examples: ${[...orphans.keys()].slice(0, 3).join(", ")}`
  );
}
