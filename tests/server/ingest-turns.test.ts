/**
 * What a running server does on its main thread while an ingest is taken in:
 * the new graph's query engine is built before the swap, so at every turn of
 * the event loop graph, articles and engine belong together (the old three
 * until the swap, the new three after), and requests are answered meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCorpus, serve, getJson, postJson, type Corpus } from "./harness.ts";
import type { RunningServer } from "../../src/server/index.ts";

let corpus: Corpus;
let server: RunningServer;
let url: string;

beforeAll(async () => {
  corpus = await makeCorpus();
  server = await serve(corpus);
  url = server.url.replace("localhost", "127.0.0.1");
});
afterAll(async () => {
  await server?.close();
  await corpus?.remove();
});

const ARTICLE = {
  title: "Envoys meet in Oslo",
  published: "2025-06-02",
  text: "Ambassador Ingrid Korvifield met with Foreign Minister Oskar Tandrafield in Oslo on Tuesday.",
};

describe("an ingest on the server's main thread", () => {
  it("swaps graph, articles and engine together, answering requests while it integrates", async () => {
    const { state } = server;
    const seen: string[] = [];
    let watching = true;
    let turns = 0;
    const watch = (async () => {
      while (watching) {
        turns++;
        const inGraph = state.graph.hasNode("ingrid-korvifield");
        const inEngine = state.engine.resolve("Ingrid Korvifield") !== null;
        const inArticles = state.articles.some((a) => a.title === ARTICLE.title);
        const now = `graph ${inGraph}, engine ${inEngine}, articles ${inArticles}`;
        if (seen.at(-1) !== now) seen.push(now);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const posted = postJson(`${url}/api/articles?wait=graph`, ARTICLE);
    // Answered while the ingest goes on.
    const search = await getJson(`${url}/api/search?q=Putin`);
    expect(search.status).toBe(200);
    const res = await posted;
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    watching = false;
    await watch;
    expect(res.status).toBe(201);
    expect(res.body.added.nodes).toContain("ingrid-korvifield");
    expect(seen).toEqual(["graph false, engine false, articles false", "graph true, engine true, articles true"]);
    expect(turns).toBeGreaterThan(2);
    expect((await getJson(`${url}/api/search?q=Korvif`)).body.map((h: { key: string }) => h.key)).toContain("ingrid-korvifield");
  });
});
