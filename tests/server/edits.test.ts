/**
 * Curation through the API on a real server and store: edits answer once the
 * graph has them, hold across a restart and a rebuild, apply to articles that
 * arrive later, report what no longer applies, and undo; every mutating route
 * wants the write key (and changes nothing without it); the page learns of
 * edits by server-sent events; `parley edit` beside a running server is taken in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { makeCorpus, serve, getJson, postJson, expectCleanError, TEST_WRITE_KEY, type Corpus } from "./harness.ts";
import type { RunningServer } from "../../src/server/index.ts";
import { loadWriteKey } from "../../src/server/write-key.ts";

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

const edit = (body: unknown) => postJson(`${url}/api/edits`, body);
const labels = async () => ((await getJson(`${url}/api/graph`)).body.nodes as Array<{ attributes: { label: string } }>).map((n) => n.attributes.label);
const log = async (query = "") => (await getJson(`${url}/api/edits${query}`)).body.edits as Array<{ id: number; op: string; status: string; problem: string | null; summary: string; reason: string }>;

/** Every file of the data folder (store, WAL, graph, articles) by content hash; not SQLite's -shm, a memory-mapped index of the WAL that readers update. */
function dataDigest(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (!p.endsWith("-shm")) out[p] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(corpus.dir);
  return out;
}

describe("write key", () => {
  const routes: Array<[string, unknown]> = [
    ["/api/articles", { title: "Keyless", text: "Marco Rubio met Sergei Lavrov in Riyadh." }],
    ["/api/edits", { op: "merge", from: "White Home", into: "White House" }],
    ["/api/edits/1/undo", {}],
  ];
  it.each(routes)("POST %s answers 401 without the key and with a wrong one, and changes nothing", async (path, body) => {
    // The store's background extraction of the seed articles writes too; the digest is taken once it is done.
    await server.state.live.idle();
    const before = dataDigest();
    const order = server.state.graph.order;
    for (const authorization of [undefined, "Bearer not-the-key", `Bearer ${TEST_WRITE_KEY}x`, TEST_WRITE_KEY]) {
      const res = await getJson(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
      expect(res.status, String(authorization)).toBe(401);
      expectCleanError(res.body);
      expect(res.body.error.code).toBe("unauthorized");
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(dataDigest()).toEqual(before);
    expect(server.state.graph.order).toBe(order);
  });

  it("GET /api/session says whether the key presented may write", async () => {
    expect((await getJson(`${url}/api/session`)).body).toEqual({ writable: false });
    expect((await getJson(`${url}/api/session`, { headers: { authorization: `Bearer ${TEST_WRITE_KEY}` } })).body).toEqual({ writable: true });
  });

  it("is generated once with mode 0600 when none is given, and read back after", () => {
    const graphFile = join(corpus.dir, "elsewhere", "graph.json");
    mkdirSync(join(corpus.dir, "elsewhere"));
    const first = loadWriteKey(graphFile, undefined, {});
    expect(first.source).toBe("generated");
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const again = loadWriteKey(graphFile, undefined, {});
    expect(again).toEqual({ ...first, source: "file" });
    expect(loadWriteKey(graphFile, undefined, { PARLEY_WRITE_KEY: "from-the-environment" }).key).toBe("from-the-environment");
    expect(() => loadWriteKey(graphFile, "short", {})).toThrow(/8 characters/);
  });
});

describe("POST /api/edits", () => {
  it("merges White Home into White House: the graph answers without it, the log lists it", async () => {
    expect(await labels()).toContain("White Home");
    const res = await edit({ op: "merge", from: "White Home", into: "White House", reason: "a typo of the wire copy", author: "analyst" });
    expect(res.status).toBe(201);
    expect(res.body.edit).toMatchObject({ op: "merge", status: "applied", problem: null, author: "analyst", reason: "a typo of the wire copy", params: { from: "White Home", into: "White House" } });
    expect(res.body.edit.against.nodes).toEqual({ from: "white-home", into: "white-house" });
    expect(await labels()).not.toContain("White Home");
    const node = (await getJson(`${url}/api/nodes/white-house`)).body;
    expect(JSON.stringify(node)).toContain("White Home");
    expect((await log())[0]).toMatchObject({ id: res.body.edit.id, status: "applied", summary: 'merge "White Home" into "White House"' });
  });

  it("applies that merge to an article posted after it", async () => {
    const res = await postJson(`${url}/api/articles?wait=graph`, { title: "Later report", published: "2025-04-02", text: "The White Home said on Tuesday that Marco Rubio met Sergei Lavrov in Riyadh." });
    expect(res.status).toBe(201);
    expect(await labels()).not.toContain("White Home");
    const house = server.state.graph.getNodeAttributes("white-house");
    expect(house.articles).toContain(res.body.article.id);
  });

  it("refuses bad edits clearly and records none of them", async () => {
    const count = (await log()).length;
    const cases: Array<[unknown, number, string]> = [
      [{ op: "merge", from: "Nobody Anyone Knows", into: "White House" }, 404, "unknown_name"],
      [{ op: "explode", entity: "White House" }, 400, "invalid_edit"],
      [{ op: "rename", entity: "White House" }, 400, "invalid_edit"],
      [{ op: "retype", entity: "White House", type: "planet" }, 400, "invalid_edit"],
      [{ op: "merge", from: "White House", into: "the White House" }, 400, "invalid_edit"],
      [{ op: "add-edge", source: "Donald Trump", type: "criticized", target: "Volodymyr Zelensky", quote: "words nobody ever wrote" }, 400, "invalid_edit"],
      [{ op: "reject-evidence", source: "Donald Trump", type: "criticized", target: "White House", article: "000_6a1f25270c984aca", sentenceIndex: 0 }, 422, "edit_not_applicable"],
      [{ op: "undo", target: 9999 }, 422, "edit_not_applicable"],
    ];
    for (const [body, status, code] of cases) {
      const res = await edit(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expectCleanError(res.body);
      expect(res.body.error.code).toBe(code);
    }
    expect((await log()).length).toBe(count);
  });

  it("shows an edit whose sentence disappeared as not applied, with the reason", async () => {
    const posted = await postJson(`${url}/api/articles?wait=graph`, { title: "Short note", published: "2025-04-03", text: "Marco Rubio criticized Sergei Lavrov sharply in a short note." });
    const id = posted.body.article.id;
    const added = await edit({ op: "add-edge", source: "Sergei Lavrov", type: "criticized", target: "Marco Rubio", quote: "criticized Sergei Lavrov sharply", article: id });
    expect(added.status).toBe(201);
    expect(added.body.edit.status).toBe("applied");
    const deleted = await edit({ op: "delete-article", article: id, reason: "posted by mistake" });
    expect(deleted.body.edit.status).toBe("applied");
    expect(server.state.articles.some((a) => a.id === id)).toBe(false);
    const entry = (await log()).find((e) => e.id === added.body.edit.id)!;
    expect(entry.status).toBe("not-applied");
    expect(entry.problem).toContain(id);
    expect((await log("?status=not-applied")).map((e) => e.id)).toEqual([added.body.edit.id]);
  });

  it("undoes an edit (it is back), refuses a second undo, and sends server-sent events", async () => {
    const stream = await fetch(`${url}/api/events`);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();
    let seen = "";
    const events = (async () => {
      const decoder = new TextDecoder();
      while (!seen.includes("event: edit")) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += decoder.decode(value);
      }
    })();
    const merge = (await log("?op=merge"))[0]!;
    const undo = await postJson(`${url}/api/edits/${merge.id}/undo`, { reason: "wrong call" });
    expect(undo.status).toBe(201);
    expect(undo.body.edit).toMatchObject({ op: "undo", status: "applied", params: { target: merge.id } });
    expect(await labels()).toContain("White Home");
    expect((await log()).find((e) => e.id === merge.id)!.status).toBe("undone");
    expect((await postJson(`${url}/api/edits/${merge.id}/undo`, {})).status).toBe(422);
    await events;
    await reader.cancel();
    expect(seen).toContain("event: graph");
    expect(seen).toContain(`"summary":"undo edit #${merge.id}"`);
    // Redo: undo the undo.
    expect((await postJson(`${url}/api/edits/${undo.body.edit.id}/undo`, {})).body.edit.status).toBe("applied");
    expect(await labels()).not.toContain("White Home");
  });

  it("keeps every edit across a restart and a rebuild from the articles", async () => {
    const rename = await edit({ op: "rename", entity: "Related Press", label: "Associated Press wire" });
    expect(rename.body.edit.status).toBe("applied");
    const before = await log();
    await server.close();
    server = await serve(corpus);
    url = server.url.replace("localhost", "127.0.0.1");
    expect(await labels()).toContain("Associated Press wire");
    expect(await labels()).not.toContain("White Home");
    expect((await log()).map((e) => [e.id, e.status])).toEqual(before.map((e) => [e.id, e.status]));
    await server.close();
    const built = spawnSync(process.execPath, ["bin/parley.mjs", "build", "--out", corpus.graphFile, "--articles", corpus.articlesDir, "--lexicon", corpus.lexiconDir], { encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/curation: \d+ edit\(s\) applied, 1 not applied/);
    const file = JSON.parse(readFileSync(corpus.graphFile, "utf8")) as { nodes: Array<{ attributes: { label: string } }> };
    expect(file.nodes.map((n) => n.attributes.label)).toContain("Associated Press wire");
    expect(file.nodes.map((n) => n.attributes.label)).not.toContain("White Home");
    server = await serve(corpus);
    url = server.url.replace("localhost", "127.0.0.1");
  });

  it("takes in an edit made with parley edit beside the running server", async () => {
    const cli = spawnSync(process.execPath, ["bin/parley.mjs", "edit", "delete-entity", "Sudzha", "--reason", "test", "--graph", corpus.graphFile, "--articles", corpus.articlesDir, "--lexicon", corpus.lexiconDir], { encoding: "utf8" });
    expect(cli.status, cli.stderr).toBe(0);
    const deadline = Date.now() + 10_000;
    while ((await labels()).includes("Sudzha") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await labels()).not.toContain("Sudzha");
    expect((await log())[0]).toMatchObject({ op: "delete-entity", status: "applied", reason: "test" });
  });

  it("limits writes per client", async () => {
    const limited = await serve(corpus, { writeRate: { limit: 2, windowMs: 60_000 } });
    try {
      const at = limited.server.address() as { port: number };
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await postJson(`http://127.0.0.1:${at.port}/api/edits`, { op: "explode" })).status);
      expect(statuses).toEqual([400, 400, 429]);
    } finally {
      await limited.close();
    }
  });
});
