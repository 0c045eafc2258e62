/** Inside the layout worker: one ForceAtlas2 run per message, positions sent back (transferred, not copied). */
import { parentPort } from "node:worker_threads";
import { computeLayout, type LayoutInput } from "../layout.ts";

const port = parentPort;
if (!port) throw new Error("graph/layout-worker/thread: expecting to run in a worker thread.");
port.on("message", (msg: { id: number; input: LayoutInput }) => {
  try {
    const positions = computeLayout(msg.input);
    port.postMessage({ id: msg.id, positions }, [positions.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
