/**
 * Start-up recovery after a crash during live ingest: an article file that
 * reached the folder while the graph file did not (killed between the two
 * writes) is taken into the graph at the next start, so it is served, and a
 * retry is not refused as a duplicate of something the graph never had. Temp
 * files of the killed writer are removed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { getJson, makeCorpus, quiet, serve, type Corpus } from "./harness.ts";
import type { RunningServer } from "../../src/server/index.ts";
import { deadPid } from "../hardening/data-dir.ts";

const ORPHAN = `---
title: Envoys meet in Doha
outlet: Test Wire
published: 2025-04-02
url: https://example.org/doha
---
Qatari mediator Mohammed Al-Khulaifi met Kremlin aide Yuri Ushakov in Doha on Tuesday.
`;

let corpus: Corpus;
let server: RunningServer;
let before: string;
beforeAll(async () => {
  corpus = await makeCorpus();
  before = await readFile(corpus.graphFile, "utf8");
  // The state a SIGKILL between the article write and the graph write leaves behind.
  await writeFile(join(corpus.articlesDir, "900_envoys-meet-in-doha.md"), ORPHAN);
  await writeFile(join(corpus.dir, `.graph.json.${deadPid()}.0badc0de.tmp`), before.slice(0, 1000));
  server = await serve(corpus, { log: quiet });
});
afterAll(async () => {
  await server?.close();
  await corpus?.remove();
});

describe("start-up after a crash mid-ingest", () => {
  it("takes the orphaned article into the graph, in memory and on disk", async () => {
    const { body: health } = await getJson(`${server.url}/api/health`);
    const graphArticles = (server.state.graph.getAttribute("articles") as Array<{ id: string }>).map((a) => a.id);
    expect(graphArticles).toContain("900_envoys-meet-in-doha");
    expect(graphArticles.length).toBe(server.state.articles.length);
    expect(JSON.stringify(health)).toContain(String(server.state.articles.length));
    const onDisk = JSON.parse(await readFile(corpus.graphFile, "utf8"));
    expect(onDisk.attributes.articles.map((a: { id: string }) => a.id)).toEqual(graphArticles);
    const { status, body } = await getJson(`${server.url}/api/search?q=${encodeURIComponent("Khulaifi")}`);
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toMatch(/Khulaifi/);
  });

  it("removes the killed writer's temp file", async () => {
    expect((await readdir(corpus.dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
