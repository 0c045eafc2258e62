/** The write key a command sends to a running server: PARLEY_WRITE_KEY, else the key file beside the graph the server was started on. */
import { readFileSync } from "node:fs";
import { WRITE_KEY_ENV, writeKeyFileFor } from "../server/write-key.ts";

export function clientWriteKey(graphFile: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env[WRITE_KEY_ENV]) return env[WRITE_KEY_ENV]!;
  try {
    return readFileSync(writeKeyFileFor(graphFile), "utf8").trim() || null;
  } catch {
    return null;
  }
}
