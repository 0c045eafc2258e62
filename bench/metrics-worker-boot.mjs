// Entry file of the bench's metrics worker thread: registers tsx in this thread, then runs the TypeScript worker
// (as src/graph/layout-worker/boot.mjs does).
import { register } from "tsx/esm/api";

register();
await import("./metrics-worker.ts");
