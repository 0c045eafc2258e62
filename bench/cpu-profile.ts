/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and names where the time went: self
 * time summed per function, per source file and per area (a package under
 * node_modules, a folder of src/, Node's internals), top N of each, as shares
 * of all samples (idle left out; GC shown as V8 names it). Line numbers are
 * left out: tsx compiles each file to one line.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface Cost {
  what: string;
  share: number;
}

const ROOT = new URL("..", import.meta.url).pathname;
const short = (url: string) => (url ? relative(ROOT, url.replace(/^file:\/\//, "")) : "(native)");

/** `node_modules/compromise/src/…` → `compromise`, `src/query/x.ts` → `src/query`. */
function areaOf(file: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return pkg[1]!;
  const src = /^(src\/[^/]+|bench)\//.exec(file);
  if (src) return src[1]!;
  return file.startsWith("node:") ? "node internals" : file;
}

export async function topCosts(dir: string, n = 3): Promise<{ functions: Cost[]; files: Cost[]; areas: Cost[] }> {
  // tsx's loader thread writes a profile of its own: the main thread's is the biggest.
  const files = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"));
  const sized = await Promise.all(files.map(async (f) => ({ f, size: (await stat(join(dir, f))).size })));
  const file = sized.sort((a, b) => b.size - a.size)[0]?.f;
  if (!file) return { functions: [], files: [], areas: [] };
  const profile = JSON.parse(await readFile(join(dir, file), "utf8")) as { nodes: ProfileNode[] };
  const byFn = new Map<string, number>(), byFile = new Map<string, number>(), byArea = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    total += hits;
    const { functionName, url } = node.callFrame;
    const where = short(url);
    const fn = `${functionName || "(anonymous)"}${url ? ` (${where})` : ""}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
    byFile.set(where, (byFile.get(where) ?? 0) + hits);
    byArea.set(areaOf(where), (byArea.get(areaOf(where)) ?? 0) + hits);
  }
  const top = (m: Map<string, number>) =>
    [...m].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([what, hits]) => ({ what, share: Math.round((hits / total) * 1000) / 10 }));
  return { functions: top(byFn), files: top(byFile), areas: top(byArea) };
}
