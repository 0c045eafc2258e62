/**
 * Bench task "explorer": the web explorer in Chromium with software GL on a
 * generated graph of the workload's size (bench/explorer-frames.ts): first
 * frame and frames per second during a scripted pan and zoom, today's
 * rendering beside the one before light rendering (`?render=baseline`, the
 * same build), one page load after the other.
 */
import { generatedGraphFile, measureExplorer } from "../explorer-frames.ts";
import type { TaskContext, TaskResult } from "../task-types.ts";

export async function explorer(ctx: TaskContext): Promise<TaskResult> {
  const file = await generatedGraphFile(ctx.tmpDir, ctx.workload.nodes, ctx.workload.edges, ctx.seed);
  const gestureMs = ctx.quick ? 2000 : 6000;
  const out: TaskResult = {};
  for (const [side, query] of [["parley", ""], ["baseline", "?render=baseline"]] as const) {
    for (const [k, v] of Object.entries(await measureExplorer(file, query, gestureMs))) out[`${side}.${k}`] = v;
  }
  return out;
}
