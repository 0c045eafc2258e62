/**
 * The pipeline's story: articles → ingest → extract → resolve → graph.
 * `buildGraphFromArticles` is pure (same articles and lexicon, same graph);
 * `buildGraph` adds reading the articles folder and reporting progress.
 */
import type { Article } from "../types.ts";
import { loadArticles, loadIngestRules, type IngestRules } from "../ingest/index.ts";
import { loadLexicon, extractArticle, resolveCorpus, type Lexicon } from "../extract/index.ts";
import { assembleGraph } from "../graph/assemble.ts";
import type { ParleyGraph } from "../graph/persist.ts";

export interface Corpus {
  articlesDir: string;
  lexiconDir: string;
}

export type BuildProgress = (stage: "ingest" | "extract" | "graph", done: number, total: number, item?: string) => void;

export interface BuildResult {
  graph: ParleyGraph;
  articles: Article[];
}

export interface Rules {
  ingest: IngestRules;
  lexicon: Lexicon;
}

export function loadRules(lexiconDir: string): Rules {
  return { ingest: loadIngestRules(lexiconDir), lexicon: loadLexicon(lexiconDir) };
}

export function buildGraphFromArticles(articles: Article[], lexicon: Lexicon, onProgress?: BuildProgress): ParleyGraph {
  const extractions = articles.map((article, i) => {
    const extraction = extractArticle(article, lexicon);
    onProgress?.("extract", i + 1, articles.length, article.id);
    return extraction;
  });
  const resolved = resolveCorpus(extractions, lexicon);
  onProgress?.("graph", 0, 1);
  const graph = assembleGraph(resolved, articles);
  onProgress?.("graph", 1, 1);
  return graph;
}

export async function buildGraph(corpus: Corpus, onProgress?: BuildProgress, rules = loadRules(corpus.lexiconDir)): Promise<BuildResult> {
  const articles = await loadArticles(corpus.articlesDir, rules.ingest, (file, done, total) => onProgress?.("ingest", done, total, file));
  return { graph: buildGraphFromArticles(articles, rules.lexicon, onProgress), articles };
}
