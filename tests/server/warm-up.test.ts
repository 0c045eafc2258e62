/**
 * When the extraction thread starts: after the first answered request on a
 * server that follows a corpus (its first ingest then need not wait for the
 * models), and only for an ingest on a server of a graph without articles
 * (its models are about 130 MB such a server may never use). And when the
 * rest of a start's background work begins (the server's own engine built in
 * steps, then graphology filling in behind a graph read from its snapshot):
 * after the first answered request, or after a second without one.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { LiveCorpus } from "../../src/pipeline/index.ts";
import { SnapshotGraph } from "../../src/graph/snapshot/index.ts";
import { makeCorpus, serve, getJson, postJson, type Corpus } from "./harness.ts";
import type { RunningServer } from "../../src/server/index.ts";

let corpus: Corpus | null = null;
let server: RunningServer | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  await corpus?.remove();
  server = corpus = null;
});

const settle = () => new Promise((r) => setTimeout(r, 100));

describe("the extraction thread's warm-up", () => {
  it("starts after the first answered request when the server follows a corpus", async () => {
    const warmUp = vi.spyOn(LiveCorpus.prototype, "warmUp");
    corpus = await makeCorpus();
    server = await serve(corpus);
    expect(warmUp).not.toHaveBeenCalled();
    expect((await getJson(`${server.url}/api/articles`)).status).toBe(200);
    await settle();
    expect(warmUp).toHaveBeenCalledTimes(1);
  });

  it("waits for an ingest when the server has no articles", async () => {
    const warmUp = vi.spyOn(LiveCorpus.prototype, "warmUp");
    corpus = await makeCorpus();
    const empty = join(corpus.dir, "empty-articles");
    await mkdir(empty);
    server = await serve({ ...corpus, articlesDir: empty });
    expect((await getJson(`${server.url}/api/articles`)).body.articles).toEqual([]);
    await settle();
    expect(warmUp).not.toHaveBeenCalled();
    // The first ingest starts the thread itself and is taken in.
    const res = await postJson(`${server.url}/api/articles?wait=graph`, { title: "First of its corpus", text: "Ambassador Helga Marrowfield met Foreign Minister Tobias Quennell in Vienna on Tuesday." });
    expect(res.status).toBe(201);
    expect(server.state.articles.map((a) => a.title)).toEqual(["First of its corpus"]);
  });
});

describe("a start's background work", () => {
  const snapshotGraphOf = (running: RunningServer) => {
    expect(running.state.graph).toBeInstanceOf(SnapshotGraph);
    return running.state.graph as SnapshotGraph;
  };

  /** A server just started on a graph with its snapshot: that graph, not filled in yet, and the server's address. */
  const startedUnfilled = async () => {
    corpus = await makeCorpus();
    server = await serve(corpus);
    const graph = snapshotGraphOf(server);
    await settle();
    expect(graph.loaded).toBe(false);
    return { graph, url: server.url };
  };

  it("waits for the first answered request, so that request does not queue behind it", async () => {
    const { graph, url } = await startedUnfilled();
    // Health reads the counts the snapshot knows: answering it loads nothing by itself.
    expect((await getJson(`${url}/api/health`)).status).toBe(200);
    await vi.waitFor(() => expect(graph.loaded).toBe(true), { timeout: 5_000, interval: 20 });
  });

  it("starts a second after listening when no request comes", async () => {
    const { graph } = await startedUnfilled();
    await vi.waitFor(() => expect(graph.loaded).toBe(true), { timeout: 5_000, interval: 20 });
  });

  it("is finished at once by a request that needs the whole graph", async () => {
    corpus = await makeCorpus();
    server = await serve(corpus);
    const graph = snapshotGraphOf(server);
    const res = await getJson(`${server.url}/api/graph`);
    expect(res.status).toBe(200);
    expect(res.body.nodes.length).toBe(graph.order);
    expect(graph.loaded).toBe(true);
  });
});
