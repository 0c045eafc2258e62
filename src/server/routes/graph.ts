/**
 * Read-only graph routes: health, the whole graph (graphology's serialization,
 * streamed), and one node with its relations and their evidence. A node can be
 * named by key or by any alias the query engine resolves.
 */
import { z } from "zod";
import type { ServerState } from "../state.ts";
import { validate } from "../validate.ts";
import { NotFoundError } from "../http-errors.ts";
import { EDGE_TYPE_BY_ID } from "../../ontology.ts";
import { streamExport } from "./export.ts";
import { sendJson } from "../send-json.ts";
import type { RouteGroup } from "./route-middleware.ts";

const NodeParams = z.object({ id: z.string().min(1).max(500) });

function resolveNode(state: ServerState, name: string): string {
  if (state.graph.hasNode(name)) return name;
  const key = state.engine.resolve(name);
  if (key && state.graph.hasNode(key)) return key;
  const suggestions = state.engine.search(name, 5).map((h) => h.label);
  throw new NotFoundError(`no node is called "${name}"`, { suggestions });
}

function nodeDetails(state: ServerState, key: string) {
  const graph = state.graph;
  const relations: unknown[] = [];
  graph.forEachEdge(key, (edge, a, source, target) => {
    const otherKey = source === key ? target : source;
    const other = graph.getNodeAttributes(otherKey);
    const symmetric = EDGE_TYPE_BY_ID.get(a.type)?.symmetric ?? false;
    relations.push({
      key: edge,
      type: a.type,
      label: a.label,
      direction: symmetric ? "both" : source === key ? "out" : "in",
      other: { key: otherKey, label: other.label, type: other.type },
      weight: a.weight,
      firstSeen: a.firstSeen,
      lastSeen: a.lastSeen,
      evidence: a.evidence,
    });
  });
  return { key, ...graph.getNodeAttributes(key), degree: graph.degree(key), relations };
}

export function graphRoutes(state: ServerState): RouteGroup {
  const started = Date.now();
  return (router, mw) => {
    router.get("/api/health", (_req, res) => {
      sendJson(res, { status: "ok", nodes: state.graph.order, edges: state.graph.size, articles: state.articles.length, uptime: Math.round((Date.now() - started) / 1000) });
    });

    router.get("/api/graph", mw.compressed, async (_req, res) => {
      await streamExport(res, state.graph, "json", {}, null);
    });

    router.get("/api/nodes/:id", mw.compressed, (req, res) => {
      const { id } = validate(NodeParams, req.params, "params");
      sendJson(res, nodeDetails(state, resolveNode(state, id)));
    });
  };
}
