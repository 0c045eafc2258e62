/**
 * What the server serves: the graph, the articles it was built from, a query
 * engine over that graph, and the live corpus that ingest goes through (store,
 * extractor, snapshot writer; src/pipeline/live-corpus.ts). Ingest swaps graph,
 * articles and engine together, so every request sees one consistent snapshot.
 * Console queries run on `queries`: a worker thread by default
 * (./query-worker), which loads the graph file; after an ingest they wait
 * until the new snapshot is written and a worker has loaded it.
 */
import type { Article } from "../types.ts";
import type { ParleyGraph } from "../graph/persist.ts";
import { LiveCorpus } from "../pipeline/index.ts";
import { defaultStoreFile } from "../store/index.ts";
import type { FetchOptions } from "../ingest/fetch/index.ts";
import { createQueryEngine } from "../query/index.ts";
import { createQueryRunner, inProcessRunner, type QueryRunner, type QueryWorkerOptions } from "./query-worker/index.ts";

export type QueryEngine = ReturnType<typeof createQueryEngine>;
export type QueryLimits = Parameters<typeof createQueryEngine>[1];

export interface ServerState {
  graph: ParleyGraph;
  articles: Article[];
  engine: QueryEngine;
  /** Where console queries (POST /api/query) run. */
  queries: QueryRunner;
  /** The corpus ingest adds to. */
  live: LiveCorpus;
  graphFile: string;
  /** Guards for engines created after an ingest swap. */
  queryLimits?: QueryLimits;
  /** How POST /api/articles {"url"} fetches (timeouts, size cap, whether private addresses are allowed). */
  fetchOptions: FetchOptions;
}

export interface ServerFiles {
  graphFile: string;
  articlesDir: string;
  lexiconDir: string;
  /** The corpus store; default `parley.db` beside the graph file. */
  storeFile?: string;
  /** Extraction of posted articles on a worker thread (default) or in process. */
  extractor?: "thread" | "in-process";
  /** Fetching of POSTed addresses; private and loopback addresses are refused unless `allowPrivate`. */
  fetch?: FetchOptions;
}

export function swapGraph(state: ServerState, graph: ParleyGraph, articles: Article[]): void {
  const engine = createQueryEngine(graph, state.queryLimits);
  state.graph = graph;
  state.articles = articles;
  state.engine = engine;
  state.queries.hold();
}

/**
 * Opens the live corpus (which recovers from a crash: temp files of killed
 * writers removed, the folder's changes taken into the store, the journal
 * replayed into the snapshot when it is behind), then, with a query worker
 * (the default), starts a worker that loads the snapshot file on another thread.
 */
export async function loadServerState(files: ServerFiles, queryLimits?: QueryLimits, queryWorker: QueryWorkerOptions | false = {}, log?: (line: string) => void): Promise<ServerState> {
  let queries: QueryRunner | null = null;
  const live = await LiveCorpus.open({
    graphFile: files.graphFile,
    articlesDir: files.articlesDir,
    lexiconDir: files.lexiconDir,
    storeFile: files.storeFile ?? defaultStoreFile(files.graphFile),
    extractor: files.extractor,
    log,
    onSnapshot: () => queries?.reload(),
  });
  queries = queryWorker ? createQueryRunner(files.graphFile, queryLimits, queryWorker, log) : null;
  const state: ServerState = {
    graph: live.graph,
    articles: live.articles,
    engine: createQueryEngine(live.graph, queryLimits),
    queries: queries ?? inProcessRunner(() => state.engine),
    live,
    graphFile: files.graphFile,
    queryLimits,
    fetchOptions: files.fetch ?? {},
  };
  return state;
}
