/**
 * Bench task "cli-start": `parley query "RETURN 1"` on the seed graph, from
 * spawn to exit. Parley: the compiled CLI (dist/, what bin/parley.mjs runs
 * while it matches the sources; built first if it does not). Peer: the same
 * command on the TypeScript sources through tsx (PARLEY_TSX=1), what every run
 * paid before the build and what a run after an edit under src/ pays until the
 * next one. One warm-up run a side (tsx then has its compile cache, its best
 * case), then the sides alternate run by run, so a busy moment slows both.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { compiledStill, ensureCompiledCli } from "../compiled-cli.ts";
import { PROJECT_ROOT } from "../../src/cli/paths.ts";
import { percentile } from "../stats.ts";
import { BenchError, type TaskContext, type TaskResult } from "../task-types.ts";

const ARGS = ["query", "RETURN 1"];
const SIDES = { parley: "compiled", peer: "tsx" } as const;

/** The environment of one side: the CLI alone (no inherited --import), tsx forced or not. */
function envOf(side: keyof typeof SIDES): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _options, PARLEY_TSX: _tsx, ...env } = process.env;
  return side === "peer" ? { ...env, PARLEY_TSX: "1" } : env;
}

/** Milliseconds from spawn to exit of one `parley query "RETURN 1"`. */
function runOnce(side: keyof typeof SIDES): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, "bin/parley.mjs"), ...ARGS], { env: envOf(side), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new BenchError(`parley ${ARGS.join(" ")} (${SIDES[side]}) exited ${code}: ${output.slice(-300)}`))));
  });
}

export async function cliStart(ctx: TaskContext): Promise<TaskResult> {
  const builtForRun = ensureCompiledCli();
  const runs = ctx.quick ? 5 : 10;
  const samples: Record<keyof typeof SIDES, number[]> = { parley: [], peer: [] };
  for (const side of ["parley", "peer"] as const) await runOnce(side);
  for (let i = 0; i < runs; i++) for (const side of ["parley", "peer"] as const) samples[side].push(await runOnce(side));
  // An edit under src/ during the runs would have sent the compiled side to tsx: say so rather than report it.
  const compiledThroughout = compiledStill();
  const out: TaskResult = { runs, builtForRun, compiledThroughout };
  for (const side of ["parley", "peer"] as const) {
    const sorted = [...samples[side]].sort((a, b) => a - b);
    out[`${side}.p50Ms`] = Math.round(percentile(sorted, 50));
    out[`${side}.p90Ms`] = Math.round(percentile(sorted, 90));
    out[`${side}.samplesMs`] = samples[side].map(Math.round);
  }
  return out;
}
