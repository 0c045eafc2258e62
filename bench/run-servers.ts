/**
 * The server figures: Parley's API and a bare Express JSON endpoint, each in its
 * own process, both listening for the whole step, loaded by autocannon from this
 * process at 50 connections on 127.0.0.1. Each Parley route gets `seconds` of
 * load and so does the bare endpoint, interleaved with it in rounds of about
 * two seconds (pairedLoadTest), and the route's ratio is against those rounds:
 * on this shared VM the bare endpoint alone swung from 600 to 9,000 req/s
 * between minutes, so one bare figure taken before all routes made the ratios
 * drift with the machine rather than with the code. Every endpoint first gets an
 * untimed warm-up (a quarter of the timed run, at least 1 s): right after
 * loading a big graph the JIT is cold and V8 is still marking the fresh heap.
 */
import { loadTest, pairedLoadTest, type LoadResult } from "./load-test.ts";
import { startTask } from "./spawn-task.ts";
import type { TaskContext, TaskResult } from "./task-types.ts";

export async function benchServers(ctx: TaskContext, seconds: number, log: (l: string) => void): Promise<{ result: TaskResult; notes: Record<string, unknown> }> {
  const result: TaskResult = {};
  const notes: Record<string, unknown> = {};
  const warmUp = Math.max(1, Math.round(seconds / 4));
  const rounds = Math.max(1, Math.round(seconds / 2));
  const bare = await startTask("server", { ...ctx, side: "peer" });
  let parley: Awaited<ReturnType<typeof startTask>> | null = null;
  try {
    parley = await startTask("server", { ...ctx, side: "parley" });
    const bareTarget = { port: bare.ready.port, paths: Object.values(bare.ready.requests)[0]! };
    await loadTest(bareTarget, warmUp);
    for (const [route, paths] of Object.entries(parley.ready.requests)) {
      log(`bench:   ${route} for ${seconds} s at 50 connections, in ${rounds} rounds alternating with the bare endpoint`);
      const target = { port: parley.ready.port, paths };
      await loadTest(target, warmUp);
      const [run, peerRun] = await pairedLoadTest(target, bareTarget, seconds, rounds);
      record(result, `p.${route}`, run);
      record(result, `q.${route}`, peerRun);
      notes[route] = { non2xx: run.non2xx, errors: run.errors, requests: run.requests, p50: run.p50, bareReqPerS: Math.round(peerRun.reqPerS) };
    }
  } finally {
    notes["peer server peak MB"] = Math.round((await bare.stop()).maxRssMB as number);
    if (parley) notes["parley server peak MB"] = Math.round((await parley.stop()).maxRssMB as number);
  }
  return { result, notes };
}

function record(result: TaskResult, prefix: string, run: LoadResult): void {
  for (const [k, v] of Object.entries(run)) result[`${prefix}.${k}`] = v;
}
