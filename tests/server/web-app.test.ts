/** The built web app is served at / with SPA fallback; without it, / says how to build it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeCorpus, serve, getJson, type Corpus } from "./harness.ts";
import type { RunningServer } from "../../src/server/index.ts";

let corpus: Corpus;
let webDir: string;
let server: RunningServer;
let bare: RunningServer;
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-1234.js"></script></head><body>parley-app</body></html>';

beforeAll(async () => {
  corpus = await makeCorpus();
  webDir = await mkdtemp(join(tmpdir(), "parley-web-"));
  await mkdir(join(webDir, "assets"));
  await writeFile(join(webDir, "index.html"), INDEX);
  await writeFile(join(webDir, "assets", "app-1234.js"), "console.log('parley');\n");
  server = await serve(corpus, { webDir });
  bare = await serve(corpus, { webDir: join(webDir, "missing") });
});
afterAll(async () => {
  await server?.close();
  await bare?.close();
  await corpus?.remove();
  await rm(webDir, { recursive: true, force: true });
});

describe("web app", () => {
  it.each(["/", "/explore", "/node/vladimir-putin"])("GET %s serves index.html", async (path) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await res.text()).toBe(INDEX);
  });

  it("serves hashed assets with a long cache", async () => {
    const res = await fetch(`${server.url}/assets/app-1234.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cache-control")).toContain("immutable");
  });

  it("a missing asset is a 404, not index.html", async () => {
    const { status, body } = await getJson(`${server.url}/assets/nope-999.js`);
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("API routes are never swallowed by the fallback", async () => {
    const { status, body } = await getJson(`${server.url}/api/unknown`);
    expect(status).toBe(404);
    expect(body.error).toBeDefined();
  });

  it("without a built app, / explains how to build it", async () => {
    const res = await fetch(`${bare.url}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("vite build");
    expect((await getJson(`${bare.url}/api/health`)).status).toBe(200);
  });
});
