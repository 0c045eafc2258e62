/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and names where the time went: self
 * time summed per function and per source file, top N of each, as shares of
 * all samples (idle and GC shown as V8 names them).
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

export async function topCosts(dir: string, n = 3): Promise<{ functions: Cost[]; files: Cost[] }> {
  // tsx's loader thread writes a profile of its own: the main thread's is the biggest.
  const files = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"));
  const sized = await Promise.all(files.map(async (f) => ({ f, size: (await stat(join(dir, f))).size })));
  const file = sized.sort((a, b) => b.size - a.size)[0]?.f;
  if (!file) return { functions: [], files: [] };
  const profile = JSON.parse(await readFile(join(dir, file), "utf8")) as { nodes: ProfileNode[] };
  const byFn = new Map<string, number>(), byFile = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = short(url);
    const fn = `${functionName || "(anonymous)"} ${url ? `${where}:${lineNumber + 1}` : ""}`.trim();
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
    byFile.set(where, (byFile.get(where) ?? 0) + hits);
  }
  const top = (m: Map<string, number>) =>
    [...m].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([what, hits]) => ({ what, share: Math.round((hits / total) * 1000) / 10 }));
  return { functions: top(byFn), files: top(byFile) };
}
