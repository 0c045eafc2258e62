/**
 * Inside the query worker: builds its own query engine (under the same guards
 * as the server's) straight from the graph's binary snapshot — typed arrays and
 * packed attributes, decoded as results need them, no graphology graph — or,
 * when there is no snapshot matching the graph file, from the file itself;
 * says "ready", then answers one query message at a time with the result
 * already serialized as JSON, so the main thread only forwards a string.
 * Errors go back packed (./errors.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { loadGraphFromJson } from "../../graph/persist.ts";
import { GraphSnapshot, openSnapshot, snapshotStructure } from "../../graph/snapshot/index.ts";
import { createQueryEngine, indexSourceOf } from "../../query/index.ts";
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

try {
  // The server's snapshot in shared memory, checked when it read it (and matching graph.json then); else the file.
  const snapshot = init.snapshot ? new GraphSnapshot(Buffer.from(init.snapshot), { checksumChecked: true }) : await openSnapshot(init.graphFile);
  const graph = snapshot ? snapshotStructure(snapshot) : indexSourceOf(await loadGraphFromJson(init.graphFile));
  // Ready once the structure is indexed: names (for shortcuts) follow in steps, and a shortcut before they are done finishes them.
  const engine = createQueryEngine(graph, init.limits, { names: "background" });
  // Loading is start-up work, done at normal priority; the queries after it yield to the API.
  lowerPriority();
  port.on("message", async (msg: ToWorker) => {
    try {
      const result = await engine.run(msg.query, msg.params);
      port.postMessage({ id: msg.id, json: JSON.stringify(result) });
    } catch (err) {
      port.postMessage({ id: msg.id, error: packError(err) });
    }
  });
  port.postMessage({ ready: { nodes: graph.nodeCount, edges: graph.edgeCount } });
} catch (err) {
  port.postMessage({ failed: packError(err) });
}
