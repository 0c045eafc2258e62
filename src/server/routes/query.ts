/**
 * Routes over the query engine: ranked name search, shortest paths with the
 * evidence of every hop (names resolved through aliases), and console queries
 * (run by the query worker, off the event loop).
 * Engine errors (syntax, guards, unknown names) reach the error handler as typed
 * classes and leave as 400 / 408 / 422 / 404.
 */
import { z } from "zod";
import type { ServerState } from "../state.ts";
import { validate } from "../validate.ts";
import { HttpError } from "../http-errors.ts";
import { EDGE_TYPE_BY_ID } from "../../ontology.ts";
import { sendJson, sendJsonText } from "../send-json.ts";
import type { RouteGroup } from "./route-middleware.ts";

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const SearchQuery = z.object({
  q: z.string().trim().min(1, "q is required").max(200),
  limit: int(1, 100).default(10),
});

const PathQuery = z.object({
  from: z.string().trim().min(1, "from is required").max(200),
  to: z.string().trim().min(1, "to is required").max(200),
  types: z
    .string()
    .max(1000)
    .optional()
    .transform((s) => (s ? s.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean) : undefined))
    .refine((types) => !types || types.every((t) => EDGE_TYPE_BY_ID.has(t)), "types must be edge type ids separated by commas"),
  max: int(1, 12).optional(),
  k: int(1, 10).optional(),
});

const QueryBody = z.object({
  query: z.string().min(1, "query is required").max(10_000),
  params: z.record(z.string(), z.unknown()).optional(),
});

export function queryRoutes(state: ServerState): RouteGroup {
  return (router, mw) => {
    router.get("/api/search", (req, res) => {
      const { q, limit } = validate(SearchQuery, req.query, "query");
      sendJson(res, state.engine.search(q, limit));
    });

    router.get("/api/path", (req, res) => {
      const { from, to, types, max, k } = validate(PathQuery, req.query, "query");
      // Leave out what was not asked for, so the engine's own defaults apply.
      const options = Object.fromEntries(Object.entries({ types, max, k }).filter(([, v]) => v !== undefined));
      sendJson(res, state.engine.path(from, to, options));
    });

    router.post("/api/query", mw.compressed, mw.jsonBody, async (req, res) => {
      if (!req.is("application/json")) throw new HttpError(415, "unsupported_media_type", "send the query as application/json");
      const { query, params } = validate(QueryBody, req.body, "body");
      // The worker answers with the result already serialized.
      sendJsonText(res, await state.queries.run(query, params));
    });
  };
}
