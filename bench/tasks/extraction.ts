/**
 * Bench task "extraction": words per second of `parley build`'s work (ingest,
 * extract, resolve, assemble with layout) on the seed articles copied until
 * there are at least 200k words (10k in quick mode). Per core: the build is
 * single-threaded, so words are divided by the process's CPU seconds as well as
 * by wall time. Peer: compromise, which a user would reach for to find people,
 * places and organizations, over the same texts. The runner starts the Parley
 * side with --cpu-prof for the profile's top costs.
 */
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nlp from "compromise";
import { buildGraph } from "../../src/pipeline/index.ts";
import { DEFAULT_ARTICLES_DIR, DEFAULT_LEXICON_DIR } from "../../src/cli/paths.ts";
import type { TaskContext, TaskResult } from "../task-types.ts";
import { cpuSecondsSince } from "../stats.ts";

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Copies the seed articles (with manifest entries) into `dir` until they hold `minWords`. */
export async function repeatSeeds(dir: string, minWords: number, seedsDir = DEFAULT_ARTICLES_DIR): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(seedsDir, "manifest.json"), "utf8")) as Array<{ file: string }>;
  const files = (await readdir(seedsDir)).filter((f) => /\.(txt|md|html)$/.test(f)).sort();
  const words = await Promise.all(files.map(async (f) => countWords(await readFile(join(seedsDir, f), "utf8"))));
  const perCopy = words.reduce((a, b) => a + b, 0);
  const copies = Math.max(1, Math.ceil(minWords / perCopy));
  const entries: unknown[] = [];
  for (let c = 0; c < copies; c++) {
    for (const f of files) {
      const name = `c${String(c).padStart(3, "0")}_${f}`;
      await cp(join(seedsDir, f), join(dir, name));
      const entry = manifest.find((e) => e.file === f);
      if (entry) entries.push({ ...entry, file: name });
    }
  }
  await writeFile(join(dir, "manifest.json"), JSON.stringify(entries));
  return copies * perCopy;
}

export async function extraction(ctx: TaskContext): Promise<TaskResult> {
  const dir = join(ctx.tmpDir, "articles");
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  let words = 0, nodes = 0, edges = 0, articles = 0;
  if (ctx.side === "parley") {
    const built = await buildGraph({ articlesDir: dir, lexiconDir: DEFAULT_LEXICON_DIR });
    words = built.articles.reduce((n, a) => n + countWords(a.text), 0);
    (nodes = built.graph.order), (edges = built.graph.size), (articles = built.articles.length);
  } else {
    for (const f of (await readdir(dir)).filter((x) => x.endsWith(".txt")).sort()) {
      const text = await readFile(join(dir, f), "utf8");
      const doc = nlp(text);
      nodes += doc.people().out("array").length + doc.places().out("array").length + doc.organizations().out("array").length;
      words += countWords(text);
      articles++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpu0);
  return { words, articles, nodes, edges, seconds, cpuSeconds, wordsPerS: words / seconds, wordsPerCpuS: words / cpuSeconds };
}
