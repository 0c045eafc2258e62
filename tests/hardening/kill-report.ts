/**
 * What a series of SIGKILLs found: how many landed, what state each left
 * (previous / new graph, with or without a temp leftover, article file present
 * or not), by trigger and by how far into a run the kill came, and every
 * failure in words. `format()` prints it for the test log and the report.
 */
export interface KillReport {
  target: "build" | "ingest";
  seed: number;
  /** Duration of one uncontrolled run (build, or POST of one article). */
  fullRunMs: number;
  landed: number;
  completedBeforeKill: number;
  /** trigger → outcome → count */
  outcomes: Record<string, Record<string, number>>;
  /** Where in a run a kill can land: [label, until ms since the start]; the last bucket is "later". */
  phaseBounds: Array<[string, number]>;
  /** outcome → count of kills per phase bucket. */
  phases: Record<string, number[]>;
  verifyBuilds: number;
  restarts: number;
  /** Temp files left at the end (never cleaned up by Parley). */
  leftovers: string[];
  leftoversAfterBuild: string[];
  articleDirLeftovers: string[];
  /** Inconsistencies that are not corruption (reported, not failed on). */
  notes: string[];
  failures: string[];
  record(trigger: string, outcome: string, elapsedMs: number): void;
  corruptions(): number;
  /** A progress line every 20 landed kills (long soaks print nothing else until the end). */
  progress(): void;
  format(): string;
}

export function emptyKillReport(target: KillReport["target"], seed: number): KillReport {
  const report: KillReport = {
    target,
    seed,
    fullRunMs: 0,
    landed: 0,
    completedBeforeKill: 0,
    outcomes: {},
    phaseBounds: [],
    phases: {},
    verifyBuilds: 0,
    restarts: 0,
    leftovers: [],
    leftoversAfterBuild: [],
    articleDirLeftovers: [],
    notes: [],
    failures: [],
    record(trigger, outcome, elapsedMs) {
      const byOutcome = (report.outcomes[trigger] ??= {});
      byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
      const buckets = (report.phases[outcome] ??= new Array(report.phaseBounds.length + 1).fill(0));
      const i = report.phaseBounds.findIndex(([, until]) => elapsedMs < until);
      buckets[i < 0 ? report.phaseBounds.length : i]++;
    },
    corruptions: () => Object.values(report.outcomes).reduce((n, o) => n + Object.entries(o).filter(([k]) => k.startsWith("CORRUPT")).reduce((m, [, v]) => m + v, 0), 0),
    progress() {
      if (report.landed % 20 === 0) console.log(`${target} kills: ${report.landed} landed, ${report.corruptions()} corrupt, ${report.failures.length} failures`);
    },
    format() {
      const lines = [
        `${target} kills (seed ${seed}): ${report.landed} landed, ${report.completedBeforeKill} runs finished before their kill; one full run ${report.fullRunMs.toFixed(0)} ms`,
        ...Object.entries(report.outcomes).map(([t, o]) => `  by ${t.padEnd(14)} ${Object.entries(o).map(([k, v]) => `${k} ${v}`).join(", ")}`),
        `  by moment: ${[...report.phaseBounds.map(([label, until]) => `${label} (<${until.toFixed(0)} ms)`), "later"].join(" / ")}`,
        ...Object.entries(report.phases).map(([o, q]) => `    ${o.padEnd(28)} ${q.join(" / ")}`),
        `  corruptions ${report.corruptions()}; verify builds ${report.verifyBuilds}; server restarts ${report.restarts}`,
        `  temp leftovers at the end: ${report.leftovers.length} in the graph folder (${report.leftoversAfterBuild.length} after a further build/restart), ${report.articleDirLeftovers.length} in the articles folder`,
        ...report.notes.map((n) => `  note: ${n}`),
        ...report.failures.map((f) => `  FAILURE: ${f}`),
      ];
      return lines.join("\n");
    },
  };
  return report;
}
