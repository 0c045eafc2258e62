// Entry file of the snapshot worker thread: registers tsx in this thread, then runs
// the TypeScript worker (as src/server/query-worker/boot.mjs does).
import { register } from "tsx/esm/api";

register();
await import("./thread.ts");
