/**
 * Bench task "server": a server for the runner's autocannon to load, on
 * 127.0.0.1 and a free port. Parley side: startServer() on the generated graph
 * (request log off, so both sides only answer); peer side: a bare Express app
 * with one JSON endpoint. The task reports itself ready with the request paths
 * to cycle through (seeded names, ids and pairs from the graph) and serves until
 * the runner says stop. Before it says ready it collects garbage: loading the
 * 1M-edge graph leaves about 800 MB of it, which V8 otherwise marks for a second
 * in the middle of the first timed run — a start-up cost, not a cost of
 * answering requests. Both sides get the same collection.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import express from "express";
import { startServer } from "../../src/server/index.ts";
import { DEFAULT_LEXICON_DIR } from "../../src/cli/paths.ts";
import { randomPairs } from "../bench-graph.ts";
import type { ParleyGraph } from "../../src/graph/persist.ts";
import { collectGarbage } from "../stats.ts";
import type { TaskContext, TaskResult } from "../task-types.ts";

export interface ServerReady {
  port: number;
  /** Request paths per endpoint, cycled through by the load generator. */
  requests: Record<string, string[]>;
}

const q = encodeURIComponent;

/**
 * Seeded request paths over the graph for /api/search, /api/nodes/:id and /api/path, drawn from the
 * server's own loaded graph: loading a second copy here left 1.5 GB of garbage in the server's heap,
 * collected during the timed run (Parley's side only).
 */
function requestPaths(ctx: TaskContext, graph: ParleyGraph): Record<string, string[]> {
  const pairs = randomPairs(graph, 200, ctx.seed + 1);
  const label = (k: string) => graph.getNodeAttribute(k, "label");
  return {
    "/api/search": pairs.map(([a]) => `/api/search?q=${q(label(a).slice(0, 4))}`),
    "/api/nodes/:id": pairs.map(([a]) => `/api/nodes/${q(a)}`),
    "/api/path": pairs.map(([a, b]) => `/api/path?from=${q(label(a))}&to=${q(label(b))}`),
  };
}

async function listen(ctx: TaskContext): Promise<{ port: number; close: () => Promise<void>; graph?: ParleyGraph }> {
  if (ctx.side === "parley") {
    const articlesDir = join(ctx.tmpDir, "no-articles");
    await mkdir(articlesDir, { recursive: true });
    const running = await startServer({ graphFile: ctx.graphFile, articlesDir, lexiconDir: DEFAULT_LEXICON_DIR, host: "127.0.0.1", port: 0, log: () => {}, requestLog: false, graceMs: 1000 });
    return { port: running.port, close: running.close, graph: running.state.graph };
  }
  const app = express();
  app.get("/json", (_req, res) => void res.json({ hello: "world" }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}

export async function server(ctx: TaskContext, ready: (info: ServerReady) => void, stopped: Promise<void>): Promise<TaskResult> {
  const { port, close, graph } = await listen(ctx);
  const requests = graph ? requestPaths(ctx, graph) : { "bare express": ["/json"] };
  collectGarbage();
  ready({ port, requests });
  await stopped;
  await close();
  return { port };
}
