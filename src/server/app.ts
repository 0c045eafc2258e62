/**
 * `createApp({state, …})` builds the Express app without listening, so tests
 * can start it on port 0. Middleware order tells the request's story: one log
 * line → API security headers → compression (large answers only) → JSON body
 * (size-limited, POST only) → API routes → API 404 → web headers (helmet, CSP)
 * and compression → web app → 404 → the one error handler.
 */
import express, { type Express } from "express";
import compression from "compression";
import type { ServerState } from "./state.ts";
import { createSerialQueue, type SerialQueue } from "./serial-queue.ts";
import { requestLog, type Logger } from "./request-log.ts";
import { createErrorHandler } from "./error-handler.ts";
import { NotFoundError } from "./http-errors.ts";
import { webApp } from "./web-app.ts";
import { apiSecurityHeaders, webSecurityHeaders } from "./security-headers.ts";
import { graphRoutes } from "./routes/graph.ts";
import { queryRoutes } from "./routes/query.ts";
import { articleRoutes } from "./routes/articles.ts";
import { exportRoutes } from "./routes/export.ts";

export interface AppOptions {
  state: ServerState;
  /** Built web app folder (web/dist); without it, `/` explains how to build it. */
  webDir?: string;
  /** Largest accepted JSON body (an article); bigger bodies get 413. */
  bodyLimit?: string | number;
  log?: Logger;
}

export interface ParleyApp extends Express {
  /** The queue live ingest runs on; shutdown waits for it. */
  ingestQueue: SerialQueue;
}

/** API responses that can be large (the whole graph, exports, query tables, a hub node's relations, article texts). */
const COMPRESSED_API_PATHS = ["/api/graph", "/api/export", "/api/query", "/api/nodes", "/api/articles"];
/** The only routes that take a body. */
const JSON_BODY_PATHS = ["/api/query", "/api/articles"];

const defaultLog: Logger = (line) => process.stdout.write(`${line}\n`);

export function createApp(options: AppOptions): ParleyApp {
  const { state, webDir, bodyLimit = "2mb", log = defaultLog } = options;
  if (!state || !state.graph || !state.engine) throw new TypeError("server/createApp: expecting a state with graph and engine.");
  const ingestQueue = createSerialQueue();
  const app = express() as ParleyApp;
  app.ingestQueue = ingestQueue;
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.set("trust proxy", false);

  // Weak ETags hash every JSON body; the API's answers are not cached by clients.
  app.set("etag", false);

  app.use(requestLog(log));
  app.use("/api", apiSecurityHeaders);
  // Only what can be large is worth gzip; wrapping every small JSON answer costs more than it saves.
  app.use(COMPRESSED_API_PATHS, compression());
  app.post(JSON_BODY_PATHS, express.json({ limit: bodyLimit, strict: true }));

  app.use(graphRoutes(state));
  app.use(queryRoutes(state));
  app.use(articleRoutes(state, ingestQueue));
  app.use(exportRoutes(state));
  app.use("/api", (req, _res, next) => next(new NotFoundError(`no API route ${req.method} /api${req.path}`)));
  app.use(webSecurityHeaders, compression());
  app.use(webApp(webDir));
  app.use((req, _res, next) => next(new NotFoundError(`nothing at ${req.method} ${req.path}`)));
  app.use(createErrorHandler(log));
  return app;
}
