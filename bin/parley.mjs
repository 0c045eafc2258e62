#!/usr/bin/env node
// Entry point of the `parley` command: registers tsx so the TypeScript sources run
// as they are (no build step between a fresh clone and a working CLI).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
// A failed command ends here, whatever it had started (a server that could not listen leaves its store and
// workers open); a successful one ends when its work does (`serve` keeps running).
if (process.exitCode !== 0) process.exit();
