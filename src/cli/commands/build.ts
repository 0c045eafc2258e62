/**
 * `parley build [--articles DIR] [--lexicon DIR] [--out FILE] [--store FILE | --no-store] [--threads N]`:
 * ingest and extract, then write the graph atomically. Through the corpus store
 * (the default) only new or changed articles are extracted — all of them after
 * a change of lexicon, models or extractor, and the build says so. A progress
 * bar shows on a terminal; on any error the previous graph file is left untouched.
 */
import type { Command } from "commander";
import type cliProgress from "cli-progress";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { BuildProgress } from "../../pipeline/index.ts";
import { DEFAULT_ARTICLES_DIR, DEFAULT_GRAPH_FILE, DEFAULT_LEXICON_DIR } from "../paths.ts";
import { UserError } from "../user-error.ts";
import { curationLines } from "./edit.ts";

interface BuildFlags {
  articles: string;
  lexicon: string;
  out: string;
  /** A path, `true` (the default: beside --out) or `false` (--no-store). */
  store: string | boolean;
  threads: string;
}

const say = (line: string) => process.stderr.write(`parley build: ${line}\n`);

function progressBar(progress: typeof cliProgress): { onProgress: BuildProgress; stop(): void } {
  const bar = process.stderr.isTTY ? new progress.SingleBar({ format: "{stage} [{bar}] {value}/{total} {item}", clearOnComplete: true }, progress.Presets.shades_classic) : null;
  let stage = "";
  return {
    onProgress: (s, done, total, item) => {
      if (!bar) return;
      if (s !== stage) {
        if (stage) bar.stop();
        stage = s;
        bar.start(total, 0, { stage: s.padEnd(7), item: "" });
      }
      bar.update(done, { item: item ?? "" });
    },
    stop: () => bar?.stop(),
  };
}

function threadsOf(flag: string): number {
  const n = Number(flag);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UserError(`--threads must be a whole number 1..64, got "${flag}"`);
  return n;
}

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("read the articles, extract entities and relations, write the graph file")
    .option("--articles <dir>", "folder of .txt/.md/.html articles (+ manifest.json)", DEFAULT_ARTICLES_DIR)
    .option("--lexicon <dir>", "lexicon folder", DEFAULT_LEXICON_DIR)
    .option("--out <file>", "graph file to write", DEFAULT_GRAPH_FILE)
    .option("--store <file>", "corpus store that keeps extractions between builds (default: parley.db beside --out)")
    .option("--no-store", "read and extract every article, without the store")
    .option("--threads <n>", "extraction threads", String(Math.min(2, availableParallelism())))
    .action(async (flags: BuildFlags) => {
      // Loaded when the command runs, so `parley --help` does not pay for the pipeline.
      const [{ default: progress }, { buildGraph, buildGraphWithStore }, { saveGraph }, { CorpusStore, defaultStoreFile, extractorVersion }] = await Promise.all([
        import("cli-progress"),
        import("../../pipeline/index.ts"),
        import("../../graph/persist.ts"),
        import("../../store/index.ts"),
      ]);
      const started = performance.now();
      const bar = progressBar(progress);
      const warnings: string[] = [];
      const corpus = { articlesDir: resolve(flags.articles), lexiconDir: resolve(flags.lexicon) };
      const out = resolve(flags.out);
      let summary: string;
      let graph, articles;
      if (flags.store === false) {
        ({ graph, articles } = await buildGraph(corpus, bar.onProgress, undefined, (w) => warnings.push(w)));
        bar.stop();
        await saveGraph(graph, out);
        summary = `${articles.length} articles, all extracted (no store)`;
      } else {
        const store = CorpusStore.open(typeof flags.store === "string" ? resolve(flags.store) : defaultStoreFile(out));
        try {
          const built = await buildGraphWithStore(corpus, { store, version: extractorVersion(corpus.lexiconDir), threads: threadsOf(flags.threads), onProgress: bar.onProgress, onWarning: (w) => warnings.push(w) });
          bar.stop();
          ({ graph, articles } = built);
          if (built.reextractReason) say(`${built.reextractReason} since the last build: re-extracted every article`);
          await saveGraph(graph, out);
          store.setSnapshotSeq(out, built.synced.seq);
          store.setSnapshotEditId(out, built.edits.at(-1)?.id ?? 0);
          for (const line of curationLines(built.edits, built.curation)) say(line);
          const { added, updated, removed } = built.synced;
          summary = `${articles.length} articles (${built.extracted} extracted, ${built.reused} reused from the store; ${added.length} new, ${updated.length} changed, ${removed.length} removed since the last build)`;
        } finally {
          store.close();
        }
      }
      for (const w of warnings) say(`warning: ${w}`);
      const words = articles.reduce((n, a) => n + a.text.split(/\s+/).filter(Boolean).length, 0);
      const seconds = (performance.now() - started) / 1000;
      say(`${summary}, ${words} words → ${graph.order} nodes, ${graph.size} edges in ${seconds.toFixed(2)} s; wrote ${flags.out}`);
    });
}
