#!/usr/bin/env node
// Entry point of the `parley` command. It runs the compiled CLI in dist/
// (scripts/build-cli.mjs, run by `npm install`, `npm ci` and `npm run build`)
// when dist/ was built from the sources as they are now (./compiled.mjs), and
// otherwise the TypeScript sources as they are, through tsx — so an edit under
// src/ is never run stale, and no build step stands between a fresh clone and a
// working CLI. PARLEY_TSX=1 runs the sources even when dist/ is fresh.
import { fileURLToPath, pathToFileURL } from "node:url";
import { compiledMain } from "./compiled.mjs";

const compiled = process.env.PARLEY_TSX === "1" ? null : compiledMain(fileURLToPath(new URL("..", import.meta.url)));
let main;
if (compiled) {
  // So a trace from the bundle names the .ts files and lines.
  process.setSourceMapsEnabled(true);
  ({ main } = await import(pathToFileURL(compiled).href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
// A failed command ends here, whatever it had started (a server that could not listen leaves its store and
// workers open); a successful one ends when its work does (`serve` keeps running).
if (process.exitCode !== 0) process.exit();
