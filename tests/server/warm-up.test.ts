/**
 * When the extraction thread starts: after the first answered request on a
 * server that follows a corpus (its first ingest then need not wait for the
 * models), and only for an ingest on a server of a graph without articles
 * (its models are about 130 MB such a server may never use).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { LiveCorpus } from "../../src/pipeline/index.ts";
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
