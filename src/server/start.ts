/**
 * `startServer(...)`: loads the graph file and the articles, starts the query
 * worker, builds the app and listens once both are ready (port 0 picks a free
 * one). `close()` shuts down gracefully: stop accepting, let in-flight requests
 * and any running ingest finish, write the graph snapshot if it is behind, drop
 * idle keep-alive connections, only force-close what is still open after a
 * grace period, and stop the query worker last.
 */
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import type { ParleyApp } from "./app.ts";
import type { QueryLimits, ServerState } from "./state.ts";
import type { Logger } from "./request-log.ts";
import type { QueryWorkerOptions } from "./query-worker/index.ts";
import type { FetchOptions } from "../ingest/fetch/index.ts";
import type { WriteRate } from "./write-key.ts";
import { startQueries, type StartedQueries } from "./start-queries.ts";

/** How long after listening the extraction thread starts, unless an ingest starts it first. */
const EXTRACTOR_WARM_UP_MS = 3_000;
/** How long after listening background work starts, unless the first request has been answered before. */
const BACKGROUND_AFTER_MS = 1_000;

export interface StartOptions {
  graphFile: string;
  articlesDir: string;
  lexiconDir: string;
  /** The corpus store (default: parley.db beside the graph file). */
  storeFile?: string;
  /** Extraction of posted articles on a worker thread (default) or in process. */
  extractor?: "thread" | "in-process";
  /** Fetching of POSTed addresses (`{"url"}`); private and loopback addresses only with `allowPrivate`. */
  fetch?: FetchOptions;
  webDir?: string;
  port?: number;
  /** Interface to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  log?: Logger;
  /** One log line per request (default true). */
  requestLog?: boolean;
  bodyLimit?: string | number;
  queryLimits?: QueryLimits;
  /** Console queries in a worker thread (default) with these limits, or `false` to run them in process. */
  queryWorker?: QueryWorkerOptions | false;
  /** How long close() waits for in-flight requests before cutting them. */
  graceMs?: number;
  /** The key mutating routes ask for; default PARLEY_WRITE_KEY, else the key file beside the graph (made on first start). */
  writeKey?: string;
  /** Writes per client (default 120 a minute). */
  writeRate?: WriteRate;
}

export interface RunningServer {
  url: string;
  port: number;
  app: ParleyApp;
  state: ServerState;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { port = 0, host = "127.0.0.1", graceMs = 10_000 } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`server/start: port must be 0..65535, got ${port}`);
  // Start-up recovery and background work report on stderr unless the caller takes the log.
  const stateLog = options.log ?? ((line: string) => process.stderr.write(`parley: ${line}\n`));
  // The query worker first, and the rest of the server loaded only then (./start-queries.ts says why).
  const queries = await startQueries(options.graphFile, options.queryLimits, options.queryWorker ?? {}, stateLog);
  const { loaded, writeKey, createApp, loadRestInBackground } = await loadTheRest(options, queries, stateLog).catch(async (err) => {
    await queries.runner?.close();
    throw err;
  });
  const { state } = loaded;
  try {
    await state.queries.ready();
  } catch (err) {
    await state.queries.close();
    await state.live.close();
    throw err;
  }
  const app = createApp({ state, webDir: options.webDir, log: options.log, requestLog: options.requestLog, bodyLimit: options.bodyLimit, writeKey: writeKey.key, writeRate: options.writeRate });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => (server.off("error", reject), resolve()));
  });
  // Background work — graphology filling in behind a graph read from its snapshot (which answers queries already),
  // the server's own query engine built in steps — waits for the first answer (or a second), so a cold start's
  // first request does not queue behind seconds of it and its garbage collection. Whatever a request needs
  // before then, it finishes at once. One after the other: side by side their garbage peaks together (at a
  // million edges, 1.55 GB against 1.39).
  const cancelBackground = afterFirstAnswer(server, BACKGROUND_AFTER_MS, () => loaded.startBackgroundWork(() => loadRestInBackground(state.graph)));
  // The extraction thread loads its models (a second of CPU) for the first ingest once the server has answered
  // its first request (a page asks for the graph long before anyone posts), or after a while; not during start-up,
  // where it would slow the first answer. An ingest before then starts it itself. A server with no articles
  // (a graph served without its corpus: generated, or built elsewhere) starts it only for an ingest: its models
  // hold about 130 MB that such a server may never use (at 100k/1M, the difference between 1.5 GB and less).
  const cancelWarmUp = state.live.articles.length ? afterFirstAnswer(server, EXTRACTOR_WARM_UP_MS, () => state.live.warmUp()) : () => {};
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === "127.0.0.1" || host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((resolve, reject) => {
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      force.unref();
      // Keep-alive clients would go on sending requests on their open connections:
      // each answer from now on closes its connection, and idle ones are swept.
      server.on("request", (_req, res) => void (res.shouldKeepAlive = false));
      // Event streams never end on their own.
      state.events.close();
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      server.close((err) => {
        clearTimeout(force);
        cancelWarmUp();
        cancelBackground();
        clearInterval(sweep);
        app.ingestQueue
          .idle()
          // The snapshot file is written once more if an ingest is not in it yet.
          .then(() => state.live.close())
          .then(() => state.queries.close())
          .then(() => (err ? reject(err) : resolve()), reject);
      });
      server.closeIdleConnections();
    }));

  return { url: `http://${shownHost}:${actual}`, port: actual, app, state, server, close };
}

/** The rest of the server, loaded once its query worker runs: the modules, the write key, the state. */
async function loadTheRest(options: StartOptions, queries: StartedQueries, log: (line: string) => void) {
  const [stateModule, keyModule, appModule, persist] = await Promise.all([import("./state.ts"), import("./write-key.ts"), import("./app.ts"), import("../graph/persist.ts")]);
  const writeKey = keyModule.loadWriteKey(options.graphFile, options.writeKey);
  if (writeKey.source === "generated") log(`write key (needed to add articles and edit the graph; shown once, kept in ${writeKey.file} with mode 0600): ${writeKey.key}`);
  const loaded = await stateModule.loadServerState(options, options.queryLimits, queries, log);
  return { loaded, writeKey, createApp: appModule.createApp, loadRestInBackground: persist.loadRestInBackground };
}

/** Runs `work` once: after the server's first answered request, or `delayMs` from now, whichever comes first. Returns what cancels it. */
function afterFirstAnswer(server: Server, delayMs: number, work: () => void): () => void {
  let settled = false;
  const cancel = () => {
    settled = true;
    clearTimeout(timer);
  };
  const run = () => {
    if (settled) return;
    cancel();
    work();
  };
  const timer = setTimeout(run, delayMs);
  timer.unref();
  server.once("request", (_req, res) => res.once("finish", run));
  return cancel;
}
