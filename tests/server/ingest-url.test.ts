/**
 * POST /api/articles {"url"} against a real local HTTP server: a page is
 * fetched and ingested, a feed has its new items ingested one by one (a known
 * address is not fetched again, a failing item does not stop the others), and
 * every refusal — private address without the option, oversized body, wrong
 * type, timeout, bad address — answers its own status and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readdir, readFile } from "node:fs/promises";
import { expectCleanError, makeCorpus, postJson, serve, type Corpus } from "./harness.ts";
import type { RunningServer } from "../../src/server/index.ts";

const PAGE = await readFile(new URL("../fixtures/feeds/article.html", import.meta.url), "utf8");
const SECOND = PAGE.replace(/<link rel="canonical"[^>]*>/, "")
  .replaceAll("ninety-day truce", "prisoner exchange")
  .replaceAll("Port Alden", "Kessgard");

let site: Server;
let origin = "";
const requests: string[] = [];
const feed = () => `<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger world</title><link>${origin}/</link>
<item><title>Truce</title><link>${origin}/world/2025/04/17/lowland-water-talks</link></item>
<item><title>Exchange</title><link>${origin}/p/2?utm_source=rss</link></item>
<item><title>A picture</title><link>${origin}/image.png</link></item>
</channel></rss>`;

let corpus: Corpus;
let strictCorpus: Corpus;
let open: RunningServer;
let strict: RunningServer;

beforeAll(async () => {
  site = createServer((req, res) => {
    requests.push(req.url ?? "");
    const path = (req.url ?? "").split("?")[0];
    if (path === "/world/2025/04/17/lowland-water-talks") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    if (path === "/p/2") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(SECOND);
    if (path === "/feed.rss") return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(feed());
    if (path === "/image.png") return void res.writeHead(200, { "content-type": "image/png" }).end(Buffer.alloc(100));
    if (path === "/big") return void res.writeHead(200, { "content-type": "text/html" }).end(`<html><body>${"<p>word </p>".repeat(100_000)}</body></html>`);
    if (path === "/silent") return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  corpus = await makeCorpus();
  open = await serve(corpus, { fetch: { allowPrivate: true, maxBytes: 400_000, timeoutMs: 1_500 } });
  strictCorpus = await makeCorpus();
  strict = await serve(strictCorpus);
});
afterAll(async () => {
  await open?.close();
  await strict?.close();
  site?.closeAllConnections();
  await new Promise((resolve) => site?.close(resolve));
  await corpus?.remove();
  await strictCorpus?.remove();
});

const files = async () => (await readdir(corpus.articlesDir)).sort();

describe("POST /api/articles {url}", () => {
  it("fetches a page and ingests it; the same address again is a 409 without a second fetch", async () => {
    const before = open.state.articles.length;
    const res = await postJson(`${open.url}/api/articles?wait=graph`, { url: `${origin}/world/2025/04/17/lowland-water-talks#top` });
    expect(res.status).toBe(201);
    expect(res.body.article).toMatchObject({ title: expect.stringMatching(/ninety-day truce/), outlet: "The Harbor Ledger", published: "2025-04-17" });
    expect(open.state.articles.length).toBe(before + 1);
    expect(open.state.graph.hasNode("port-alden")).toBe(true);
    const fetches = requests.length;
    const again = await postJson(`${open.url}/api/articles`, { url: `${origin}/world/2025/04/17/lowland-water-talks?utm_source=x` });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "duplicate_article", by: "url" });
    expect(requests.length).toBe(fetches);
  });

  it("ingests a feed's new items one by one and reports each", async () => {
    const before = open.state.articles.length;
    const res = await postJson(`${open.url}/api/articles?wait=graph`, { url: `${origin}/feed.rss` });
    expect(res.status).toBe(201);
    expect(res.body.feed.title).toBe("Ledger world");
    expect(res.body.items.map((i: { status: string }) => i.status)).toEqual(["duplicate", "ingested", "failed"]);
    expect(res.body.items[2].message).toMatch(/image\/png/);
    expect(res.body.ingested).toBe(1);
    expect(open.state.articles.length).toBe(before + 1);
    expect(open.state.graph.hasNode("kessgard")).toBe(true);
    const again = await postJson(`${open.url}/api/articles`, { url: `${origin}/feed.rss` });
    expect(again.status).toBe(200);
    expect(again.body.items.map((i: { status: string }) => i.status)).toEqual(["duplicate", "duplicate", "failed"]);
  });

  it.each([
    ["an oversized body", "/big", 413, "too_large"],
    ["a type that is not a page or feed", "/image.png", 415, "unsupported_type"],
    ["a site that never answers", "/silent", 504, "timeout"],
    ["a missing page", "/nothing-here", 502, "http_status"],
  ])("refuses %s with %s, changing nothing", async (_what, path, status, code) => {
    const [before, count] = [await files(), open.state.articles.length];
    const res = await postJson(`${open.url}/api/articles`, { url: `${origin}${path}` });
    expect(res.status).toBe(status);
    expectCleanError(res.body);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toContain(`${origin}${path}`);
    expect([await files(), open.state.articles.length]).toEqual([before, count]);
  });

  it("refuses a loopback address unless the server allows private addresses", async () => {
    const strictFiles = async () => (await readdir(strictCorpus.articlesDir)).sort();
    const [before, count, fetches] = [await strictFiles(), strict.state.articles.length, requests.length];
    for (const url of [`${origin}/p/2`, `http://localhost:${new URL(origin).port}/p/2`]) {
      const res = await postJson(`${strict.url}/api/articles`, { url });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("private_address");
    }
    expect([await strictFiles(), strict.state.articles.length, requests.length]).toEqual([before, count, fetches]);
  });

  it.each([["ftp://example.org/a"], ["not a url"]])("refuses %s as a bad address", async (url) => {
    const res = await postJson(`${open.url}/api/articles`, { url });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("bad_url");
  });
});
