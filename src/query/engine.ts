/**
 * createQueryEngine(): indexes a graph once (CSR adjacency, labels, names) — a
 * graphology graph, or a binary snapshot's structure — and answers openCypher
 * queries, console shortcuts, path(), search() and resolve() against it
 * (createQueryEngineInSteps: the same, built in steps). Engines are cheap to rebuild: the server makes a new
 * one whenever it swaps in a new graph; an engine never mutates its graph.
 */
import type { EvalContext } from "./execution/context.ts";
import { QueryError, UnknownNameError } from "./errors.ts";
import { execute } from "./execution/executor.ts";
import { GraphIndex, type AnyGraph, type GraphIndexOptions, type IndexSource } from "./indexes/graph-index.ts";
import { Guard, resolveLimits, type QueryLimits } from "./execution/guards.ts";
import { NameIndex } from "./indexes/name-index.ts";
import { findRoutes, separation, toPathResult, type PathOptions } from "./paths/path-api.ts";
import { PathSearcher } from "./paths/path-search.ts";
import { parseQuery } from "./syntax/parser.ts";
import { analyze } from "./semantic/index.ts";
import type { Query } from "./syntax/ast.ts";
import type { PathResult, QueryResult, SearchHit } from "./output/result.ts";
import { matchShortcut } from "./shortcuts.ts";
import { fromJS, type Value } from "./expressions/values.ts";
import { Stepped } from "./indexes/stepped.ts";

/** The query, once semantic analysis has found nothing wrong with it. */
const analyzed = (query: Query): Query => (analyze(query), query);

export interface QueryEngine {
  /** Runs openCypher or a console shortcut (path/paths/neighbors/find). */
  run(text: string, params?: Record<string, unknown>): Promise<QueryResult>;
  /** Shortest path (k>1: up to k shortest simple paths) between two names resolved through labels/aliases/keys. */
  path(from: string, to: string, opts?: PathOptions): PathResult;
  /** Ranked search over labels and aliases (case/diacritics-insensitive prefix + substring), for autocomplete. */
  search(q: string, limit?: number): SearchHit[];
  /** Node key for a name/alias/key, or null. */
  resolve(name: string): string | null;
  /** The limits every query of this engine runs under. */
  readonly limits: QueryLimits;
}

export interface EngineOptions extends GraphIndexOptions {
  /**
   * "background": the name index (what shortcuts, path(), search() and
   * resolve() use; seconds of CPU at 100k nodes) is built in steps after the
   * engine is returned, and at once by the first call that needs it. openCypher
   * queries do not wait for it. Default "now".
   */
  names?: "now" | "background";
}

export function createQueryEngine(graph: AnyGraph | IndexSource, limits: Partial<QueryLimits> = {}, options: EngineOptions = {}): QueryEngine {
  const index = new GraphIndex(graph, options);
  if (options.names === "background") {
    const names = new Stepped(NameIndex.inSteps(index)).inBackground();
    return engineOver(index, () => names.value, limits);
  }
  const names = new NameIndex(index);
  return engineOver(index, () => names, limits);
}

/**
 * createQueryEngine in steps of a few milliseconds (the index, then the
 * names): a server builds its own engine over a million edges between
 * requests instead of before it listens. Draining it gives the same engine.
 */
export function* createQueryEngineInSteps(graph: AnyGraph | IndexSource, limits: Partial<QueryLimits> = {}, options: GraphIndexOptions = {}): Generator<void, QueryEngine> {
  const index = yield* GraphIndex.inSteps(graph, options);
  const names = yield* NameIndex.inSteps(index);
  return engineOver(index, () => names, limits);
}

function engineOver(index: GraphIndex, namesOf: () => NameIndex, limits: Partial<QueryLimits>): QueryEngine {
  const resolved = resolveLimits(limits);
  const searcher = new PathSearcher(index);
  const hasKey = (k: string) => index.nodeIndex.has(k);
  const context = (params: Record<string, unknown>): EvalContext => ({
    index,
    searcher,
    guard: new Guard(resolved),
    statementTime: Date.now(),
    params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, fromJS(v)])) as Record<string, Value>,
  });
  const nodeOf = (name: string): number => {
    const names = namesOf();
    const key = names.resolve(name, hasKey);
    if (key === null) throw new UnknownNameError(name, names.suggest(name));
    return index.nodeIndex.get(key)!;
  };

  return {
    limits: resolved,
    async run(text, params = {}) {
      if (typeof text !== "string" || !text.trim()) throw new QueryError("query: expecting a non-empty query text");
      if (params === null || typeof params !== "object") throw new QueryError("query: parameters must be an object");
      const started = performance.now();
      const ctx = context(params);
      const shortcut = matchShortcut(text);
      const table: { columns: string[]; rows: unknown[][]; notice?: string } = shortcut ? shortcut.shortcut.run(shortcut.match, { ctx, names: namesOf() }) : execute(analyzed(parseQuery(text)), ctx);
      const elapsedMs = Math.round((performance.now() - started) * 100) / 100;
      return { kind: "table", columns: table.columns, rows: table.rows, elapsedMs, ...(table.notice ? { notice: table.notice } : {}) };
    },
    path(from, to, opts = {}) {
      const a = nodeOf(from);
      const b = nodeOf(to);
      const guard = new Guard(resolved);
      const routes = findRoutes(index, searcher, a, b, opts, guard);
      return toPathResult(index, a, b, routes, routes.length ? undefined : separation(searcher, a, b, guard));
    },
    search: (q, limit = 10) => namesOf().search(q, limit),
    resolve: (name) => namesOf().resolve(name, hasKey),
  };
}
