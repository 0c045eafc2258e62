/**
 * What the server serves: the graph, the articles it was built from, a query
 * engine over that graph, and what live ingest needs (corpus folders, graph
 * file, rules). Ingest swaps graph, articles and engine together, so every
 * request sees one consistent snapshot, and moves console queries to a worker
 * loaded from the new graph file. Console queries run on `queries`: a worker
 * thread by default (./query-worker), or the engine in process.
 */
import type { Article } from "../types.ts";
import { dirname } from "node:path";
import { loadGraph, removeStaleTempFiles, type ParleyGraph } from "../graph/persist.ts";
import { loadArticles } from "../ingest/index.ts";
import { loadRules, reconcileGraph, type CorpusState } from "../pipeline/index.ts";
import { createQueryEngine } from "../query/index.ts";
import { createQueryRunner, inProcessRunner, type QueryRunner, type QueryWorkerOptions } from "./query-worker/index.ts";

export type QueryEngine = ReturnType<typeof createQueryEngine>;
export type QueryLimits = Parameters<typeof createQueryEngine>[1];

export interface ServerState extends CorpusState {
  engine: QueryEngine;
  /** Where console queries (POST /api/query) run. */
  queries: QueryRunner;
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
  state.queries.reload();
}

/**
 * Loads graph, articles and rules, first recovering from a crash: temp files
 * of killed writers are removed, and a graph that lacks articles the folder
 * holds while listing none the folder lacks (killed between writing an article
 * and the graph) is rebuilt and written; any other disagreement is only
 * reported (src/pipeline/reconcile.ts). Then, with a query worker (the default), the worker loads its own
 * copy of the graph file on another thread.
 */
export async function loadServerState(files: ServerFiles, queryLimits?: QueryLimits, queryWorker: QueryWorkerOptions | false = {}, log?: (line: string) => void): Promise<ServerState> {
  const rules = loadRules(files.lexiconDir);
  const swept = [...(await removeStaleTempFiles(dirname(files.graphFile))), ...(await removeStaleTempFiles(files.articlesDir))];
  if (swept.length) log?.(`removed ${swept.length} temp file(s) left by an interrupted write`);
  const articles = await loadArticles(files.articlesDir, rules.ingest);
  const recovered = await reconcileGraph(await loadGraph(files.graphFile), articles, rules, files.graphFile);
  if (recovered.rebuilt) log?.(`graph rebuilt from the articles folder, which has articles the graph lacked: ${recovered.missing.join(", ")}`);
  else if (recovered.missing.length) log?.(`warning: the graph and the articles folder come from different corpora (${recovered.missing.length} articles only in the folder, ${recovered.stale.length} only in the graph); run parley build`);
  const graph = recovered.graph;
  const queries = queryWorker ? createQueryRunner(files.graphFile, queryLimits, queryWorker, log) : null;
  const engine = createQueryEngine(graph, queryLimits);
  const state: ServerState = {
    graph,
    articles,
    engine,
    queries: queries ?? inProcessRunner(() => state.engine),
    corpus: { articlesDir: files.articlesDir, lexiconDir: files.lexiconDir },
    graphFile: files.graphFile,
    rules,
    queryLimits,
  };
  return state;
}
