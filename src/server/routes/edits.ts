/**
 * Curation routes: the edit log (GET /api/edits, newest first, filterable),
 * one edit (POST /api/edits) and its undo (POST /api/edits/:id/undo) — both
 * answered once the served graph has them, with what became of the edit —
 * plus what open pages need around them: whether the key they hold may write
 * (GET /api/session) and the event stream of new articles and edits
 * (GET /api/events). Names in an edit resolve as the console's do (label,
 * alias or node key), an unknown one is a 404 with suggestions, and an edit that
 * would change nothing is a 422 that records nothing.
 */
import { z } from "zod";
import { EDIT_OPS, type EditStatus } from "../../curate/index.ts";
import { prepareEdit, type NamedNode } from "../../pipeline/index.ts";
import { UnknownNameError } from "../../query/index.ts";
import type { ServerState } from "../state.ts";
import type { SerialQueue } from "../serial-queue.ts";
import { validate } from "../validate.ts";
import { HttpError } from "../http-errors.ts";
import { sendJson } from "../send-json.ts";
import { hasWriteKey } from "../write-key.ts";
import { editRecord } from "../edit-record.ts";
import type { RouteGroup } from "./route-middleware.ts";

const STATUSES: readonly EditStatus[] = ["applied", "not-applied", "undone"];

const LogQuery = z.object({
  status: z.enum(STATUSES as [EditStatus, ...EditStatus[]]).optional(),
  op: z.enum(EDIT_OPS as [string, ...string[]]).optional(),
  author: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
});
const EditParams = z.object({ id: z.coerce.number().int().min(1, "not an edit id") });

export function editRoutes(state: ServerState, ingestQueue: SerialQueue, writeKey: string): RouteGroup {
  const lookup = (name: string): NamedNode => {
    const key = state.engine.resolve(name);
    if (key === null || !state.graph.hasNode(key)) throw new UnknownNameError(name, state.engine.search(name, 5).map((h) => h.label));
    const a = state.graph.getNodeAttributes(key);
    return { key, label: a.label, type: a.type };
  };
  const graphCounts = () => ({ nodes: state.graph.order, edges: state.graph.size, articles: state.articles.length });

  /** Records an edit (one at a time, with the ingests) and answers with it once the graph has it. */
  const record = async (body: unknown) => {
    const result = await ingestQueue.run(async () => {
      const input = prepareEdit(body, lookup, state.articles, state.live.store.journalSeq());
      return state.live.edit(input);
    });
    return { edit: editRecord(result.edit, result.outcome), graph: graphCounts() };
  };

  return (router, mw) => {
    router.get("/api/session", (req, res) => {
      sendJson(res, { writable: hasWriteKey(req, writeKey) });
    });

    router.get("/api/events", (req, res) => {
      state.events.subscribe(req, res);
    });

    router.get("/api/edits", mw.compressed, async (req, res) => {
      const { status, op, author, limit } = validate(LogQuery, req.query, "query");
      const { edits, report } = await state.live.curation();
      const records = [...edits]
        .reverse()
        .map((e) => editRecord(e, report.get(e.id)))
        .filter((r) => (!status || r.status === status) && (!op || r.op === op) && (!author || r.author === author));
      sendJson(res, { edits: records.slice(0, limit), total: records.length });
    });

    router.post("/api/edits", ...mw.write, mw.jsonBody, async (req, res) => {
      if (!req.is("application/json")) throw new HttpError(415, "unsupported_media_type", "send the edit as application/json");
      sendJson(res, await record(req.body), 201);
    });

    router.post("/api/edits/:id/undo", ...mw.write, mw.jsonBody, async (req, res) => {
      const { id } = validate(EditParams, req.params, "params");
      const body = req.body && typeof req.body === "object" && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
      sendJson(res, await record({ ...body, op: "undo", target: id }), 201);
    });
  };
}
