// Entry file of an extraction worker thread: registers tsx in this thread (the
// main thread's module hooks do not reach workers on every Node version), then
// runs the TypeScript worker, as src/server/query-worker/boot.mjs does.
import { register } from "tsx/esm/api";

register();
await import("./thread.ts");
