/**
 * Runs a benchmark task in a child process of its own (so its peak RSS is its
 * own and one task's garbage never slows the next) and collects its answer
 * over the IPC channel. `startTask` is for server tasks: it resolves once the
 * child listens and returns a stop() that ends it and yields its numbers.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { BenchError, type TaskContext, type TaskResult } from "./task-types.ts";
import type { ServerReady } from "./tasks/server.ts";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));
/** Room for the peers: graphology-gexf builds a whole 1M-edge document as one string. */
const HEAP_MB = 8192;

interface Reply {
  result?: TaskResult;
  error?: string;
  ready?: ServerReady;
}

function spawnChild(task: string, ctx: TaskContext, execArgv: string[]): { child: ChildProcess; reply: (want: keyof Reply) => Promise<Reply> } {
  // --expose-gc: tasks collect the graph load's garbage before they time anything (stats.ts collectGarbage).
  const child = fork(CHILD, [], { execArgv: ["--import", "tsx", `--max-old-space-size=${HEAP_MB}`, "--expose-gc", ...execArgv], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<never>((_resolve, reject) =>
    child.once("exit", (code, signal) => reject(new BenchError(`bench task ${task} (${ctx.side}, ${ctx.workload.name}) exited with ${signal ?? code} before answering`))),
  );
  exited.catch(() => {});
  const reply = (want: keyof Reply) =>
    Promise.race([
      new Promise<Reply>((resolve, reject) => {
        const on = (msg: Reply) => {
          if (msg.error) return child.off("message", on), reject(new BenchError(`bench task ${task} (${ctx.side}, ${ctx.workload.name}) failed: ${msg.error}`));
          if (msg[want]) child.off("message", on), resolve(msg);
        };
        child.on("message", on);
      }),
      exited,
    ]);
  child.send({ task, ctx });
  return { child, reply };
}

/** Waits for the child to exit (so a --cpu-prof profile is on disk). */
const exitOf = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));

export async function runTask(task: string, ctx: TaskContext, execArgv: string[] = []): Promise<TaskResult> {
  const { child, reply } = spawnChild(task, ctx, execArgv);
  const { result } = await reply("result");
  await exitOf(child);
  return result!;
}

export async function startTask(task: string, ctx: TaskContext): Promise<{ ready: ServerReady; stop: () => Promise<TaskResult> }> {
  const { child, reply } = spawnChild(task, ctx, []);
  const { ready } = await reply("ready");
  return {
    ready: ready!,
    async stop() {
      const answer = reply("result");
      child.send({ stop: true });
      const { result } = await answer;
      await exitOf(child);
      return result!;
    },
  };
}
