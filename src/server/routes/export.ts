/**
 * `GET /api/export?format=gexf|graphml|json|nodes-csv|edges-csv|cypher|memgraph[&dynamic=true][&evidence=true]`
 * with the explorer's filter parameters (xn, xe, deg, since, until; see
 * src/graph/view-filter.ts): the graph, or the filtered view of it, as a
 * download, with the format's content type and a file name. The writer streams
 * into a PassThrough piped to the response, so back-pressure works through
 * compression and a client that hangs up stops the export.
 */
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Response } from "express";
import { z } from "zod";
import type { ServerState } from "../state.ts";
import type { ParleyGraph } from "../../graph/persist.ts";
import { validate } from "../validate.ts";
import { DIRECTORY_EXPORT_FORMATS, EXPORT_FORMAT_IDS, ExportStreamError, getExportFormat, type ExportOptions } from "../../export/index.ts";
import { RequestValidationError } from "../http-errors.ts";
import { FilterParamError, filteredGraph, filtersActive, parseFilters, type Filters } from "../../graph/view-filter.ts";
import type { RouteGroup } from "./route-middleware.ts";

const folderFormats = DIRECTORY_EXPORT_FORMATS.map((f) => f.id);
const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMAT_IDS, {
    error: (issue) =>
      folderFormats.includes(String(issue.input) as never)
        ? `format ${String(issue.input)} writes several files; use parley export --format ${String(issue.input)} --out DIR (here: ${EXPORT_FORMAT_IDS.join(", ")})`
        : `format must be one of ${EXPORT_FORMAT_IDS.join(", ")}`,
  }),
  dynamic: z.enum(["true", "false", "1", "0"]).optional(),
  evidence: z.enum(["true", "false", "1", "0"]).optional(),
});

const yes = (flag: string | undefined) => flag === "true" || flag === "1";

/** The filters of the request, refused with the parameter's name when malformed (a repeated parameter too). */
function requestFilters(query: Record<string, unknown>): Filters {
  try {
    return parseFilters((name) => {
      const value = query[name];
      if (value === undefined || typeof value === "string") return value;
      throw new FilterParamError(name, `${name}: give it once, as one comma-separated value`);
    });
  } catch (err) {
    if (err instanceof FilterParamError) throw new RequestValidationError(`query.${err.message}`, { field: `query.${err.param}` });
    throw err;
  }
}

/** Streams an export as the response; `download` names the attachment (null: inline). */
export async function streamExport(res: Response, graph: ParleyGraph, formatId: string, options: ExportOptions, download: string | null): Promise<void> {
  const format = getExportFormat(formatId);
  // Our own safe file names, quoted; set by hand because res.attachment() would replace the MIME type.
  if (download) res.setHeader("Content-Disposition", `attachment; filename="${download}.${format.extension}"`);
  res.status(200).type(format.mime);
  const body = new PassThrough();
  const sent = pipeline(body, res);
  let failure: unknown = null;
  try {
    await format.write(graph, body, options);
    body.end();
  } catch (err) {
    failure = err;
    body.destroy();
  }
  // A client that hung up is not an error worth reporting; a writer that failed is.
  await sent.catch(() => {});
  if (failure && !(failure instanceof ExportStreamError)) throw failure;
}

export function exportRoutes(state: ServerState): RouteGroup {
  return (router, mw) => {
    router.get("/api/export", mw.compressed, async (req, res) => {
      const query = validate(ExportQuery, req.query, "query");
      const dynamic = yes(query.dynamic);
      const evidence = yes(query.evidence);
      if (dynamic && query.format !== "gexf") throw new RequestValidationError("query.dynamic: only applies to format=gexf", { field: "query.dynamic" });
      if (evidence && !getExportFormat(query.format).evidence) throw new RequestValidationError(`query.evidence: ${query.format} carries no per-edge evidence option (gexf, graphml, edges-csv do; json always has it)`, { field: "query.evidence" });
      const filters = requestFilters(req.query as Record<string, unknown>);
      const filtered = filtersActive(filters);
      const graph = filtered ? filteredGraph(state.graph, filters) : state.graph;
      const name = ["parley", filtered ? "filtered" : null, dynamic ? "dynamic" : null].filter(Boolean).join("-");
      await streamExport(res, graph, query.format, { dynamic, evidence }, name);
    });
  };
}
