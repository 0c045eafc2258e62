/**
 * Drives a running server with a fixed number of keep-alive connections for a
 * fixed time (loopback only): each connection sends one request after another
 * from the mix; connection 0 also POSTs a distinct generated article every
 * `postEveryMs`. Records per route: count, status codes, unexpected answers
 * (non-2xx outside deliberate bad requests), transport errors and latencies.
 */
import { Agent, request } from "node:http";
import type { MixRequest } from "./request-mix.ts";
import { generatedArticle } from "./generated-articles.ts";
import { TEST_WRITE_KEY } from "../server/harness.ts";

export interface LoadOptions {
  /** http://127.0.0.1:PORT */
  url: string;
  connections: number;
  seconds: number;
  seed: number;
  postEveryMs: number;
  next: () => MixRequest;
  /** Per-request limit; a slower answer counts as an error. */
  timeoutMs?: number;
}

export interface RouteStats {
  count: number;
  unexpected: number;
  errors: number;
  statuses: Record<string, number>;
  latencies: number[];
  /** First few unexpected answers, for the report. */
  samples: string[];
}

export interface LoadResult {
  routes: Map<string, RouteStats>;
  /** Ids of the articles the server accepted (201). */
  posted: string[];
  elapsedMs: number;
}

interface Answer {
  status: number;
  body: string;
}

function send(agent: Agent, base: URL, req: MixRequest, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { accept: "application/json", authorization: `Bearer ${TEST_WRITE_KEY}` };
    if (req.body !== undefined) Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(req.body) });
    const r = request({ host: base.hostname, port: base.port, path: req.path, method: req.method, headers, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    r.on("timeout", () => r.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    r.on("error", reject);
    r.end(req.body);
  });
}

export async function driveLoad(options: LoadOptions): Promise<LoadResult> {
  const { connections, seconds, postEveryMs, timeoutMs = 60_000 } = options;
  const base = new URL(options.url);
  if (base.hostname !== "127.0.0.1" && base.hostname !== "localhost") throw new RangeError(`hardening/load-driver: loopback only, got ${base.hostname}`);
  if (connections < 1 || seconds <= 0) throw new RangeError("hardening/load-driver: expecting at least one connection and a positive duration");
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const routes = new Map<string, RouteStats>();
  const posted: string[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  // The first post comes early so even a short run ingests under load.
  let nextPost = started + Math.min(postEveryMs, 1_000);
  let postNumber = 0;

  const record = (req: MixRequest, ms: number, answer: Answer | Error) => {
    const stats = routes.get(req.route) ?? { count: 0, unexpected: 0, errors: 0, statuses: {}, latencies: [], samples: [] };
    routes.set(req.route, stats);
    stats.count++;
    stats.latencies.push(ms);
    const status = answer instanceof Error ? "error" : String(answer.status);
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
    const ok = !(answer instanceof Error) && (req.expectStatus !== undefined ? answer.status === req.expectStatus : answer.status >= 200 && answer.status < 300);
    if (answer instanceof Error) stats.errors++;
    else if (!ok) stats.unexpected++;
    if (!ok && stats.samples.length < 5) stats.samples.push(`${req.method} ${req.path} ${req.body ?? ""} → ${answer instanceof Error ? answer.message : `${answer.status} ${answer.body.slice(0, 200)}`}`);
    return ok;
  };

  const connection = async (index: number) => {
    while (performance.now() < deadline) {
      let req: MixRequest;
      if (index === 0 && performance.now() >= nextPost) {
        nextPost = performance.now() + postEveryMs;
        req = { route: "article-post", method: "POST", path: "/api/articles", body: JSON.stringify(generatedArticle(options.seed, postNumber++)) };
      } else req = options.next();
      const t0 = performance.now();
      const answer = await send(agent, base, req, timeoutMs).catch((err: Error) => err);
      const ok = record(req, performance.now() - t0, answer);
      if (ok && req.route === "article-post") posted.push((JSON.parse((answer as Answer).body) as { article: { id: string } }).article.id);
    }
  };

  try {
    await Promise.all(Array.from({ length: connections }, (_, i) => connection(i)));
  } finally {
    agent.destroy();
  }
  return { routes, posted, elapsedMs: performance.now() - started };
}
