/**
 * Issue 7 item 5, HTTP hardening, as one sweep over every route of a real
 * server (tests/server/harness.ts): oversized bodies get 413, malformed JSON 400,
 * unknown routes a JSON 404; `__proto__` / `constructor.prototype` in query
 * strings and bodies pollute nothing (in the server's process nor in the query
 * worker); static-file traversal is refused; and no response anywhere carries a
 * stack frame, a source path or the server's folders. (npm audit: audit.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { makeCorpus, serve, expectCleanError, TEST_WRITE_KEY, type Corpus } from "../server/harness.ts";
import type { RunningServer } from "../../src/server/index.ts";

let corpus: Corpus;
let server: RunningServer;
const seen: Array<{ what: string; status: number; body: string }> = [];

beforeAll(async () => {
  corpus = await makeCorpus();
  // The built web app (vitest's global setup builds web/dist), so static serving is exercised too.
  // The sweep sends hundreds of bad writes: the per-client write limit would answer them 429 instead.
  server = await serve(corpus, { webDir: fileURLToPath(new URL("../../web/dist", import.meta.url)), writeRate: { limit: 1_000_000 } });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await corpus?.remove();
});

interface Answer {
  status: number;
  body: string;
  json: any;
  type: string;
}

/** One raw request (paths are sent exactly as given); every answer is kept for the leak check. */
function send(method: string, path: string, body?: string | Buffer, type = "application/json"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${TEST_WRITE_KEY}`, ...(body === undefined ? {} : { "content-type": type, "content-length": Buffer.byteLength(body) }) };
    const req = request({ host: "127.0.0.1", port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: any = null;
        try {
          json = JSON.parse(text);
        } catch {}
        seen.push({ what: `${method} ${path}`, status: res.statusCode!, body: text });
        resolve({ status: res.statusCode!, body: text, json, type: String(res.headers["content-type"] ?? "") });
      });
    });
    // A server may answer 413 and close before reading a large body: that is its answer.
    req.on("error", (err) => (/EPIPE|ECONNRESET/.test(String(err)) ? undefined : reject(err)));
    req.end(body);
  });
}

const NODE = () => server.state.graph.nodes()[0]!;
const ARTICLE = () => server.state.articles[0]!.id;
/** Every route with a request that works. */
const ROUTES: Array<{ method: string; path: () => string; body?: () => unknown }> = [
  { method: "GET", path: () => "/api/health" },
  { method: "GET", path: () => "/api/graph" },
  { method: "GET", path: () => `/api/nodes/${encodeURIComponent(NODE())}` },
  { method: "GET", path: () => "/api/search?q=putin" },
  { method: "GET", path: () => "/api/path?from=Rubio&to=Putin" },
  { method: "POST", path: () => "/api/query", body: () => ({ query: "MATCH (n) RETURN count(*) AS n" }) },
  { method: "GET", path: () => "/api/articles" },
  { method: "GET", path: () => `/api/articles/${ARTICLE()}` },
  { method: "POST", path: () => "/api/articles", body: () => ({ title: "x" }) },
  { method: "GET", path: () => "/api/edits" },
  { method: "GET", path: () => "/api/session" },
  { method: "POST", path: () => "/api/edits", body: () => ({ op: "merge", from: "x" }) },
  { method: "POST", path: () => "/api/edits/1/undo", body: () => ({}) },
  { method: "GET", path: () => "/api/export?format=json" },
];
const POSTS = ROUTES.filter((r) => r.method === "POST");
const cleanError = (a: Answer, status: number, code?: string) => {
  expect(a.status, `${a.status} ${a.body.slice(0, 200)}`).toBe(status);
  expect(a.type).toMatch(/application\/json/);
  expectCleanError(a.json);
  if (code) expect(a.json.error.code).toBe(code);
};

describe("HTTP hardening (issue 7 item 5)", () => {
  it("every route answers its normal request (the sweep reaches real handlers)", async () => {
    for (const r of ROUTES) {
      const a = await send(r.method, r.path(), r.body ? JSON.stringify(r.body()) : undefined);
      expect(a.status, `${r.method} ${r.path()}: ${a.body.slice(0, 200)}`).toBeLessThan(r.method === "POST" && r.path() !== "/api/query" ? 500 : 300);
    }
  });

  it.each(POSTS.map((r) => r.path()))("an oversized body on POST %s is a clean 413, also as one deeply nested value", async (path) => {
    const big = "x".repeat(3 * 1024 * 1024);
    cleanError(await send("POST", path, JSON.stringify({ query: big, title: big })), 413, "payload_too_large");
    cleanError(await send("POST", path, `{"a":${"[".repeat(1_500_000)}1${"]".repeat(1_500_000)}}`), 413, "payload_too_large");
  });

  it.each(POSTS.map((r) => r.path()))("a body under the limit nested 400,000 levels deep on POST %s is a clean 4xx", async (path) => {
    const a = await send("POST", path, `{"query":${"[".repeat(400_000)}1${"]".repeat(400_000)},"title":"t"}`);
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    expectCleanError(a.json);
  });

  const MALFORMED = ["{", '{"query":', "nul", "{'query': 'x'}", '{"query": "x",}', '"just a string"', "42", "\u0000\u0001", '{"a":1}{"b":2}', "\ufeff{]"];
  it.each(POSTS.flatMap((r) => MALFORMED.map((m) => [r.path(), m] as const)))("malformed JSON on POST %s (%j) is a clean 400", async (path, body) => {
    cleanError(await send("POST", path, body), 400);
  });

  it.each(POSTS.map((r) => r.path()))("POST %s with a JSON body that is not an object, or a wrong type, is a clean 4xx", async (path) => {
    for (const body of ["[]", "[1,2]", "{}", '{"query": 5, "title": ["x"]}', '{"query": {"$gt": ""}}']) {
      const a = await send("POST", path, body);
      expect(a.status, `${body} → ${a.status}`).toBeGreaterThanOrEqual(400);
      expect(a.status).toBeLessThan(500);
      expectCleanError(a.json);
    }
  });

  const UNKNOWN = ["/api/nope", "/api/graph/extra", "/api/nodes", "/api/articles/a/b", "/api/query/x", "/api/health/..", "/api/%2e%2e/graph", "/nope.txt", "/assets/nope.js"];
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"].flatMap((m) => UNKNOWN.map((p) => [m, p] as const)))("%s %s is a JSON 404", async (method, path) => {
    const a = await send(method, path);
    expect([404, 400]).toContain(a.status);
    cleanError(a, a.status);
  });

  it.each([["PUT", "/api/graph"], ["DELETE", "/api/articles"], ["PATCH", "/api/query"], ["PUT", "/api/articles"], ["DELETE", "/api/health"], ["POST", "/api/graph"], ["POST", "/api/export"]])("%s %s (a known path, wrong method) is a JSON 404", async (method, path) => {
    cleanError(await send(method, path, "{}"), 404);
  });

  it("__proto__ and constructor.prototype in query strings and bodies pollute nothing, here or in the query worker", async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const queries = ["__proto__[polluted]=1", "__proto__.polluted=1", "constructor[prototype][polluted]=1", "a[__proto__][polluted]=1", "__proto__=polluted", "constructor.prototype.polluted=1"];
    for (const r of ROUTES.filter((x) => x.method === "GET")) {
      for (const q of queries) {
        const path = r.path();
        const a = await send("GET", `${path}${path.includes("?") ? "&" : "?"}${q}`);
        expect(a.status, `${path}?${q}`).toBeLessThan(500);
      }
    }
    const bodies = [
      '{"__proto__": {"polluted": 1}, "query": "RETURN 1 AS x"}',
      '{"constructor": {"prototype": {"polluted": 1}}, "query": "RETURN 1 AS x"}',
      '{"query": "RETURN $p AS x", "params": {"__proto__": {"polluted": 1}, "p": {"__proto__": {"polluted": 1}}}}',
      '{"query": "RETURN $constructor AS x", "params": {"constructor": {"prototype": {"polluted": 1}}}}',
      '{"title": "t", "text": "Russia agreed.", "__proto__": {"polluted": 1}}',
      '{"title": "t", "text": "Russia agreed.", "constructor": {"prototype": {"polluted": 1}}}',
    ];
    for (const r of POSTS) for (const b of bodies) expect((await send("POST", r.path(), b)).status).toBeLessThan(500);
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    // The query worker evaluates maps as objects: a polluted prototype there would show.
    const probe = await send("POST", "/api/query", JSON.stringify({ query: "RETURN {}.polluted AS p, keys({}) AS k, {a: 1}.polluted AS q" }));
    expect(probe.status, probe.body).toBe(200);
    expect(probe.body).not.toContain("1,");
    // The rows only: the answer's elapsedMs may itself read 1.19.
    expect(JSON.stringify(probe.json.rows)).not.toMatch(/"polluted"|:1\b/);
    expect((await send("GET", "/api/health")).status).toBe(200);
  });

  const TRAVERSAL = [
    "/..%2f..%2fpackage.json", "/%2e%2e%2f%2e%2e%2fpackage.json", "/.%2e/.%2e/package.json", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fsrc%2fserver%2fapp.ts",
    "/assets/%2e%2e/%2e%2e/%2e%2e/package.json", "/..%5c..%5cpackage.json", "/%252e%252e%252fpackage.json", "/index.html%00../../package.json", "/..%c0%af..%c0%afpackage.json",
    "//etc/passwd", "/assets/../../package.json", "/%2e%2e%5c%2e%2e%5cgraph-data%5cgraph.json", "/api/../../package.json",
  ];
  it.each(TRAVERSAL)("refuses static-file traversal %s", async (path) => {
    const a = await send("GET", path);
    expect(a.status).toBeLessThan(500);
    expect(a.body).not.toContain('"name": "parley"');
    expect(a.body).not.toContain("root:x:");
    expect(a.body).not.toContain("createApp");
    expect(a.body).not.toContain('"attributes"');
    if (a.status >= 400) expectCleanError(a.json);
  });

  it("no answer in the whole sweep carries a stack frame, a source path or the server's folders", () => {
    expect(seen.length).toBeGreaterThan(150);
    const folders = [corpus.dir, process.cwd(), "/work/", "node_modules"];
    for (const { what, body } of seen) {
      const text = body.slice(0, 200_000);
      expect(text, what).not.toMatch(/\bat (?:async )?[\w$.<>]*\s*\(?[^\s()]*\.(?:ts|js|mjs|cjs):\d+/);
      expect(text, what).not.toMatch(/\.(?:ts|mjs):\d+:\d+/);
      for (const folder of folders) expect(text.includes(folder), `${what} mentions ${folder}`).toBe(false);
    }
  });
});
