/**
 * Live ingest of one article: validate, rebuild the graph with it, then persist the
 * article file and the graph file (each atomically; the article file is removed
 * again if the graph cannot be written). Nothing changes unless every step works.
 * Returns what the article added or strengthened.
 */
import { unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../types.ts";
import { IngestError } from "../ingest/index.ts";
import { saveGraph, writeFileAtomic, type ParleyGraph } from "../graph/persist.ts";
import { buildGraphFromArticles, type Corpus, type Rules } from "./build.ts";
import { prepareArticle, validateArticleInput } from "./article-input.ts";
import { diffGraphs, type GraphDiff } from "./diff.ts";

export interface CorpusState {
  corpus: Corpus;
  graphFile: string;
  rules: Rules;
  articles: Article[];
  graph: ParleyGraph;
}

export interface AddArticleResult extends GraphDiff {
  article: Article;
  articles: Article[];
  graph: ParleyGraph;
}

export async function addArticle(state: CorpusState, body: unknown): Promise<AddArticleResult> {
  const input = validateArticleInput(body);
  const { article, fileName, fileContent } = prepareArticle(input, state.rules.ingest);
  if (state.articles.some((a) => a.id === article.id)) throw new IngestError(`article "${input.title}"`, "has already been ingested");
  const articles = [...state.articles, article].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const graph = buildGraphFromArticles(articles, state.rules.lexicon);
  const articleFile = join(state.corpus.articlesDir, fileName);
  await writeFileAtomic(articleFile, fileContent);
  try {
    await saveGraph(graph, state.graphFile);
  } catch (err) {
    await unlink(articleFile).catch(() => {});
    throw err;
  }
  return { article, articles, graph, ...diffGraphs(state.graph, graph) };
}
