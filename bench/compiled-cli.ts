/**
 * Tasks that spawn `parley` measure the CLI a user runs after `npm install`:
 * the compiled one in dist/. bin/parley.mjs runs the TypeScript sources through
 * tsx instead whenever dist/ is older than them (an edit since the last build),
 * which is half a second slower to start and would be measured silently, so
 * these tasks build dist/ first when it is stale.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { compiledMain } from "../bin/compiled.mjs";
import { PROJECT_ROOT } from "../src/cli/paths.ts";
import { BenchError } from "./task-types.ts";

/** Builds dist/ if it does not match the sources; true when it had to. */
export function ensureCompiledCli(): boolean {
  if (compiledStill()) return false;
  const built = spawnSync(process.execPath, [join(PROJECT_ROOT, "scripts/build-cli.mjs")], { encoding: "utf8" });
  if (built.status !== 0) throw new BenchError(`scripts/build-cli.mjs failed: ${built.stderr.slice(-500)}`);
  return true;
}

/** Whether dist/ still matches the sources (an edit under src/ during the runs sent them to tsx). */
export function compiledStill(): boolean {
  return compiledMain(PROJECT_ROOT) !== null;
}
