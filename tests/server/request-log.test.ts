/**
 * The request log: one line per request with method, path, status, duration and
 * bytes; off with `requestLog: false` (`parley serve --quiet`), while
 * unexpected errors are still logged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCorpus, serve, spawnServe, type Corpus } from "./harness.ts";

let corpus: Corpus;

beforeAll(async () => {
  corpus = await makeCorpus();
});
afterAll(async () => {
  await corpus?.remove();
});

/** Waits until the server's "close" handlers ran: the log line is written when the response is done. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("request log", () => {
  it("writes one line per request: method, path, status, milliseconds, bytes", async () => {
    const lines: string[] = [];
    const server = await serve(corpus, { log: (l) => lines.push(l) });
    try {
      const base = server.url.replace("localhost", "127.0.0.1");
      await (await fetch(`${base}/api/health`)).text();
      await (await fetch(`${base}/api/nodes/nobody-at-all`)).text();
      await settle();
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^GET \/api\/health 200 \d+\.\dms \d+$/);
      expect(lines[1]).toMatch(/^GET \/api\/nodes\/nobody-at-all 404 \d+\.\dms \d+$/);
    } finally {
      await server.close();
    }
  });

  it("is off with requestLog: false, and an unexpected error is still logged", async () => {
    const lines: string[] = [];
    const server = await serve(corpus, { log: (l) => lines.push(l), requestLog: false });
    try {
      const base = server.url.replace("localhost", "127.0.0.1");
      await (await fetch(`${base}/api/health`)).text();
      // An unexpected failure inside a route: the state's engine breaks for one search.
      const engine = server.state.engine;
      server.state.engine = { ...engine, search: () => { throw new Error("engine exploded"); } };
      const res = await fetch(`${base}/api/search?q=abc`);
      server.state.engine = engine;
      expect(res.status).toBe(500);
      await settle();
      expect(lines.filter((l) => l.startsWith("GET "))).toEqual([]);
      expect(lines.some((l) => l.includes("engine exploded"))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("parley serve --quiet prints no request lines", async () => {
    const served = await spawnServe(corpus, ["--quiet"]);
    try {
      await (await fetch(`${served.url}/api/health`)).text();
      await settle();
      served.child.kill("SIGTERM");
      expect(await served.exited).toBe(0);
      const { stdout } = served.output();
      expect(stdout).toContain("Parley is serving");
      expect(stdout).not.toContain("/api/health");
    } finally {
      if (served.child.exitCode === null) served.child.kill("SIGKILL");
    }
  });
});
