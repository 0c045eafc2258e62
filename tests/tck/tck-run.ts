/** A whole TCK run: every scenario judged, verdicts by id, passes per area. */
import { join } from "node:path";
import { judge, type Verdict } from "./judge.ts";
import { loadScenarios } from "./scenarios.ts";

export interface AreaCount {
  passed: number;
  total: number;
}

export interface TckRun {
  totals: { passed: number; total: number; writes: number; setup: number; steps: number };
  areas: Record<string, AreaCount>;
  /** Scenario id → verdict, for comparing runs. */
  verdicts: Record<string, Verdict>;
}

export async function runTck(featuresDir: string, options: { area?: string } = {}): Promise<TckRun> {
  const graphsDir = join(featuresDir, "../graphs");
  const scenarios = loadScenarios(featuresDir).filter((s) => !options.area || s.feature.startsWith(options.area));
  const run: TckRun = { totals: { passed: 0, total: 0, writes: 0, setup: 0, steps: 0 }, areas: {}, verdicts: {} };
  for (const s of scenarios) {
    const v = await judge(s, graphsDir);
    run.verdicts[s.id] = v;
    if (v.status === "out of scope") {
      run.totals[v.reason === "writes" ? "writes" : v.reason]++;
      continue;
    }
    const area = (run.areas[s.area] ??= { passed: 0, total: 0 });
    area.total++;
    run.totals.total++;
    if (v.status === "pass") {
      area.passed++;
      run.totals.passed++;
    }
  }
  return run;
}
