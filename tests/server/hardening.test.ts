/** Security and protocol behaviour: headers, unknown routes, prototype pollution, traversal, logging. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "node:http";
import { makeCorpus, serve, getJson, expectCleanError, type Corpus } from "./harness.ts";
import type { RunningServer } from "../../src/server/index.ts";

let corpus: Corpus;
let server: RunningServer;
let url: string;
const lines: string[] = [];

beforeAll(async () => {
  corpus = await makeCorpus();
  server = await serve(corpus, { log: (l) => lines.push(l) });
  url = server.url.replace("localhost", "127.0.0.1");
});
afterAll(async () => {
  await server?.close();
  await corpus?.remove();
});

/** Sends a raw path without the client normalizing it away. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c) => (body += c)).on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject).end();
  });
}

describe("hardening", () => {
  it("sends data-only security headers on API answers, errors included, and no x-powered-by", async () => {
    for (const path of ["/api/health", "/api/nope", "/api/search?q=putin"]) {
      const res = await fetch(`${url}${path}`);
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-powered-by")).toBeNull();
    }
  });

  it("sends helmet's headers with a CSP fit for the web app outside /api", async () => {
    const res = await fetch(`${url}/explore`);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it.each([["GET", "/api/nope"], ["DELETE", "/api/articles"], ["GET", "/api"]])("%s %s is a JSON 404", async (method, path) => {
    const { status, body } = await getJson(`${url}${path}`, { method });
    expect(status).toBe(404);
    expectCleanError(body);
  });

  it("?a[__proto__][x]=1 is harmless", async () => {
    for (const path of ["/api/search?q=putin&a[__proto__][x]=1", "/api/path?from=a&to=b&__proto__[polluted]=1&constructor[prototype][polluted]=1", "/api/export?format=json&__proto__=x"]) {
      const res = await getJson(`${url}${path}`);
      expect(res.status).toBeLessThan(500);
    }
    expect(({} as any).x).toBeUndefined();
    expect(({} as any).polluted).toBeUndefined();
    const ok = await getJson(`${url}/api/health`);
    expect(ok.status).toBe(200);
  });

  it.each(["/..%2f..%2fpackage.json", "/..%2fgraph.json", "/assets/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/..%5c..%5cpackage.json"])("refuses traversal %s", async (path) => {
    const { status, body } = await rawGet(path);
    expect([400, 403, 404]).toContain(status);
    expect(body).not.toContain('"name": "parley"');
    expect(body).not.toContain("root:");
  });

  it("never answers a stack trace, even for a server error", async () => {
    const { status, body } = await getJson(`${url}/api/nodes/%E0%A4%A`);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expectCleanError(body);
  });

  it("logs one line per request", async () => {
    const before = lines.length;
    await getJson(`${url}/api/health`);
    await getJson(`${url}/api/nope`);
    await new Promise((r) => setTimeout(r, 50));
    const mine = lines.slice(before);
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatch(/^GET \/api\/health 200 [\d.]+ms/);
    expect(mine[1]).toMatch(/^GET \/api\/nope 404 /);
  });
});
