/** Inside the snapshot worker: graph.json's bytes in, the snapshot written beside them out (transferred, not copied). */
import { parentPort } from "node:worker_threads";
import { encodeSnapshotOfJson } from "./encode-json.ts";

const port = parentPort;
if (!port) throw new Error("graph/snapshot-worker/thread: expecting to run in a worker thread.");
port.on("message", (msg: { id: number; json: Uint8Array[] }) => {
  try {
    const snapshot = encodeSnapshotOfJson(msg.json);
    port.postMessage({ id: msg.id, snapshot }, snapshot ? [snapshot.buffer as ArrayBuffer] : []);
  } catch (err) {
    port.postMessage({ id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
