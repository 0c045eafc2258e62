/**
 * `parley ingest` and `parley watch` as a user runs them, on a copy of two seed
 * articles and a real local HTTP server: a file and a page are added (only
 * they are extracted), the graph file is the build of the folder afterwards,
 * a feed polled twice is fetched conditionally the second time, and a
 * loopback address is refused without --allow-private, changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildGraph } from "../../src/pipeline/index.ts";
import { saveGraph, serializeGraph } from "../../src/graph/persist.ts";
import { ARTICLES_DIR, LEXICON_DIR, ROOT, rules } from "./helpers.ts";

const run = promisify(execFile);
const parley = (...args: string[]) => run(process.execPath, [resolve(ROOT, "bin/parley.mjs"), ...args], { cwd: ROOT });
const fail = (...args: string[]) => parley(...args).then(() => { throw new Error("expected a failure"); }, (e: { code: number; stderr: string }) => e);

const PAGE = readFileSync(new URL("../fixtures/feeds/article.html", import.meta.url), "utf8");
const SHORT = ["001_b294f04f116ddbf6.txt", "002_5e83baba2592feae.txt"];
let dir: string;
let site: Server;
let origin: string;
const hits: Array<{ path: string; ifNoneMatch?: string }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-ingest-cli-"));
  cpSync(ARTICLES_DIR, join(dir, "articles"), { recursive: true, filter: (src) => !/\.txt$/.test(src) || SHORT.some((f) => src.endsWith(f)) });
  await saveGraph((await buildGraph({ articlesDir: join(dir, "articles"), lexiconDir: LEXICON_DIR }, undefined, rules)).graph, join(dir, "graph.json"));
  site = createServer((req, res) => {
    hits.push({ path: req.url ?? "", ifNoneMatch: req.headers["if-none-match"] as string | undefined });
    if (req.url === "/story") return void res.writeHead(200, { "content-type": "text/html" }).end(PAGE.replace(/<link rel="canonical"[^>]*>/, ""));
    if (req.url === "/feed.xml") {
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
      return void res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' }).end(`<rss version="2.0"><channel><title>Desk</title><item><title>Story</title><link>${origin}/story</link></item></channel></rss>`);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise((r) => site?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const corpusArgs = () => ["--graph", join(dir, "graph.json"), "--articles", join(dir, "articles"), "--lexicon", LEXICON_DIR];
const built = async () => serializeGraph((await buildGraph({ articlesDir: join(dir, "articles"), lexiconDir: LEXICON_DIR }, undefined, rules)).graph);

describe("parley ingest / watch", () => {
  it("refuses a loopback address without --allow-private and changes nothing", async () => {
    const before = [readdirSync(join(dir, "articles")).sort(), readFileSync(join(dir, "graph.json"), "utf8")];
    const err = await fail("ingest", `${origin}/story`, ...corpusArgs());
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/loopback address.*allowPrivate|loopback/);
    expect(hits).toEqual([]);
    expect([readdirSync(join(dir, "articles")).sort(), readFileSync(join(dir, "graph.json"), "utf8")]).toEqual(before);
  }, 60_000);

  it("ingests a file, then a page; the graph file is the build of the folder", async () => {
    const file = join(dir, "report.md");
    writeFileSync(file, "---\ntitle: Envoys meet in Vienna\npublished: 2025-04-02\n---\nAmbassador Helga Marrowfield met Foreign Minister Tobias Quennell in Vienna on Tuesday.\n");
    const first = await parley("ingest", file, ...corpusArgs());
    expect(first.stderr).toMatch(/ingested as 2025-04-02-envoys-meet-in-vienna-/);
    const page = await parley("ingest", `${origin}/story`, "--allow-private", ...corpusArgs());
    expect(page.stderr).toMatch(/ingested as 2025-04-17-mediators-propose/);
    expect(readFileSync(join(dir, "graph.json"), "utf8")).toBe(await built());
    const again = await parley("ingest", file, ...corpusArgs());
    expect(again.stderr).toMatch(/already in the corpus/);
  }, 60_000);

  it("watches a feed: the second poll is conditional and finds nothing new", async () => {
    hits.length = 0;
    const once = await parley("watch", `${origin}/feed.xml`, "--once", "--allow-private", ...corpusArgs());
    expect(once.stderr).toMatch(/feed "Desk", 1 item\(s\), 0 new/);
    // The story is already in the corpus (ingested above): the feed was fetched, the page was not.
    expect(hits.map((h) => h.path)).toEqual(["/feed.xml"]);
    const twice = await parley("watch", `${origin}/feed.xml`, "--once", "--allow-private", ...corpusArgs());
    expect(twice.stderr).toMatch(/not modified/);
    expect(hits[1]).toEqual({ path: "/feed.xml", ifNoneMatch: '"v1"' });
  }, 60_000);

  it("refuses a bad --every", async () => {
    const err = await fail("watch", `${origin}/feed.xml`, "--every", "soon", ...corpusArgs());
    expect(err.stderr).toMatch(/--every must be a duration/);
  }, 60_000);
});
