/**
 * SIGKILLs the real `parley serve` while it ingests a POSTed article: after a
 * seeded random delay over a whole ingest, or the instant the article's temp
 * file appears, the article file is renamed into place, or the graph
 * snapshot's temp file appears. Kills are chained on one data folder. After
 * each kill, with the server down, the corpus store must open and pass
 * SQLite's quick_check and hold every article ever acknowledged (201), and the
 * graph file must be a complete graph; after each restart the server must
 * serve exactly the graph file, and that file must be what `parley build` of
 * the articles on disk writes, byte for byte (the restart replays what the
 * snapshot lacked). An article file that reached the folder without its 201
 * is taken in at the restart: counted as a note, not a loss.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { makeDataDir, tempLeftovers, type DataDir } from "./data-dir.ts";
import { ParleyProcessError, startServe, type ServerProcess } from "./cli-process.ts";
import { codeSnapshot, snapshotBuildText } from "./code-snapshot.ts";
import { armKill, triggerName, type KillTrigger } from "./kill-trigger.ts";
import { seededRandom } from "./random.ts";
import { emptyKillReport, type KillReport } from "./kill-report.ts";
import { graphDifferences } from "./graph-compare.ts";
import { generatedArticle } from "./generated-articles.ts";
import { WRITE_HEADERS } from "../server/harness.ts";

export interface IngestKillOptions {
  kills: number;
  seed: number;
  /** Seed articles the data folder starts with. */
  articles?: string[];
  /** Share of kills fired by a file event (split over the three events) rather than by a delay. */
  fileShare?: number;
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/articles`, { method: "POST", headers: WRITE_HEADERS, body: JSON.stringify(body) });

const articleFiles = async (dir: string) => (await readdir(dir)).filter((f) => !f.startsWith(".") && f !== "manifest.json");

function triggers(data: DataDir, fallbackMs: number): KillTrigger[] {
  const graphTemp = `.${basename(data.graphFile)}.`;
  return [
    { kind: "file", label: "article-temp", dir: data.articlesDir, match: (n) => n.startsWith(".") && n.endsWith(".tmp"), fallbackMs },
    { kind: "file", label: "article-final", dir: data.articlesDir, match: (n) => n.endsWith(".md") && !n.startsWith("."), fallbackMs },
    { kind: "file", label: "graph-temp", dir: dirname(data.graphFile), match: (n) => n.startsWith(graphTemp), fallbackMs },
  ];
}

/** The restarted server must serve exactly the graph file, and the file must be the build of the articles on disk. */
async function checkRestart(server: ServerProcess, data: DataDir, report: KillReport, when: string): Promise<void> {
  const bytes = await readFile(data.graphFile);
  const served = await (await fetch(`${server.url}/api/graph`)).json();
  const diff = graphDifferences(served, JSON.parse(bytes.toString("utf8")));
  if (diff.length) report.failures.push(`${when}: the restarted server's graph differs from the file: ${diff.join("; ")}`);
  if (!(await isRebuildOf(data, bytes))) report.failures.push(`${when}: the graph file after the restart is not the build of the articles on disk`);
}

/** With the server down: the store opens, passes quick_check, and lists every acknowledged article. */
async function checkStore(data: DataDir, acknowledged: Set<string>): Promise<string | null> {
  const { CorpusStore } = (await import(join(await codeSnapshot(), "src/store/index.ts"))) as typeof import("../../src/store/index.ts");
  let store;
  try {
    store = CorpusStore.open(join(data.dir, "parley.db"));
  } catch (err) {
    return `the store does not open: ${(err as Error).message}`;
  }
  try {
    const check = store.quickCheck();
    if (check !== "ok") return `quick_check: ${check}`;
    const stored = new Set(store.articleRows().map((r) => r.id));
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    return lost.length ? `acknowledged article(s) missing from the store: ${lost.join(", ")}` : null;
  } finally {
    store.close();
  }
}

export async function runIngestKills(options: IngestKillOptions): Promise<KillReport> {
  const { kills, seed, fileShare = 0.5 } = options;
  const random = seededRandom(seed);
  const data = await makeDataDir({ articles: options.articles, withGraph: true, prefix: "parley-kill-ingest-" });
  const report = emptyKillReport("ingest", seed);
  const acknowledged = new Set<string>();
  let unacknowledgedFiles = 0;
  let server = await startServe(data);
  try {
    const started = performance.now();
    const first = await post(server.url, generatedArticle(seed, -1));
    if (first.status !== 201) throw new ParleyProcessError(`hardening/ingest-kills: calibration post answered ${first.status}: ${await first.text()}`);
    acknowledged.add(((await first.json()) as { article: { id: string } }).article.id);
    report.fullRunMs = performance.now() - started;
    report.phaseBounds = [1, 2, 3, 4].map((q) => [`post ${q * 25}%`, (report.fullRunMs * q) / 4] as [string, number]);
    const fileTriggers = triggers(data, report.fullRunMs * 4);

    for (let n = 0; report.landed < kills && n < kills * 3; n++) {
      const previous = await readFile(data.graphFile);
      const filesBefore = new Set(await articleFiles(data.articlesDir));
      const trigger: KillTrigger = random.next() < fileShare ? random.pick(fileTriggers) : { kind: "delay", ms: random.between(0, report.fullRunMs * 2) };
      const t0 = performance.now();
      const armed = armKill(server, trigger);
      // A 201 can come before the kill: the kill then lands in the background snapshot write, which counts too.
      const answer = post(server.url, generatedArticle(seed, n)).then(
        async (r) => ({ status: r.status, id: r.status === 201 ? ((await r.json()) as { article: { id: string } }).article.id : undefined }),
        () => ({ status: "killed" as const, id: undefined }),
      );
      const why = await armed.fired;
      const at = performance.now() - t0;
      const outcome = await answer;
      await server.kill();
      if (why === "exited-first") throw new ParleyProcessError(`hardening/ingest-kills: the server exited by itself: ${server.stderr()}`);
      if (outcome.status === 201 && outcome.id) acknowledged.add(outcome.id);
      const bytes = await readFile(data.graphFile);
      const newFiles = (await articleFiles(data.articlesDir)).filter((f) => !filesBefore.has(f));
      let graphState = bytes.equals(previous) ? "previous" : "newer";
      try {
        JSON.parse(bytes.toString("utf8"));
      } catch {
        graphState = "CORRUPT graph file";
      }
      const storeProblem = await checkStore(data, acknowledged);
      if (storeProblem) report.failures.push(`kill ${report.landed + 1} (${triggerName(trigger)}): ${storeProblem}`);
      const state = storeProblem ? `CORRUPT store` : graphState;
      if (outcome.status !== "killed") {
        report.completedBeforeKill++;
        if (outcome.status !== 201) report.failures.push(`post ${n} finished before its kill with ${outcome.status}`);
      }
      if (armed.sent()) {
        report.landed++;
        if (newFiles.length && outcome.status === "killed") unacknowledgedFiles++;
        report.record(triggerName(trigger), `${state}${outcome.status === 201 ? "+acknowledged" : newFiles.length ? "+article" : ""}`, at);
        report.progress();
      }
      report.restarts++;
      server = await startServe(data);
      await checkRestart(server, data, report, `restart after post ${n}`);
      const listed = ((await (await fetch(`${server.url}/api/articles`)).json()) as { articles: Array<{ id: string }> }).articles.map((a) => a.id);
      const lost = [...acknowledged].filter((id) => !listed.includes(id));
      if (lost.length) report.failures.push(`restart after post ${n}: acknowledged article(s) not served: ${lost.join(", ")}`);
    }
    report.leftovers = await tempLeftovers(dirname(data.graphFile));
    report.leftoversAfterBuild = report.leftovers;
    report.articleDirLeftovers = await tempLeftovers(data.articlesDir);
    report.notes.push(`${acknowledged.size} articles acknowledged, all in the store and served after every restart; ${unacknowledgedFiles} killed post(s) had written their article file, taken in at the restart`);
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
