/**
 * Inside the query worker: loads the graph file, builds its own query engine
 * (under the same guards as the server's), says "ready", then answers one query
 * message at a time with the result already serialized as JSON, so the main
 * thread only forwards a string. Errors go back packed (./errors.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { loadGraph } from "../../graph/persist.ts";
import { createQueryEngine } from "../../query/index.ts";
import { packError } from "./errors.ts";
import type { ToWorker, WorkerInit } from "./protocol.ts";

const port = parentPort;
if (!port) throw new Error("server/query-worker/thread: expecting to run in a worker thread.");
const init = workerData as WorkerInit;

/**
 * Queries are background work next to the API's requests: on Linux a thread has
 * its own nice value, so this thread yields the CPU to the event loop's thread
 * when both want it (two cores shared with other work are common). Best effort.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: the query simply runs at normal priority.
  }
}
lowerPriority();

try {
  const graph = await loadGraph(init.graphFile);
  const engine = createQueryEngine(graph, init.limits);
  port.on("message", async (msg: ToWorker) => {
    try {
      const result = await engine.run(msg.query, msg.params);
      port.postMessage({ id: msg.id, json: JSON.stringify(result) });
    } catch (err) {
      port.postMessage({ id: msg.id, error: packError(err) });
    }
  });
  port.postMessage({ ready: { nodes: graph.order, edges: graph.size } });
} catch (err) {
  port.postMessage({ failed: packError(err) });
}
