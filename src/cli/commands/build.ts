/**
 * `parley build [--articles DIR] [--lexicon DIR] [--out FILE]`: ingest and extract,
 * then write the graph atomically. A progress bar shows on a terminal; on any
 * error the previous graph file is left untouched.
 */
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { resolve } from "node:path";
import { buildGraph } from "../../pipeline/index.ts";
import { saveGraph } from "../../graph/persist.ts";
import { DEFAULT_ARTICLES_DIR, DEFAULT_GRAPH_FILE, DEFAULT_LEXICON_DIR } from "../paths.ts";

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("read the articles, extract entities and relations, write the graph file")
    .option("--articles <dir>", "folder of .txt/.md/.html articles (+ manifest.json)", DEFAULT_ARTICLES_DIR)
    .option("--lexicon <dir>", "lexicon folder", DEFAULT_LEXICON_DIR)
    .option("--out <file>", "graph file to write", DEFAULT_GRAPH_FILE)
    .action(async (opts: { articles: string; lexicon: string; out: string }) => {
      const started = performance.now();
      const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: "{stage} [{bar}] {value}/{total} {item}", clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
      let stage = "";
      const { graph, articles } = await buildGraph({ articlesDir: resolve(opts.articles), lexiconDir: resolve(opts.lexicon) }, (s, done, total, item) => {
        if (!bar) return;
        if (s !== stage) {
          if (stage) bar.stop();
          stage = s;
          bar.start(total, 0, { stage: s.padEnd(7), item: "" });
        }
        bar.update(done, { item: item ?? "" });
      });
      bar?.stop();
      await saveGraph(graph, resolve(opts.out));
      const words = articles.reduce((n, a) => n + a.text.split(/\s+/).filter(Boolean).length, 0);
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`parley build: ${articles.length} articles, ${words} words → ${graph.order} nodes, ${graph.size} edges in ${seconds.toFixed(2)} s; wrote ${opts.out}\n`);
    });
}
