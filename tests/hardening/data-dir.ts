/**
 * A private, writable copy of the data a Parley process works on (articles —
 * all seeds or a chosen few —, lexicon, and optionally a freshly built graph
 * file) in a temp folder, plus a look at what a killed writer can leave behind
 * (and the pid of a dead one, for temp files it could have left).
 * The repository's graph-data/ is never touched.
 */
import { spawnSync } from "node:child_process";
import { chmod, copyFile, cp, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildOnce } from "./cli-process.ts";
import { codeSnapshot } from "./code-snapshot.ts";

const seedArticlesDir = async () => join(await codeSnapshot(), "graph-data/articles");

export interface DataDir {
  dir: string;
  articlesDir: string;
  lexiconDir: string;
  graphFile: string;
  remove(): Promise<void>;
}

export interface DataDirOptions {
  /** Seed article files to copy (default: all of them). */
  articles?: string[];
  /** Build graph.json from the copied articles with `parley build`. */
  withGraph?: boolean;
  prefix?: string;
}

export async function seedArticleFiles(): Promise<string[]> {
  return (await readdir(await seedArticlesDir())).filter((f) => f !== "manifest.json" && !f.startsWith(".")).sort();
}

export async function makeDataDir(options: DataDirOptions = {}): Promise<DataDir> {
  const dir = await mkdtemp(join(tmpdir(), options.prefix ?? "parley-hardening-"));
  const articlesDir = join(dir, "articles");
  const lexiconDir = join(dir, "lexicon");
  await mkdir(articlesDir);
  const wanted = options.articles ?? (await seedArticleFiles());
  const seeds = await seedArticlesDir();
  // The manifest may name files that are not copied; the loader ignores those entries.
  for (const file of [...wanted, "manifest.json"]) {
    await copyFile(join(seeds, file), join(articlesDir, file));
    await chmod(join(articlesDir, file), 0o644);
  }
  await cp(join(await codeSnapshot(), "graph-data/lexicon"), lexiconDir, { recursive: true });
  const data: DataDir = { dir, articlesDir, lexiconDir, graphFile: join(dir, "graph.json"), remove: () => rm(dir, { recursive: true, force: true }) };
  if (options.withGraph) await buildOnce(data);
  return data;
}

/** Temp files of writeFileAtomic (`.<name>.<pid>.<hex>.tmp`) left in a folder. */
export async function tempLeftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.startsWith(".") && f.endsWith(".tmp")).sort();
}

/** The pid of a process that has just exited: what a killed writer leaves in its temp file names. */
export function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}
