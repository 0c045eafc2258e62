/**
 * The server figures: Parley's API and a bare Express JSON endpoint, each in its
 * own process, loaded in turn by autocannon from this process at 50
 * connections, on 127.0.0.1. Every endpoint of both sides first gets an untimed
 * warm-up run (a quarter of the timed one, at least 1 s): right after loading a
 * big graph the JIT is cold and V8 is still marking the fresh heap, which made
 * the first timed endpoint's figure swing by 3× between runs.
 */
import { loadTest } from "./load-test.ts";
import { startTask } from "./spawn-task.ts";
import type { TaskContext, TaskResult } from "./task-types.ts";

export async function benchServers(ctx: TaskContext, seconds: number, log: (l: string) => void): Promise<{ result: TaskResult; notes: Record<string, unknown> }> {
  const result: TaskResult = {};
  const notes: Record<string, unknown> = {};
  for (const [prefix, side] of [["q.", "peer"], ["p.", "parley"]] as const) {
    const server = await startTask("server", { ...ctx, side });
    try {
      for (const [route, paths] of Object.entries(server.ready.requests)) {
        log(`bench:   ${route} for ${seconds} s at 50 connections (after a warm-up)`);
        await loadTest(server.ready.port, paths, Math.max(1, Math.round(seconds / 4)));
        const r = await loadTest(server.ready.port, paths, seconds);
        for (const [k, v] of Object.entries(r)) result[`${prefix}${route}.${k}`] = v;
        notes[route] = { non2xx: r.non2xx, errors: r.errors, requests: r.requests, p50: r.p50 };
      }
    } finally {
      const done = await server.stop();
      notes[`${side} server peak MB`] = Math.round(done.maxRssMB as number);
    }
  }
  return { result, notes };
}
