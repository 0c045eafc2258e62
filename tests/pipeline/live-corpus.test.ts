/**
 * The live corpus at start-up and in ingest, on real files: a current snapshot
 * is served untouched, a snapshot behind the journal (a crash after an
 * acknowledged ingest) is rebuilt from the store, changes made to the folder
 * while the server was down are taken in, a graph of another corpus is left
 * alone, and what it writes equals `parley build` of the same folder.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph, LiveCorpus } from "../../src/pipeline/index.ts";
import { saveGraph, serializeGraph } from "../../src/graph/persist.ts";
import { snapshotFileOf } from "../../src/graph/snapshot/index.ts";
import { ARTICLES_DIR, LEXICON_DIR, rules } from "./helpers.ts";

const open: LiveCorpus[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const live of open.splice(0)) await live.close();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const SHORT = ["001_b294f04f116ddbf6.txt", "002_5e83baba2592feae.txt"];

async function corpusCopy(files = SHORT) {
  const dir = mkdtempSync(join(tmpdir(), "parley-live-"));
  dirs.push(dir);
  const articlesDir = join(dir, "articles");
  cpSync(ARTICLES_DIR, articlesDir, { recursive: true, filter: (src) => !/\.(txt|md|html)$/.test(src) || files.some((f) => src.endsWith(f)) });
  const graphFile = join(dir, "graph.json");
  await saveGraph((await buildGraph({ articlesDir, lexiconDir: LEXICON_DIR }, undefined, rules)).graph, graphFile);
  return { dir, articlesDir, graphFile, storeFile: join(dir, "parley.db") };
}

async function openLive(c: Awaited<ReturnType<typeof corpusCopy>>, extra: { snapshotDelayMs?: number; log?: (l: string) => void } = {}) {
  const live = await LiveCorpus.open({ ...c, lexiconDir: LEXICON_DIR, extractor: "in-process", layout: "in-process", ...extra });
  open.push(live);
  return live;
}

const buildText = async (articlesDir: string) => serializeGraph((await buildGraph({ articlesDir, lexiconDir: LEXICON_DIR }, undefined, rules)).graph);

const POSTED = { title: "Envoys meet in Vienna", published: "2025-04-02", text: "Ambassador Helga Marrowfield met Foreign Minister Tobias Quennell in Vienna on Tuesday." };

describe("LiveCorpus", () => {
  it("serves a snapshot that lists the folder's articles without rewriting it", async () => {
    const c = await corpusCopy();
    const before = statSync(c.graphFile).mtimeMs;
    const live = await openLive(c);
    expect(live.articles.map((a) => a.file)).toEqual(SHORT);
    expect(statSync(c.graphFile).mtimeMs).toBe(before);
  });

  it("ingests one article: durable when add resolves, graph equal to a build of the folder, file written at flush", async () => {
    const c = await corpusCopy();
    const live = await openLive(c, { snapshotDelayMs: 60_000 });
    const before = live.graph;
    const result = await live.add(POSTED);
    expect(result.added.nodes).toEqual(expect.arrayContaining(["helga-marrowfield"]));
    // Placed at once: known nodes where they were, new ones beside their neighbours.
    const vienna = live.graph.getNodeAttributes("vienna");
    if (before.hasNode("vienna")) expect([vienna.x, vienna.y]).toEqual([before.getNodeAttribute("vienna", "x"), before.getNodeAttribute("vienna", "y")]);
    expect(Number.isFinite(live.graph.getNodeAttribute("helga-marrowfield", "x"))).toBe(true);
    expect(readFileSync(c.graphFile, "utf8")).not.toContain("Marrowfield");
    await live.flush();
    // Laid out before it is written: the file and the served graph are what parley build makes of the folder.
    expect(readFileSync(c.graphFile, "utf8")).toBe(await buildText(c.articlesDir));
    expect(serializeGraph(live.graph)).toBe(await buildText(c.articlesDir));
  });

  it("replays the journal at start-up when the snapshot lacks an acknowledged ingest", async () => {
    const c = await corpusCopy();
    const crashed = await LiveCorpus.open({ ...c, lexiconDir: LEXICON_DIR, extractor: "in-process", layout: "in-process", snapshotDelayMs: 60_000 });
    await crashed.add(POSTED);
    // No flush, no close: what a SIGKILL after the 201 leaves (the store is committed, the graph file is old).
    const lines: string[] = [];
    const live = await openLive(c, { log: (l) => lines.push(l) });
    expect(live.articles.some((a) => a.title === POSTED.title)).toBe(true);
    expect(readFileSync(c.graphFile, "utf8")).toBe(await buildText(c.articlesDir));
    expect(lines.join("\n")).toMatch(/rebuilt from the corpus store/);
    await crashed.close();
  });

  it("takes in articles added to and removed from the folder while it was down", async () => {
    const c = await corpusCopy();
    await (await openLive(c)).close();
    open.length = 0;
    unlinkSync(join(c.articlesDir, SHORT[0]!));
    writeFileSync(join(c.articlesDir, "900_dropped-in.md"), `---\ntitle: Dropped in\npublished: 2025-05-01\n---\n${POSTED.text}\n`);
    const live = await openLive(c);
    expect(live.articles.map((a) => a.file)).toEqual(["002_5e83baba2592feae.txt", "900_dropped-in.md"]);
    expect(readFileSync(c.graphFile, "utf8")).toBe(await buildText(c.articlesDir));
  });

  it("leaves a graph of another corpus alone until the first ingest", async () => {
    const c = await corpusCopy();
    for (const f of SHORT) unlinkSync(join(c.articlesDir, f));
    const before = readFileSync(c.graphFile, "utf8");
    const lines: string[] = [];
    const live = await openLive(c, { log: (l) => lines.push(l) });
    expect(serializeGraph(live.graph)).toBe(before);
    expect(lines.join("\n")).toMatch(/another corpus/);
    await live.add(POSTED);
    expect(live.articles.map((a) => a.title)).toEqual([POSTED.title]);
  });

  it("serves a new graph only once prepareGraph has finished with it, then hands the same graph to onGraph", async () => {
    const c = await corpusCopy();
    const events: string[] = [];
    let prepared: unknown = null;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const live = await LiveCorpus.open({
      ...c,
      lexiconDir: LEXICON_DIR,
      extractor: "in-process",
      layout: "in-process",
      snapshotDelayMs: 60_000,
      prepareGraph: async (graph) => {
        events.push("prepare");
        prepared = graph;
        await gate;
      },
      onGraph: (graph) => events.push(graph === prepared ? "served the prepared graph" : "served another graph"),
    });
    open.push(live);
    const before = live.graph;
    await live.commit(POSTED);
    const integrated = live.integrated();
    while (!events.length) await new Promise((r) => setTimeout(r, 5));
    // Prepared, not yet served: the old graph still answers.
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(events).toEqual(["prepare"]);
    expect(live.graph).toBe(before);
    release();
    expect(await integrated).toBe(prepared);
    expect(events).toEqual(["prepare", "served the prepared graph"]);
  });

  it("writes graph.json and graph.bin after an ingest as saveGraph writes them of a build, the snapshot encoded on a worker thread", async () => {
    const c = await corpusCopy();
    const live = await LiveCorpus.open({ ...c, lexiconDir: LEXICON_DIR, extractor: "in-process", layout: "in-process", snapshotEncoder: "thread", snapshotDelayMs: 60_000 });
    open.push(live);
    await live.add(POSTED);
    await live.flush();
    const built = join(c.dir, "built.json");
    await saveGraph((await buildGraph({ articlesDir: c.articlesDir, lexiconDir: LEXICON_DIR }, undefined, rules)).graph, built);
    expect(readFileSync(c.graphFile).equals(readFileSync(built))).toBe(true);
    expect(readFileSync(snapshotFileOf(c.graphFile)).equals(readFileSync(snapshotFileOf(built)))).toBe(true);
  });

  it("refuses a repeat by id, by text and by address, changing nothing", async () => {
    const c = await corpusCopy();
    const live = await openLive(c);
    await live.add({ ...POSTED, url: "https://example.org/vienna" });
    const count = live.articles.length;
    await expect(live.add({ ...POSTED, url: "https://example.org/vienna" })).rejects.toThrow(/already been ingested/);
    await expect(live.add({ ...POSTED, title: "Other title", url: undefined })).rejects.toThrow(/same text/);
    await expect(live.add({ title: "Tracked link", text: "Other text.", url: "https://EXAMPLE.org/vienna?utm_source=feed#top" })).rejects.toThrow(/address/);
    await expect(live.add({ title: "Third", text: "Completely other text.", url: "https://example.org/vienna" })).rejects.toThrow(/address/);
    expect(live.articles.length).toBe(count);
  });
});
