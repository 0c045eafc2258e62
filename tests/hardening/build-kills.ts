/**
 * SIGKILLs `parley build` at seeded random moments over a whole run (startup,
 * parse, extraction, layout, the write) and at the instant its graph temp file
 * appears, over an existing previous graph file. After every kill the file must
 * be, byte for byte, the previous graph or the new one; temp leftovers are
 * counted, and a later build must still succeed and write the new graph.
 */
import { readFile, writeFile } from "node:fs/promises";
import { dirname, basename } from "node:path";
import { makeDataDir, tempLeftovers, type DataDir } from "./data-dir.ts";
import { buildArgs, buildOnce, cliStartupMs, runParley } from "./cli-process.ts";
import { armKill, triggerName, type KillTrigger } from "./kill-trigger.ts";
import { seededRandom } from "./random.ts";
import { emptyKillReport, type KillReport } from "./kill-report.ts";

export interface BuildKillOptions {
  kills: number;
  seed: number;
  /** Articles of the new build; the previous graph is built from all but the last of them. */
  articles: string[];
  /** Share of kills fired by the graph temp file appearing rather than by a delay. */
  fileShare?: number;
  /**
   * Run a full build after every n-th kill, after the first kill of each outcome
   * and after the first few kills that left a temp file (Infinity: only after
   * those few, and always at the end, with every leftover present).
   */
  verifyEvery?: number;
}

export async function runBuildKills(options: BuildKillOptions): Promise<KillReport> {
  const { kills, seed, articles, fileShare = 0.3, verifyEvery = 10 } = options;
  if (articles.length < 2) throw new RangeError("hardening/build-kills: need at least two articles (previous graph = all but the last)");
  const random = seededRandom(seed);
  const previousData = await makeDataDir({ articles: articles.slice(0, -1), prefix: "parley-kill-prev-" });
  const data = await makeDataDir({ articles, prefix: "parley-kill-build-" });
  const report = emptyKillReport("build", seed);
  try {
    await buildOnce(previousData);
    const previous = await readFile(previousData.graphFile);
    report.fullRunMs = await buildOnce(data);
    const startupMs = await cliStartupMs();
    const pipelineMs = Math.max(1, report.fullRunMs - startupMs);
    report.phaseBounds = [
      ["CLI startup", startupMs],
      ["pipeline 1st half", startupMs + pipelineMs / 2],
      ["pipeline 2nd half + write", report.fullRunMs],
    ];
    const next = await readFile(data.graphFile);
    if (previous.equals(next)) throw new Error("hardening/build-kills: previous and new graph are identical; the check would prove nothing");
    const graphDir = dirname(data.graphFile);
    const tempPrefix = `.${basename(data.graphFile)}.`;
    const seenOutcomes = new Set<string>();
    let known = new Set<string>();
    let tempKills = 0;

    for (let attempt = 0; report.landed < kills && attempt < kills * 3; attempt++) {
      await writeFile(data.graphFile, previous); // reset: the previous graph is in place
      const trigger: KillTrigger =
        random.next() < fileShare
          ? { kind: "file", label: "graph-temp", dir: graphDir, match: (n) => n.startsWith(tempPrefix), fallbackMs: report.fullRunMs * 3 }
          : // Half the delays skip the CLI's startup so more kills land in parse, extraction, layout and the write.
            { kind: "delay", ms: random.between(random.next() < 0.5 ? startupMs : 0, report.fullRunMs * 1.05) };
      const started = performance.now();
      const build = await runParley(buildArgs(data));
      const armed = armKill(build, trigger);
      const killedAt = armed.fired.then(() => performance.now() - started);
      const exit = await build.exited;
      const at = await killedAt;
      const bytes = await readFile(data.graphFile);
      const state = bytes.equals(previous) ? "previous" : bytes.equals(next) ? "new" : "CORRUPT";
      const leftovers = await tempLeftovers(graphDir);
      const fresh = leftovers.filter((f) => !known.has(f));
      known = new Set(leftovers);
      if (exit.signal !== "SIGKILL") {
        report.completedBeforeKill++;
        if (exit.code !== 0) report.failures.push(`unkilled build exited ${exit.code}: ${build.stderr().slice(-500)}`);
        if (state !== "new") report.failures.push(`a build that completed left the ${state} graph`);
        continue;
      }
      report.landed++;
      const outcome = `${state}${fresh.length ? "+temp" : ""}`;
      report.record(triggerName(trigger), outcome, at);
      report.progress();
      if (state === "CORRUPT") report.failures.push(`kill ${report.landed} (${triggerName(trigger)} at ${at.toFixed(0)} ms of a ${report.fullRunMs.toFixed(0)} ms run): graph file is ${bytes.length} bytes, neither previous (${previous.length}) nor new (${next.length})`);
      const sample = Number.isFinite(verifyEvery) && (!seenOutcomes.has(outcome) || report.landed % verifyEvery === 0);
      if ((fresh.length && (tempKills += 1) <= 3) || sample) {
        seenOutcomes.add(outcome);
        await verifyNextBuild(data, next, report, `after kill ${report.landed} (${outcome})`);
      }
    }
    report.leftovers = await tempLeftovers(graphDir);
    await verifyNextBuild(data, next, report, `at the end, with ${report.leftovers.length} temp leftovers present`);
    report.leftoversAfterBuild = await tempLeftovers(graphDir);
    report.articleDirLeftovers = await tempLeftovers(data.articlesDir);
    return report;
  } finally {
    await Promise.all([data.remove(), previousData.remove()]);
  }
}

async function verifyNextBuild(data: DataDir, next: Buffer, report: KillReport, when: string): Promise<void> {
  report.verifyBuilds++;
  try {
    await buildOnce(data);
    if (!(await readFile(data.graphFile)).equals(next)) report.failures.push(`the build ${when} did not write the new graph`);
  } catch (err) {
    report.failures.push(`the build ${when} failed: ${(err as Error).message.slice(0, 500)}`);
  }
}
