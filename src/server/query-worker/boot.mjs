// Entry file of the query worker thread: registers tsx in this thread (module
// hooks of the main thread do not reach workers on every Node version), then runs
// the TypeScript worker as it is, the same way bin/parley.mjs starts the CLI.
import { register } from "tsx/esm/api";

register();
await import("./thread.ts");
