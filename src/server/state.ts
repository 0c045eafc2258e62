/**
 * What the server serves: the graph, the articles it was built from, a query
 * engine over that graph, and the live corpus that ingest goes through (store,
 * extractor, snapshot writer; src/pipeline/live-corpus.ts). Ingest swaps graph,
 * articles and engine together, so every request sees one consistent snapshot.
 * Console queries run on `queries`: a worker thread by default
 * (./query-worker), which reads the graph file's binary snapshot on its own
 * (no second graphology graph); from an ingest until the new snapshot is
 * written and a worker has loaded it, on the server's own engine.
 */
import type { Article } from "../types.ts";
import type { ParleyGraph } from "../graph/persist.ts";
import { LiveCorpus } from "../pipeline/index.ts";
import { defaultStoreFile } from "../store/index.ts";
import type { FetchOptions } from "../ingest/fetch/index.ts";
import { createQueryEngine, createQueryEngineInSteps, Stepped } from "../query/index.ts";
import { runInTurns } from "../graph/in-turns.ts";
import { inProcessRunner, type QueryRunner } from "./query-worker/index.ts";
import { fileVersion, type StartedQueries } from "./start-queries.ts";
import { EventHub } from "./events.ts";
import { editRecord } from "./edit-record.ts";

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
  /** Server-sent events to open pages: the graph changed, an edit was made. */
  events: EventHub;
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

/** Serves another graph; its engine is built here unless the caller built it already (`engine`, over that graph). */
export function swapGraph(state: ServerState, graph: ParleyGraph, articles: Article[], engine = createQueryEngine(graph, state.queryLimits)): void {
  state.graph = graph;
  state.articles = articles;
  state.engine = engine;
  state.queries.hold();
}

/** The server's state, and the start of its background work (see `startBackgroundWork`). */
export interface LoadedState {
  state: ServerState;
  /**
   * Builds the server's own query engine in steps between requests from now on
   * (seconds of CPU at a million edges), then calls `then`. Until then, and
   * until the last step, a request that needs the engine finishes it at once.
   */
  startBackgroundWork(then: () => void): void;
}

/**
 * Opens the live corpus beside the query worker `queries` started (which
 * loads the graph on another thread meanwhile). Opening recovers from a crash:
 * temp files of killed writers removed, the folder's changes taken into the
 * store, the journal replayed into the snapshot when it is behind — the worker
 * then loads the rewritten file again.
 */
export async function loadServerState(files: ServerFiles, queryLimits: QueryLimits | undefined, queries: StartedQueries, log?: (line: string) => void): Promise<LoadedState> {
  let state: ServerState | null = null;
  const events = new EventHub();
  // Between an ingest and the worker's reload of the new graph file (seconds at 10,000 articles, for the layout),
  // console queries run on the server's own engine, which already has the new graph.
  queries.answerHeldBy(async (query, params) => JSON.stringify(await state!.engine.run(query, params)));
  let runner = queries.runner;
  const live = await openCorpus(files, runner, () => state, events, log).catch((err) => {
    events.close();
    throw err;
  });
  // Opening rewrote the graph file (the journal was replayed into it): the worker loads it again.
  if (runner && fileVersion(files.graphFile) !== queries.version) runner.reload();
  runner ??= queries.start();
  // Until an ingest swaps in another engine, the start-up one, built in steps between other work once the server
  // has started its background work (console queries go to the worker, which indexes on its own thread).
  const stepped = new Stepped(createQueryEngineInSteps(live.graph, queryLimits));
  let engine: Stepped<QueryEngine> | QueryEngine = stepped;
  state = {
    graph: live.graph,
    articles: live.articles,
    get engine() {
      return engine instanceof Stepped ? engine.value : engine;
    },
    set engine(next: QueryEngine) {
      engine = next;
    },
    queries: runner ?? inProcessRunner(() => state!.engine),
    live,
    graphFile: files.graphFile,
    queryLimits,
    fetchOptions: files.fetch ?? {},
    events,
  };
  return { state, startBackgroundWork: (then) => void stepped.inBackground(then) };
}

function openCorpus(files: ServerFiles, queries: QueryRunner | null, stateOf: () => ServerState | null, events: EventHub, log?: (line: string) => void): Promise<LiveCorpus> {
  const prepared = new WeakMap<ParleyGraph, QueryEngine>();
  return LiveCorpus.open({
    graphFile: files.graphFile,
    articlesDir: files.articlesDir,
    lexiconDir: files.lexiconDir,
    storeFile: files.storeFile ?? defaultStoreFile(files.graphFile),
    extractor: files.extractor,
    log,
    // The new graph's engine, built in steps with requests answered between them (a fifth of a second of CPU at
    // 10,000 articles, which one call held the event loop for); the old graph and engine are served meanwhile.
    prepareGraph: async (graph) => void prepared.set(graph, await runInTurns(createQueryEngineInSteps(graph, stateOf()?.queryLimits))),
    // Ingests are taken into the graph after their 201: every request from then on sees graph, articles and engine swapped together.
    onGraph: (graph, articles) => {
      const state = stateOf();
      if (state) swapGraph(state, graph, articles, prepared.get(graph));
      events.publish("graph", { nodes: graph.order, edges: graph.size, articles: articles.length });
    },
    onEdit: (edit, outcome) => events.publish("edit", { edit: editRecord(edit, outcome) }),
    onSnapshot: () => (stateOf()?.queries ?? queries)?.reload(),
  });
}
