/** Every read endpoint of the API against a real server on an ephemeral port, with a real HTTP client. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { makeCorpus, serve, getJson, postJson, expectCleanError, type Corpus } from "./harness.ts";
import type { RunningServer } from "../../src/server/index.ts";
import { xmllint, GEXF_XSD } from "../export/xml-tools.ts";

let corpus: Corpus;
let server: RunningServer;
let url: string;

beforeAll(async () => {
  corpus = await makeCorpus();
  server = await serve(corpus, { queryLimits: { maxRows: 3 } });
  url = server.url.replace("localhost", "127.0.0.1");
});
afterAll(async () => {
  await server?.close();
  await corpus?.remove();
});

/** An edge with evidence from the live graph: extraction may change, the shape may not. */
function someEdge() {
  const g = server.state.graph;
  const edge = g.findEdge((_k, a) => a.evidence.length > 0);
  expect(edge, "the seed graph has at least one relation").toBeDefined();
  return { key: edge!, source: g.source(edge!), target: g.target(edge!), attrs: g.getEdgeAttributes(edge!) };
}

describe("graph routes", () => {
  it("GET /api/health reports counts", async () => {
    const { status, body } = await getJson(`${url}/api/health`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", nodes: server.state.graph.order, edges: server.state.graph.size, articles: server.state.articles.length });
  });

  it("GET /api/graph is graphology's serialization of the served graph", async () => {
    const { status, body, headers } = await getJson(`${url}/api/graph`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^application\/json/);
    const copy = new MultiDirectedGraph();
    copy.import(body);
    expect([copy.order, copy.size]).toEqual([server.state.graph.order, server.state.graph.size]);
  });

  it("GET /api/nodes/:id gives the node with its relations and evidence", async () => {
    const { source } = someEdge();
    const { status, body } = await getJson(`${url}/api/nodes/${encodeURIComponent(source)}`);
    expect(status).toBe(200);
    expect(body.key).toBe(source);
    expect(body.label).toBe(server.state.graph.getNodeAttribute(source, "label"));
    expect(body.relations.length).toBe(server.state.graph.degree(source));
    expect(body.relations[0]).toMatchObject({ type: expect.any(String), direction: expect.stringMatching(/^(in|out|both)$/), other: { key: expect.any(String) } });
    expect(body.relations.some((r: any) => r.evidence.length > 0)).toBe(true);
  });

  it("GET /api/nodes/:id resolves an alias", async () => {
    const g = server.state.graph;
    const withAlias = g.findNode((k, a) => a.aliases.some((al) => al !== a.label && server.state.engine.resolve(al) === k));
    expect(withAlias).toBeDefined();
    const alias = g.getNodeAttribute(withAlias!, "aliases").find((al) => al !== g.getNodeAttribute(withAlias!, "label") && server.state.engine.resolve(al) === withAlias)!;
    const { status, body } = await getJson(`${url}/api/nodes/${encodeURIComponent(alias)}`);
    expect(status).toBe(200);
    expect(body.key).toBe(withAlias);
  });

  it("an unknown node is a 404 with suggestions", async () => {
    const { status, body } = await getJson(`${url}/api/nodes/${encodeURIComponent("Zzyzx Nobody")}`);
    expect(status).toBe(404);
    expectCleanError(body);
    expect(body.error.code).toBe("not_found");
    expect(Array.isArray(body.error.suggestions)).toBe(true);
  });
});

describe("search and path", () => {
  it("GET /api/search ranks a node by its label", async () => {
    const { source } = someEdge();
    const label = server.state.graph.getNodeAttribute(source, "label");
    const { status, body } = await getJson(`${url}/api/search?q=${encodeURIComponent(label)}`);
    expect(status).toBe(200);
    expect(body.map((h: any) => h.key)).toContain(source);
    expect(body[0]).toMatchObject({ key: expect.any(String), label: expect.any(String), type: expect.any(String), score: expect.any(Number) });
  });

  it("GET /api/path answers with the evidence of each hop", async () => {
    const { source, target } = someEdge();
    const g = server.state.graph;
    const from = g.getNodeAttribute(source, "label");
    const to = g.getNodeAttribute(target, "label");
    const { status, body } = await getJson(`${url}/api/path?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThan(0);
    const [path] = body.paths;
    expect(path.nodes[0].key).toBe(source);
    expect(path.nodes.at(-1).key).toBe(target);
    expect(path.hops).toHaveLength(1);
    expect(path.hops[0].evidence.length).toBeGreaterThan(0);
    expect(path.hops[0].evidence[0]).toMatchObject({ article: expect.any(String), sentence: expect.any(String) });
  });

  it("GET /api/path with k gives up to k paths", async () => {
    const { source, target } = someEdge();
    const { status, body } = await getJson(`${url}/api/path?from=${source}&to=${target}&k=3`);
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThanOrEqual(1);
    expect(body.paths.length).toBeLessThanOrEqual(3);
  });

  it.each([
    ["from missing", "to=x", 400],
    ["bad type", "from=a&to=b&types=loves", 400],
    ["max not a number", "from=a&to=b&max=lots", 400],
    ["k too large", "from=a&to=b&k=1000", 400],
    ["repeated parameter", "from=a&from=b&to=c", 400],
  ])("GET /api/path refuses %s", async (_name, query, code) => {
    const { status, body } = await getJson(`${url}/api/path?${query}`);
    expect(status).toBe(code);
    expectCleanError(body);
    expect(body.error.code).toBe("invalid_request");
  });

  it("GET /api/path with an unknown name is a 404 with suggestions", async () => {
    const { source } = someEdge();
    const { status, body } = await getJson(`${url}/api/path?from=${source}&to=Zzyzx%20Nobody`);
    expect(status).toBe(404);
    expectCleanError(body);
    expect(body.error).toMatchObject({ code: "unknown_name", name: "Zzyzx Nobody", suggestions: expect.any(Array) });
  });
});

describe("POST /api/query", () => {
  it("runs a query", async () => {
    const { status, body } = await postJson(`${url}/api/query`, { query: "MATCH (n) RETURN count(*) AS n" });
    expect(status).toBe(200);
    expect(body.columns).toEqual(["n"]);
    expect(body.rows).toEqual([[server.state.graph.order]]);
  });

  it("a syntax error is a 400 with its position", async () => {
    const { status, body } = await postJson(`${url}/api/query`, { query: "MATCH (n\nRETURN n" });
    expect(status).toBe(400);
    expectCleanError(body);
    expect(body.error).toMatchObject({ code: "syntax_error", line: expect.any(Number), column: expect.any(Number) });
    expect(body.error.line).toBe(2);
  });

  it("a semantic error is a 400 with openCypher's class and detail, and its position", async () => {
    const { status, body } = await postJson(`${url}/api/query`, { query: "MATCH (n)\nRETURN m" });
    expect(status).toBe(400);
    expectCleanError(body);
    expect(body.error).toMatchObject({ code: "runtime_error", class: "SyntaxError", detail: "UndefinedVariable", line: 2, column: 8 });
  });

  it("a syntax error names its openCypher detail too", async () => {
    const { body } = await postJson(`${url}/api/query`, { query: "RETURN 9223372036854775808" });
    expect(body.error).toMatchObject({ code: "syntax_error", class: "SyntaxError", detail: "IntegerOverflow" });
  });

  it("a guard stop is a 422 naming the guard", async () => {
    const { status, body } = await postJson(`${url}/api/query`, { query: "MATCH (n) RETURN n" });
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: "query_guard", guard: "rows" });
  });

  it.each([
    ["no query", {}, 400, "invalid_request"],
    ["query not a string", { query: 42 }, 400, "invalid_request"],
    ["malformed JSON", "{\"query\": ", 400, "invalid_json"],
  ])("refuses %s", async (_name, body, code, errorCode) => {
    const res = await postJson(`${url}/api/query`, body);
    expect(res.status).toBe(code);
    expectCleanError(res.body);
    expect(res.body.error.code).toBe(errorCode);
  });

  it("refuses a body that is not JSON with 415", async () => {
    const res = await getJson(`${url}/api/query`, { method: "POST", headers: { "content-type": "text/plain" }, body: "MATCH (n) RETURN n" });
    expect(res.status).toBe(415);
    expectCleanError(res.body);
  });

  it("refuses an oversized body with 413", async () => {
    const res = await postJson(`${url}/api/query`, { query: "x".repeat(3 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expectCleanError(res.body);
    expect(res.body.error.code).toBe("payload_too_large");
  });
});

describe("articles (read)", () => {
  it("GET /api/articles lists the articles", async () => {
    const { status, body } = await getJson(`${url}/api/articles`);
    expect(status).toBe(200);
    expect(body.articles).toHaveLength(server.state.articles.length);
    expect(body.articles[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), sentences: expect.any(Number) });
  });

  it("GET /api/articles/:id gives metadata and numbered sentences", async () => {
    const article = server.state.articles[0]!;
    const { status, body } = await getJson(`${url}/api/articles/${article.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: article.id, title: article.title, outlet: article.outlet, published: article.published, credits: article.credits });
    expect(body.sentences[3]).toEqual({ index: 3, text: article.sentences[3]!.text });
  });

  it("an evidence sentence index points at that sentence", async () => {
    const { attrs } = someEdge();
    const ev = attrs.evidence[0]!;
    const { body } = await getJson(`${url}/api/articles/${ev.article}`);
    expect(body.sentences[ev.sentenceIndex].text).toBe(ev.sentence);
  });

  it.each([["unknown", "no-such-article", 404], ["malformed", "bad%20id!", 400]])("%s article id", async (_n, id, code) => {
    const { status, body } = await getJson(`${url}/api/articles/${id}`);
    expect(status).toBe(code);
    expectCleanError(body);
  });
});

describe("GET /api/export", () => {
  it.each([
    ["gexf", "application/gexf+xml", "parley.gexf"],
    ["graphml", "application/graphml+xml", "parley.graphml"],
    ["json", "application/json", "parley.json"],
  ])("%s downloads with its type and file name", async (format, mime, file) => {
    const res = await fetch(`${url}/api/export?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain(mime);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${file}"`);
    const text = await res.text();
    const g = server.state.graph;
    const parsed =
      format === "gexf" ? parseGexf(MultiDirectedGraph, text) : format === "graphml" ? parseGraphml(MultiDirectedGraph, text) : MultiDirectedGraph.from(JSON.parse(text));
    expect([parsed.order, parsed.size]).toEqual([g.order, g.size]);
  });

  it("the seed graph's GEXF (static and dynamic) validates against the XSD", async () => {
    for (const q of ["format=gexf", "format=gexf&dynamic=true"]) {
      const text = await (await fetch(`${url}/api/export?${q}`)).text();
      const result = xmllint(text, ["--schema", GEXF_XSD]);
      expect(result.output).toContain("validates");
    }
  });

  it("is gzip-compressed for clients that accept it", async () => {
    const res = await fetch(`${url}/api/export?format=graphml`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect((await res.text()).startsWith("<?xml")).toBe(true);
  });

  it("compresses the routes whose answers can be large, and only those", async () => {
    const gzip = { "accept-encoding": "gzip" };
    const hub = server.state.graph.nodes().reduce((a, b) => (server.state.graph.degree(a) >= server.state.graph.degree(b) ? a : b));
    const { source, target } = someEdge();
    const label = (k: string) => encodeURIComponent(server.state.graph.getNodeAttribute(k, "label"));
    const encoding = async (path: string) => (await fetch(`${url}${path}`, { headers: gzip })).headers.get("content-encoding");
    expect(await encoding("/api/graph")).toBe("gzip");
    expect(await encoding(`/api/nodes/${encodeURIComponent(hub)}`)).toBe("gzip");
    expect(await encoding("/api/articles")).toBe("gzip");
    expect(await encoding(`/api/path?from=${label(source)}&to=${label(target)}`)).toBeNull();
    expect(await encoding("/api/health")).toBeNull();
  });

  it("answers HEAD on a JSON route with the headers and no body", async () => {
    const res = await fetch(`${url}/api/health`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await res.text()).toBe("");
  });

  it.each([["format=dot"], [""], ["format=json&dynamic=true"]])("refuses ?%s with 400", async (q) => {
    const { status, body } = await getJson(`${url}/api/export?${q}`);
    expect(status).toBe(400);
    expectCleanError(body);
  });
});
