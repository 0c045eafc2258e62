/**
 * Entry of a benchmark child process (forked by bench/spawn-task.ts with an IPC
 * channel): runs one task with the context it is sent, and answers with the
 * task's numbers plus this process's peak RSS. A server task also says when it
 * is ready and serves until told to stop.
 */
import { TASKS } from "./tasks/index.ts";
import { server } from "./tasks/server.ts";
import { peakRssMB } from "./stats.ts";
import type { TaskContext } from "./task-types.ts";

type Message = { task: string; ctx: TaskContext } | { stop: true };

const send = (msg: unknown) => new Promise<void>((resolve) => process.send!(msg, () => resolve()));

let stop: () => void = () => {};
const stopped = new Promise<void>((resolve) => (stop = resolve));

process.on("message", async (msg: Message) => {
  if ("stop" in msg) return stop();
  try {
    const { task, ctx } = msg;
    const result =
      task === "server"
        ? await server(ctx, (info) => void send({ ready: info }), stopped)
        : await TASKS[task as keyof typeof TASKS](ctx);
    await send({ result: { ...result, maxRssMB: peakRssMB() } });
  } catch (err) {
    await send({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
  process.disconnect();
});
