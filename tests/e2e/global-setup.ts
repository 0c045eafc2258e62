/**
 * vitest globalSetup: builds the web app (npx vite build) when web/dist is missing
 * or older than any of its sources, so the e2e suite always drives current code.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = process.cwd();
const SOURCES = ["web/src", "web/index.html", "vite.config.ts", "src/ontology.ts", "src/types.ts"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

export function webBuildIsStale(root = ROOT): boolean {
  const built = join(root, "web", "dist", "index.html");
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > builtAt);
}

export default function setup(): void {
  if (!webBuildIsStale()) return;
  process.stdout.write("e2e: building the web app (npx vite build)…\n");
  execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
}
