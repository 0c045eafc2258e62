/**
 * `createApp({state, …})` builds the Express app without listening, so tests
 * can start it on port 0. Middleware order tells the request's story: one log
 * line → API security headers → API routes (each asking for compression or the
 * JSON body parser if it needs them) → API 404 → web headers (helmet, CSP) and
 * compression → web app → 404 → the one error handler.
 * All API routes sit in the app's own router, not in nested routers: entering
 * and leaving a router per route group, and matching every request against the
 * path lists of compression and the body parser, cost the cheap endpoints more
 * than their own work (bench: /api/path against a bare Express endpoint).
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
import { editRoutes } from "./routes/edits.ts";
import type { RouteMiddleware } from "./routes/route-middleware.ts";
import { requireWriteKey, writeRateLimit, type WriteRate } from "./write-key.ts";

export interface AppOptions {
  state: ServerState;
  /** Built web app folder (web/dist); without it, `/` explains how to build it. */
  webDir?: string;
  /** Largest accepted JSON body (an article); bigger bodies get 413. */
  bodyLimit?: string | number;
  log?: Logger;
  /** One log line per request (default true); the error handler logs unexpected errors either way. */
  requestLog?: boolean;
  /** The key every mutating route asks for (src/server/write-key.ts). */
  writeKey: string;
  writeRate?: WriteRate;
}

export interface ParleyApp extends Express {
  /** The queue live ingest runs on; shutdown waits for it. */
  ingestQueue: SerialQueue;
}

const defaultLog: Logger = (line) => process.stdout.write(`${line}\n`);

export function createApp(options: AppOptions): ParleyApp {
  const { state, webDir, bodyLimit = "2mb", log = defaultLog, requestLog: logRequests = true } = options;
  // `in`, not a read: reading the engine would finish building it before the server listens.
  if (!state || !state.graph || !("engine" in state)) throw new TypeError("server/createApp: expecting a state with graph and engine.");
  if (typeof options.writeKey !== "string" || !options.writeKey) throw new TypeError("server/createApp: expecting the write key.");
  const ingestQueue = createSerialQueue();
  const app = express() as ParleyApp;
  app.ingestQueue = ingestQueue;
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.set("trust proxy", false);

  // Weak ETags hash every JSON body; the API's answers are not cached by clients.
  app.set("etag", false);

  if (logRequests) app.use(requestLog(log));
  app.use("/api", apiSecurityHeaders);
  // Only what can be large is worth gzip; wrapping every small JSON answer costs more than it saves.
  const mw: RouteMiddleware = { compressed: compression(), jsonBody: express.json({ limit: bodyLimit, strict: true }), write: [writeRateLimit(options.writeRate), requireWriteKey(options.writeKey)] };
  for (const routes of [graphRoutes(state), queryRoutes(state), articleRoutes(state, ingestQueue), editRoutes(state, ingestQueue, options.writeKey), exportRoutes(state)]) routes(app, mw);
  app.use("/api", (req, _res, next) => next(new NotFoundError(`no API route ${req.method} /api${req.path}`)));
  app.use(webSecurityHeaders, compression());
  app.use(webApp(webDir));
  app.use((req, _res, next) => next(new NotFoundError(`nothing at ${req.method} ${req.path}`)));
  app.use(createErrorHandler(log));
  return app;
}
