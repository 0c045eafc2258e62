/**
 * Issue 7 item 1, hostile articles: every input of the table in
 * tests/fixtures/hostile/cases.ts goes through the real loader and buildGraph,
 * through `parley build` as a child process over a folder holding one good
 * article and the hostile one, and (where JSON can carry it) through
 * POST /api/articles on a real server. Each is ingested cleanly (no script,
 * iframe or handler text in any sentence) or refused with the file name and
 * the reason; a refusal leaves the previous graph file identical byte for byte
 * and, on the server, the articles folder and the served graph as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildGraph } from "../../src/pipeline/index.ts";
import { serializeGraph } from "../../src/graph/persist.ts";
import { IngestError, readArticleFile } from "../../src/ingest/index.ts";
import { MAX_SENTENCE_CHARS } from "../../src/ingest/limits.ts";
import { HOSTILE_CASES, LEAK, type HostileCase } from "../fixtures/hostile/cases.ts";
import { makeCorpus, serve, getJson, postJson, expectCleanError, type Corpus } from "../server/harness.ts";
import { LEXICON_DIR, ROOT, rules } from "../pipeline/helpers.ts";
import type { RunningServer } from "../../src/server/index.ts";

const GOOD = "Russia rejected the 20-point plan on Monday.\nUkraine welcomed the talks in Riyadh.\n";
const STACK_FRAME = /\bat .*\.(ts|js|mjs):\d+/;
const run = promisify(execFile);
const timings: string[] = [];

let previous: string;
const work = mkdtempSync(join(tmpdir(), "parley-hostile-"));

beforeAll(async () => {
  const dir = join(work, "good");
  mkdirSync(dir);
  writeFileSync(join(dir, "good.txt"), GOOD);
  previous = serializeGraph((await buildGraph({ articlesDir: dir, lexiconDir: LEXICON_DIR })).graph);
}, 120_000);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  console.log(`hostile articles, parley build per case:\n${timings.join("\n")}`);
});

/** A folder with good.txt and the hostile input, the previous graph beside it. */
function caseFolder(c: HostileCase) {
  const root = mkdtempSync(join(work, "case-"));
  const articlesDir = join(root, "articles");
  const outside = join(root, "outside");
  mkdirSync(articlesDir);
  mkdirSync(outside);
  writeFileSync(join(articlesDir, "good.txt"), GOOD);
  c.make(articlesDir, outside);
  const graphFile = join(root, "graph.json");
  writeFileSync(graphFile, previous);
  return { articlesDir, graphFile };
}

const idOf = (file: string) => file.replace(/\.[^.]+$/, "");

describe("hostile articles: loader, buildGraph and parley build", () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { articlesDir, graphFile } = caseFolder(c);

    // In-process: the typed error names the file and gives the reason.
    const built = await buildGraph({ articlesDir, lexiconDir: LEXICON_DIR }).catch((err: unknown) => err);
    if (c.refused) {
      expect(built).toBeInstanceOf(IngestError);
      expect((built as IngestError).source).toBe(c.file);
      expect((built as IngestError).reason).toMatch(c.refused);
    } else {
      if (built instanceof Error) throw built;
      const article = (built as Awaited<ReturnType<typeof buildGraph>>).articles.find((a) => a.id === idOf(c.file))!;
      expect(article.sentences.length).toBeGreaterThan(0);
      for (const s of article.sentences) {
        expect(s.text).not.toMatch(LEAK);
        expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
        expect(article.text.slice(s.start, s.start + s.text.length)).toBe(s.text);
      }
    }

    // The command a user runs.
    const started = performance.now();
    const result = await run(process.execPath, [resolve(ROOT, "bin/parley.mjs"), "build", "--articles", articlesDir, "--out", graphFile], { cwd: ROOT, maxBuffer: 1 << 24 }).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    const ms = performance.now() - started;
    const after = readFileSync(graphFile, "utf8");
    timings.push(`  ${c.name}: ${c.refused ? "refused" : "ingested"} in ${(ms / 1000).toFixed(1)} s${c.refused ? ` — ${result.stderr.trim().split("\n")[0]}` : ""}`);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    if (c.refused) {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${c.file}: `);
      expect(result.stderr).toMatch(c.refused);
      expect(after === previous).toBe(true);
    } else {
      expect(result.code).toBe(0);
      expect(after).not.toBe(previous);
      const graph = JSON.parse(after);
      expect(graph.attributes.articles.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(["good", idOf(c.file)]));
      expect(after).not.toMatch(LEAK);
    }
  }, 300_000);

  it("refuses a ../ file name given to the loader directly", async () => {
    const { articlesDir } = caseFolder(HOSTILE_CASES.find((c) => c.file === "manifest.json")!);
    const err = await readArticleFile(articlesDir, "../outside/escape.txt", undefined, rules.ingest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).message).toContain("../outside/escape.txt");
    expect((err as IngestError).reason).toMatch(/paths such as \.\.\/ are refused/);
  });
});

describe("hostile articles: POST /api/articles", () => {
  let corpus: Corpus;
  let server: RunningServer;
  let url: string;
  beforeAll(async () => {
    corpus = await makeCorpus();
    server = await serve(corpus);
    url = server.url.replace("localhost", "127.0.0.1");
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await corpus?.remove();
  });

  const listing = () => readdirSync(corpus.articlesDir).sort();
  // Where a "../../../../outside/escape" title would land if it were used as a path, at any depth. Only
  // these exact places are checked: /tmp as a whole is shared with test files running in parallel.
  const parentListing = () =>
    Array.from({ length: 8 }, (_, d) => resolve(corpus.articlesDir, "../".repeat(d + 1), "outside"))
      .filter((dir) => existsSync(dir))
      .flatMap((dir) => readdirSync(dir).filter((f) => f.startsWith("escape")).map((f) => join(dir, f)));

  it.each(HOSTILE_CASES.filter((c) => c.post).map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const post = c.post!;
    const before = { graph: readFileSync(corpus.graphFile, "utf8"), files: listing(), health: (await getJson(`${url}/api/health`)).body, parent: parentListing() };
    const res = await postJson(`${url}/api/articles?wait=graph`, post.body());
    expect(res.status).toBe(post.status);
    const health = (await getJson(`${url}/api/health`)).body;
    expect(parentListing()).toEqual(before.parent);
    if (post.status >= 400) {
      expectCleanError(res.body);
      if (post.reason) expect(res.body.error.message).toMatch(post.reason);
      expect(readFileSync(corpus.graphFile, "utf8") === before.graph).toBe(true);
      expect(listing()).toEqual(before.files);
      expect([health.nodes, health.edges, health.articles]).toEqual([before.health.nodes, before.health.edges, before.health.articles]);
      return;
    }
    // Ingested: one new Markdown file with a slug name, inside the articles folder.
    const added = listing().filter((f) => !before.files.includes(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^[a-z0-9-]+\.md$/);
    expect(readFileSync(join(corpus.articlesDir, added[0]!), "utf8")).not.toMatch(LEAK);
    expect(health.articles).toBe(before.health.articles + 1);
    const article = await getJson(`${url}/api/articles/${res.body.article.id}`);
    expect(article.status).toBe(200);
    expect(article.body.sentences.length).toBeGreaterThan(0);
    for (const s of article.body.sentences) expect(s.text).not.toMatch(LEAK);
  }, 300_000);
});
