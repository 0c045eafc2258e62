/**
 * Live ingest through POST /api/articles: the graph updates in memory at once and
 * in the graph file in the background (flushed here to look at it), console
 * queries wait for the new file, the corpus survives a restart, a bad article
 * changes nothing and a repeated one is a 409.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import { makeCorpus, serve, getJson, postJson, expectCleanError, type Corpus } from "./harness.ts";
import type { RunningServer } from "../../src/server/index.ts";

let corpus: Corpus;
let server: RunningServer;
let url: string;

const ARTICLE = {
  title: "Envoys meet in Vienna over grain corridor",
  published: "2025-04-02",
  outlet: "Test Wire",
  text:
    "Ambassador Helga Marrowfield met with Foreign Minister Tobias Quennell in Vienna on Tuesday. " +
    "Marrowfield proposed a grain corridor plan, and Quennell rejected the grain corridor plan a day later. " +
    "Vladimir Putin criticized Ukraine again.",
};

beforeAll(async () => {
  corpus = await makeCorpus();
  server = await serve(corpus);
  url = server.url.replace("localhost", "127.0.0.1");
});
afterAll(async () => {
  await server?.close();
  await corpus?.remove();
});

const snapshot = async () => ({ graph: await readFile(corpus.graphFile, "utf8"), files: (await readdir(corpus.articlesDir)).sort() });

describe("POST /api/articles", () => {
  it.each([
    ["no title", { text: "Putin met Trump." }, "title"],
    ["both text and html", { title: "x", text: "a", html: "<p>a</p>" }, "text or html"],
    ["neither text nor html", { title: "x" }, "text or html"],
    ["a bad date", { title: "x", text: "Putin met Trump.", published: "yesterday" }, "published"],
    ["an unknown field", { title: "x", text: "Putin met Trump.", author: "me" }, ""],
    ["empty html", { title: "x", html: "<div>  </div>" }, "html"],
    ["an array", [1, 2], ""],
  ])("refuses %s with a 400 naming the problem and changes nothing", async (_name, body, mentions) => {
    const before = await snapshot();
    const order = server.state.graph.order;
    const res = await postJson(`${url}/api/articles`, body);
    expect(res.status).toBe(400);
    expectCleanError(res.body);
    expect(res.body.error.code).toBe("invalid_article");
    expect(res.body.error.message).toContain(mentions);
    expect(await snapshot()).toEqual(before);
    expect(server.state.graph.order).toBe(order);
  });

  it("ingests an article (?wait=graph): graph updated in memory and on disk, file kept", async () => {
    const before = { order: server.state.graph.order, size: server.state.graph.size, articles: server.state.articles.length };
    const res = await postJson(`${url}/api/articles?wait=graph`, ARTICLE);
    expect(res.status).toBe(201);
    expect(res.body.integrated).toBe(true);
    expect(res.body.article).toMatchObject({ title: ARTICLE.title, outlet: ARTICLE.outlet, published: ARTICLE.published });
    const { added, strengthened } = res.body;
    expect(added.nodes.length + added.edges.length + strengthened.nodes.length + strengthened.edges.length).toBeGreaterThan(0);
    expect(server.state.articles.length).toBe(before.articles + 1);
    for (const key of added.nodes) expect(server.state.graph.hasNode(key)).toBe(true);
    expect(res.body.graph).toEqual({ nodes: server.state.graph.order, edges: server.state.graph.size, articles: before.articles + 1 });

    expect((await readdir(corpus.articlesDir)).some((f) => f.startsWith(res.body.article.id))).toBe(true);

    // Console queries wait for the new graph file and a worker loaded from it: they see the new graph at once.
    const count = await postJson(`${url}/api/query`, { query: "MATCH (n) RETURN count(*) AS n" });
    expect(count.body.rows).toEqual([[server.state.graph.order]]);
    for (const key of added.nodes.slice(0, 1)) {
      const found = await postJson(`${url}/api/query`, { query: "MATCH (n) WHERE n.id = $key RETURN n.id", params: { key } });
      expect(found.body.rows).toEqual([[key]]);
    }
    await server.state.live.flush();
    const onDisk = JSON.parse(await readFile(corpus.graphFile, "utf8"));
    expect(onDisk.nodes.length).toBe(server.state.graph.order);

    // The article is readable and searchable through the API at once.
    const article = await getJson(`${url}/api/articles/${res.body.article.id}`);
    expect(article.status).toBe(200);
    expect(article.body.sentences.length).toBeGreaterThanOrEqual(3);
    if (added.nodes.length) {
      const label = server.state.graph.getNodeAttribute(added.nodes[0], "label");
      const hits = await getJson(`${url}/api/search?q=${encodeURIComponent(label)}`);
      expect(hits.body.map((h: any) => h.key)).toContain(added.nodes[0]);
    }
  });

  it("refuses the same article twice, and the same text under another title, with a 409", async () => {
    const before = await snapshot();
    const res = await postJson(`${url}/api/articles`, ARTICLE);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("duplicate_article");
    expect(res.body.error.message).toMatch(/already/);
    const sameUrl = await postJson(`${url}/api/articles`, { title: "Another title", text: "Quite another text about Vienna.", url: "https://example.org/vienna" });
    expect(sameUrl.status).toBe(201);
    const again = await postJson(`${url}/api/articles`, { title: "A third title", text: "A third text.", url: "https://example.org/vienna" });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/address/);
    expect((await snapshot()).files.length).toBe(before.files.length + 1);
  });

  it("serializes concurrent posts: every article lands", async () => {
    // The test before posts an article it does not wait for: count once it is in.
    await server.state.live.flush();
    const count = server.state.articles.length;
    const posts = [1, 2, 3].map((i) =>
      postJson(`${url}/api/articles`, { title: `Concurrent report ${i}`, published: `2025-04-1${i}`, text: `Vladimir Putin met with Donald Trump in report ${i}. Ukraine rejected the plan ${i}.` }),
    );
    const results = await Promise.all(posts);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.seq)).size).toBe(3);
    await server.state.live.flush();
    expect(server.state.articles.length).toBe(count + 3);
    const onDisk = JSON.parse(await readFile(corpus.graphFile, "utf8"));
    expect(onDisk.attributes.articles.length).toBe(count + 3);
  });

  it("answers once the article is committed, and the graph takes it in right after", async () => {
    const count = server.state.articles.length;
    const res = await postJson(`${url}/api/articles`, { title: "Acknowledged first", text: "Ambassador Oskar Tenbrink met Sergei Lavrov in Oslo." });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ integrated: false, seq: expect.any(Number), article: { title: "Acknowledged first" } });
    const deadline = Date.now() + 5_000;
    while (server.state.articles.length === count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(server.state.articles.length).toBe(count + 1);
    expect(server.state.graph.hasNode("oskar-tenbrink")).toBe(true);
    const found = await postJson(`${url}/api/query`, { query: "MATCH (n) WHERE n.id = 'oskar-tenbrink' RETURN n.id" });
    expect(found.body.rows).toEqual([["oskar-tenbrink"]]);
  });

  it("refuses ?wait with another value", async () => {
    const res = await postJson(`${url}/api/articles?wait=yes`, ARTICLE);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/query\.wait/);
  });

  it("survives a restart", async () => {
    const ids = server.state.articles.map((a) => a.id).sort();
    const counts = [server.state.graph.order, server.state.graph.size];
    await server.close();
    server = await serve(corpus);
    url = server.url.replace("localhost", "127.0.0.1");
    const { body } = await getJson(`${url}/api/articles`);
    expect(body.articles.map((a: any) => a.id).sort()).toEqual(ids);
    expect([server.state.graph.order, server.state.graph.size]).toEqual(counts);
  });
});
