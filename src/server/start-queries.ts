/**
 * The first step of a server's start: the query worker, spawned before the rest
 * of the server is even loaded. Indexing the graph on the worker's thread is
 * the longest part of a start at a million edges (a second and a half), and the
 * server waits for it before it listens; begun first, it overlaps loading
 * Express, the extraction pipeline and the corpus store on this thread
 * (half a second) instead of following them. So this module imports only
 * what the worker needs: the snapshot reader and the runner.
 */
import { statSync } from "node:fs";
import { openSnapshot } from "../graph/snapshot/index.ts";
import type { QueryLimits } from "../query/index.ts";
import { createQueryRunner, type QueryRunner, type QueryWorkerOptions } from "./query-worker/index.ts";

type RunQuery = (query: string, params?: Record<string, unknown>) => Promise<string>;

export interface StartedQueries {
  /** The graph file's version when the worker started, or null when there was no graph file. */
  readonly version: string | null;
  /** The worker's runner; null when there is none yet (no graph file) or queries run in process. */
  readonly runner: QueryRunner | null;
  /** A runner on the graph file as it is now (no shared snapshot); null when queries run in process. */
  start(): QueryRunner | null;
  /** Who answers console queries between an ingest and the worker's reload: the server's own engine, once it has one. */
  answerHeldBy(run: RunQuery): void;
}

/** Which version of a file is on disk (a rewrite replaces it: another inode, time or size), or null when there is none. */
export function fileVersion(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

/**
 * Reads the graph's snapshot into shared memory (the live corpus later fills
 * its graph from the same bytes: one read, one copy) and starts the worker on
 * it. With `worker` false, queries run in process and nothing starts here.
 */
export async function startQueries(graphFile: string, limits: Partial<QueryLimits> | undefined, worker: QueryWorkerOptions | false, log?: (line: string) => void): Promise<StartedQueries> {
  let held: RunQuery | null = null;
  // Holds happen only after an ingest, which needs the server and so its engine: `held` is set by then.
  const whileHeld: RunQuery = (query, params) => held!(query, params);
  const start = (snapshot?: SharedArrayBuffer) => (worker ? createQueryRunner(graphFile, limits, { ...worker, snapshot }, log, whileHeld) : null);
  const version = fileVersion(graphFile);
  const snapshot = worker && version !== null ? await openSnapshot(graphFile, { shared: true, log }).catch(() => null) : null;
  const runner = version !== null ? start(snapshot?.buffer instanceof SharedArrayBuffer ? snapshot.buffer : undefined) : null;
  return {
    version,
    runner,
    start: () => start(),
    answerHeldBy: (run) => void (held = run),
  };
}
