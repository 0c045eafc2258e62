/**
 * The middleware a route asks for by name when it needs it, instead of the app
 * matching every request against lists of paths: gzip for the answers that can
 * be large, and the size-limited JSON parser for the routes that take a body.
 * Small answers (a path, a search, health) run neither.
 */
import type { IRouter, RequestHandler } from "express";

export interface RouteMiddleware {
  /** gzip when the client accepts it (the whole graph, exports, query tables, a hub's relations, article texts). */
  compressed: RequestHandler;
  /** Parses an application/json body up to the app's limit (413 beyond it). */
  jsonBody: RequestHandler;
  /** Before any route that changes the corpus or the graph: the per-client write rate, then the write key (401). */
  write: RequestHandler[];
}

/** Adds a group of routes to the app's one router: routes are not nested in routers of their own. */
export type RouteGroup = (router: IRouter, mw: RouteMiddleware) => void;
