/**
 * A frozen copy of the code and seed data the child processes run: bin/, src/,
 * package.json, tsconfig.json and graph-data/ (lexicon, articles, language models), with
 * node_modules linked. Taken once per test process, so a long kill or load run
 * compares like with like even while the working tree is being edited (a
 * reference graph from one extractor and a kill run of the next would look like
 * corruption). In a clean checkout it is simply the same code.
 */
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

let snapshot: Promise<string> | null = null;

async function take(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "parley-code-"));
  for (const part of ["bin", "src", "package.json", "tsconfig.json", "graph-data/lexicon", "graph-data/articles", "graph-data/models"]) {
    await cp(join(REPO, part), join(dir, part), { recursive: true });
  }
  await symlink(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** The snapshot's root (taken on first use). */
export function codeSnapshot(): Promise<string> {
  return (snapshot ??= take());
}

/** Removes the snapshot (test files call it in afterAll; vitest workers may end without an exit event). */
export async function removeCodeSnapshot(): Promise<void> {
  if (!snapshot) return;
  const dir = await snapshot;
  snapshot = null;
  await rm(dir, { recursive: true, force: true });
}

/**
 * What `parley build` of these folders writes, computed in this process with the
 * snapshot's own pipeline (no CLI start-up per reference graph).
 */
export async function snapshotBuildText(articlesDir: string, lexiconDir: string): Promise<string> {
  const root = await codeSnapshot();
  const pipeline = (await import(join(root, "src/pipeline/index.ts"))) as typeof import("../../src/pipeline/index.ts");
  const persist = (await import(join(root, "src/graph/persist.ts"))) as typeof import("../../src/graph/persist.ts");
  const { graph } = await pipeline.buildGraph({ articlesDir, lexiconDir });
  return persist.serializeGraph(graph);
}
