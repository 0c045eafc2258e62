/**
 * Graceful shutdown: in-flight work finishes, new connections are refused, and
 * `parley serve` under load exits 0 on SIGTERM with every started request
 * answered in full and the graph file holding the last ingest. The in-flight
 * article is sent as a body cut in two around the shutdown, so it is certainly
 * in flight when shutdown begins.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "node:http";
import { readFile } from "node:fs/promises";
import { buildGraph } from "../../src/pipeline/index.ts";
import { loadGraph } from "../../src/graph/persist.ts";
import { makeCorpus, serve, spawnServe, WRITE_HEADERS, type Corpus } from "./harness.ts";

let corpus: Corpus;

beforeAll(async () => {
  corpus = await makeCorpus();
});
afterAll(async () => {
  await corpus?.remove();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A POST whose body arrives in two parts: `rest()` sends the second; `response` resolves with the full answer. */
function splitPost(url: string, path: string, body: unknown) {
  const data = Buffer.from(JSON.stringify(body));
  const { hostname, port } = new URL(url);
  const req = request({ host: hostname, port, path, method: "POST", headers: { ...WRITE_HEADERS, "content-length": data.length } });
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (c) => (text += c)).on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on("error", reject);
  });
  req.flushHeaders();
  req.write(data.subarray(0, data.length >> 1));
  return { response, rest: () => req.end(data.subarray(data.length >> 1)) };
}

interface Outcome {
  started: number;
  ended: number;
  status?: number;
  /** The body parsed as JSON (a cut answer would not). */
  complete?: boolean;
  failed?: string;
}

/** Keeps `connections` request loops busy over `paths` until a request fails (the server stopped accepting); `outcomes` fills as they go. */
function drive(url: string, paths: string[], connections: number): { outcomes: Outcome[]; done: Promise<void> } {
  const outcomes: Outcome[] = [];
  const loop = async (i: number) => {
    for (let n = i; ; n += connections) {
      const started = performance.now();
      try {
        const res = await fetch(`${url}${paths[n % paths.length]}`);
        const text = await res.text();
        let complete = true;
        try {
          JSON.parse(text);
        } catch {
          complete = false;
        }
        outcomes.push({ started, ended: performance.now(), status: res.status, complete });
      } catch (err) {
        outcomes.push({ started, ended: performance.now(), failed: String((err as Error).cause ?? err) });
        return;
      }
    }
  };
  return { outcomes, done: Promise.all(Array.from({ length: connections }, (_, i) => loop(i))).then(() => {}) };
}

describe("graceful shutdown", () => {
  it("close() lets an in-flight ingest finish and persist, then refuses connections", async () => {
    const server = await serve(corpus);
    const url = server.url.replace("localhost", "127.0.0.1");
    const post = splitPost(url, "/api/articles", { title: "Late report", published: "2025-05-01", text: "Donald Trump met with Vladimir Putin in Helsinki." });
    await sleep(200);
    const closed = server.close();
    post.rest();
    const res = await post.response;
    await closed;
    expect(res.status).toBe(201);
    const onDisk = JSON.parse(await readFile(corpus.graphFile, "utf8"));
    expect(onDisk.attributes.articles.map((a: any) => a.id)).toContain(res.body.article.id);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it("SIGTERM under load: in-flight requests get complete 2xx answers, the posted article is on disk, exit code 0", async () => {
    const served = await spawnServe(corpus);
    try {
      const graph = await loadGraph(corpus.graphFile);
      const edge = graph.findEdge(() => true)!;
      const [a, b] = [graph.source(edge), graph.target(edge)].map((k) => encodeURIComponent(graph.getNodeAttribute(k, "label")));
      const paths = ["/api/health", `/api/path?from=${a}&to=${b}`, `/api/search?q=${a.slice(0, 4)}`, `/api/nodes/${encodeURIComponent(graph.source(edge))}`, "/api/articles"];

      const load = drive(served.url, paths, 16);
      const post = splitPost(served.url, "/api/articles?wait=graph", { title: "Envoys meet at dawn", published: "2025-05-02", text: "Marco Rubio met with Sergei Lavrov in Riyadh. Ukraine rejected the plan." });
      while (load.outcomes.length < 100) await sleep(20);
      const signalled = performance.now();
      served.child.kill("SIGTERM");
      await sleep(100);
      post.rest();
      const posted = await post.response;
      await load.done;
      const outcomes = load.outcomes;
      const code = await served.exited;

      expect(code).toBe(0);
      expect(posted.status).toBe(201);
      const answered = outcomes.filter((o) => o.status !== undefined);
      expect(answered.length).toBeGreaterThanOrEqual(100);
      // Every request the server took on was answered in full with a 2xx; the rest were refused before any answer.
      expect(answered.filter((o) => !(o.status! >= 200 && o.status! < 300) || !o.complete)).toEqual([]);
      const inFlight = answered.filter((o) => o.started < signalled && o.ended > signalled);
      console.log(`SIGTERM under load: ${answered.length} answered (${inFlight.length} GETs in flight at SIGTERM, all 2xx), ${outcomes.length - answered.length} refused after`);

      // The graph file is the graph with the posted article: equal to a fresh build of the articles folder.
      const onDisk = await loadGraph(corpus.graphFile);
      expect(onDisk.getAttribute("articles").map((x) => x.id)).toContain(posted.body.article.id);
      expect([onDisk.order, onDisk.size, onDisk.getAttribute("articles").length]).toEqual([posted.body.graph.nodes, posted.body.graph.edges, posted.body.graph.articles]);
      const rebuilt = await buildGraph({ articlesDir: corpus.articlesDir, lexiconDir: corpus.lexiconDir });
      expect(JSON.stringify(onDisk.export())).toBe(JSON.stringify(rebuilt.graph.export()));

      const { stdout, stderr } = served.output();
      expect(stderr).toContain("stopped");
      expect(stdout).toMatch(/POST \/api\/articles\?wait=graph 201/);
    } finally {
      served.child.kill("SIGKILL");
    }
  });
});
