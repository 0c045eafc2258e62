#!/usr/bin/env node
// Entry point of the `parley` command: registers tsx so the TypeScript sources run
// as they are (no build step between a fresh clone and a working CLI).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
