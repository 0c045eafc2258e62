/**
 * What the server serves: the graph, the articles it was built from, a query
 * engine over that graph, and what live ingest needs (corpus folders, graph
 * file, rules). Ingest swaps graph, articles and engine together, so every
 * request sees one consistent snapshot.
 */
import type { Article } from "../types.ts";
import { loadGraph, type ParleyGraph } from "../graph/persist.ts";
import { loadArticles } from "../ingest/index.ts";
import { loadRules, type CorpusState } from "../pipeline/index.ts";
import { createQueryEngine } from "../query/index.ts";

export type QueryEngine = ReturnType<typeof createQueryEngine>;
export type QueryLimits = Parameters<typeof createQueryEngine>[1];

export interface ServerState extends CorpusState {
  engine: QueryEngine;
  /** Guards for engines created after an ingest swap. */
  queryLimits?: QueryLimits;
}

export interface ServerFiles {
  graphFile: string;
  articlesDir: string;
  lexiconDir: string;
}

export function swapGraph(state: ServerState, graph: ParleyGraph, articles: Article[]): void {
  const engine = createQueryEngine(graph, state.queryLimits);
  state.graph = graph;
  state.articles = articles;
  state.engine = engine;
}

export async function loadServerState(files: ServerFiles, queryLimits?: QueryLimits): Promise<ServerState> {
  const rules = loadRules(files.lexiconDir);
  const graph = await loadGraph(files.graphFile);
  const articles = await loadArticles(files.articlesDir, rules.ingest);
  return {
    graph,
    articles,
    engine: createQueryEngine(graph, queryLimits),
    corpus: { articlesDir: files.articlesDir, lexiconDir: files.lexiconDir },
    graphFile: files.graphFile,
    rules,
    queryLimits,
  };
}
