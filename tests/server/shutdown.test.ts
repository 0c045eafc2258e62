/** Graceful shutdown: in-flight work finishes, new connections are refused, and `parley serve` exits 0 on SIGTERM. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { makeCorpus, serve, postJson, type Corpus } from "./harness.ts";

const BIN = fileURLToPath(new URL("../../bin/parley.mjs", import.meta.url));
let corpus: Corpus;

beforeAll(async () => {
  corpus = await makeCorpus();
});
afterAll(async () => {
  await corpus?.remove();
});

describe("graceful shutdown", () => {
  it("close() lets an in-flight ingest finish and persist, then refuses connections", async () => {
    const server = await serve(corpus);
    const url = server.url.replace("localhost", "127.0.0.1");
    const posting = postJson(`${url}/api/articles`, { title: "Late report", published: "2025-05-01", text: "Donald Trump met with Vladimir Putin in Helsinki." });
    await new Promise((r) => setTimeout(r, 20));
    const closed = server.close();
    const res = await posting;
    await closed;
    expect(res.status).toBe(201);
    const onDisk = JSON.parse(await readFile(corpus.graphFile, "utf8"));
    expect(onDisk.attributes.articles.map((a: any) => a.id)).toContain(res.body.article.id);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it("`parley serve` prints its URL, serves, and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, [BIN, "serve", "--graph", corpus.graphFile, "--articles", corpus.articlesDir, "--lexicon", corpus.lexiconDir, "--web", corpus.dir + "/no-web", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (c) => {
        stdout += c;
        const m = /(http:\/\/localhost:\d+)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const health = await fetch(url.replace("localhost", "127.0.0.1") + "/api/health");
    expect(health.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toContain("stopped");
    expect(stdout).toMatch(/GET \/api\/health 200/);
  });
});
