/**
 * `createApp({state, …})` builds the Express app without listening, so tests
 * can start it on port 0. Middleware order tells the request's story: security
 * headers → compression → one log line → JSON body (size-limited) → API routes →
 * web app → 404 → the one error handler.
 */
import express, { type Express } from "express";
import helmet from "helmet";
import compression from "compression";
import type { ServerState } from "./state.ts";
import { createSerialQueue, type SerialQueue } from "./serial-queue.ts";
import { requestLog, type Logger } from "./request-log.ts";
import { createErrorHandler } from "./error-handler.ts";
import { NotFoundError } from "./http-errors.ts";
import { webApp } from "./web-app.ts";
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

/** The web app's needs: own scripts and styles only, images from data:/blob: (PNG export), a blob: worker (ForceAtlas2). */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:", "blob:"],
  workerSrc: ["'self'", "blob:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Served over plain http on localhost: upgrading would break every asset.
  upgradeInsecureRequests: null,
};

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

  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } }));
  app.use(compression());
  app.use(requestLog(log));
  app.use(express.json({ limit: bodyLimit, strict: true }));

  app.use(graphRoutes(state));
  app.use(queryRoutes(state));
  app.use(articleRoutes(state, ingestQueue));
  app.use(exportRoutes(state));
  app.use("/api", (req, _res, next) => next(new NotFoundError(`no API route ${req.method} /api${req.path}`)));
  app.use(webApp(webDir));
  app.use((req, _res, next) => next(new NotFoundError(`nothing at ${req.method} ${req.path}`)));
  app.use(createErrorHandler(log));
  return app;
}
