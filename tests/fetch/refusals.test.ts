/**
 * What fetchSource refuses, against a real local server: private addresses
 * (literal, by name, after a redirect), bad schemes, oversized and endless
 * bodies, wrong content types, silence and trickles, non-2xx answers. Every
 * refusal is a FetchError with a code and a message naming the URL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchSource, FetchError, type FetchOptions } from "../../src/ingest/fetch/index.ts";
import { ENDLESS_BYTES, startFixtureServer, type FixtureServer } from "./fixture-server.ts";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server?.close());

const allow = { allowPrivate: true };

async function refusal(url: string, options: FetchOptions = {}): Promise<FetchError> {
  const err = await fetchSource(url, options).then(
    (got) => {
      throw new Error(`expected a refusal, got ${got.kind}`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

/** Resolves "news.test" to the fixture server and "rebind.test" to another loopback address; only 127.0.0.1 is allowed. */
const simulatedDns: FetchOptions = {
  resolve: async (host) => {
    if (host === "news.test") return [{ address: "127.0.0.1", family: 4 }];
    if (host === "rebind.test") return [{ address: "127.0.0.2", family: 4 }];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  },
  allowAddress: (address) => address === "127.0.0.1",
};

describe("private addresses", () => {
  it.each([
    ["a 127.0.0.1 literal", () => `${server.origin}/article`],
    ["an IPv6 loopback literal", () => `http://[::1]:${server.port}/article`],
    ["an IPv4-mapped loopback literal", () => `http://[::ffff:127.0.0.1]:${server.port}/article`],
    ["a decimal 127.0.0.1", () => `http://2130706433:${server.port}/article`],
    ["0.0.0.0", () => `http://0.0.0.0:${server.port}/article`],
    ["localhost, which resolves to loopback", () => `http://localhost:${server.port}/article`],
  ])("refuses %s without allowPrivate, before any request", async (_what, url) => {
    const before = server.requests.length;
    const err = await refusal(url());
    expect(err.code).toBe("private_address");
    expect(err.message).toContain(new URL(url()).href);
    expect(err.message).toMatch(/loopback|unspecified/);
    expect(server.requests.length).toBe(before);
  });

  it("checks the address a name resolves to (custom resolver), and allows what the policy allows", async () => {
    const got = await fetchSource(`http://news.test:${server.port}/article`, simulatedDns);
    expect(got.kind).toBe("page");
    const err = await refusal(`http://rebind.test:${server.port}/article`, simulatedDns);
    expect(err.code).toBe("private_address");
    expect(err.message).toContain("rebind.test resolves to 127.0.0.2, a loopback address");
  });

  it.each([
    ["a name resolving to loopback", "/to-rebind", "rebind.test resolves to 127.0.0.2"],
    ["a loopback literal", "/to-loopback-literal", "127.0.0.2 is a loopback address"],
    ["an IPv6 loopback literal", "/to-ipv6-loopback", "::1 is a loopback address"],
  ])("refuses a redirect from an allowed URL to %s", async (_what, path, says) => {
    const err = await refusal(`http://news.test:${server.port}${path}`, simulatedDns);
    expect(err.code).toBe("private_address");
    expect(err.url).toBe(`http://news.test:${server.port}${path}`);
    expect(err.message).toContain(says);
    expect(err.message).toContain("reached by redirect");
    expect(server.requests.at(-1)!.path).toBe(path);
  });

  it("checks names on https too (TLS to a plain HTTP server fails after the checked lookup)", async () => {
    const err = await refusal(`https://news.test:${server.port}/article`, simulatedDns);
    expect(err.code).toBe("network");
    expect(err.message).toContain("TLS");
    expect((await refusal(`https://rebind.test:${server.port}/article`, simulatedDns)).code).toBe("private_address");
  });

  it("reports a host that does not resolve as a network error", async () => {
    const err = await refusal(`http://nowhere.test:${server.port}/`, simulatedDns);
    expect(err.code).toBe("network");
    expect(err.message).toContain("not found in DNS");
  });
});

describe("options", () => {
  it.each([{ timeoutMs: 0 }, { maxBytes: -1 }, { maxBytes: 1.5 }, { maxRedirects: -1 }, { userAgent: "" }, { userAgent: "a\r\nX-Evil: 1" }, { etag: "a\nb" }])("refuses %j", async (options) => {
    await expect(fetchSource(`${server.origin}/article`, { ...allow, ...options })).rejects.toThrow(TypeError);
  });
});

describe("URLs", () => {
  it.each(["file:///etc/passwd", "data:text/html,<p>hi</p>", "ftp://example.com/feed.xml", "javascript:alert(1)", "not a url", "/relative/path", "", "http://user:pw@example.com/"])(
    "refuses %j as bad_url",
    async (url) => {
      expect((await refusal(url, allow)).code).toBe("bad_url");
    },
  );

  it("refuses a redirect to another scheme", async () => {
    const err = await refusal(`${server.origin}/to-file`, allow);
    expect(err.code).toBe("bad_url");
    expect(err.message).toContain("file:");
  });
});

describe("sizes", () => {
  it("refuses a declared Content-Length over maxBytes", async () => {
    const err = await refusal(`${server.origin}/big-declared`, { ...allow, maxBytes: 1024 * 1024 });
    expect(err.code).toBe("too_large");
    expect(err.message).toMatch(/2\.0 MB \(Content-Length\), more than the 1\.0 MB limit/);
  });

  it("stops reading a chunked body as soon as it passes maxBytes", async () => {
    const err = await refusal(`${server.origin}/endless`, { ...allow, maxBytes: 256 * 1024 });
    expect(err.code).toBe("too_large");
    expect(err.message).toContain(`${server.origin}/endless`);
    await server.endless.closed;
    // The server saw the connection go away long before it wrote everything.
    expect(server.endless.written).toBeLessThan(ENDLESS_BYTES / 10);
  });

  it("counts decompressed bytes (a small gzip of 16 MB)", async () => {
    expect((await refusal(`${server.origin}/gzip-bomb`, { ...allow, maxBytes: 1024 * 1024 })).code).toBe("too_large");
  });
});

describe("content types and statuses", () => {
  it.each([
    ["/image.png", "image/png"],
    ["/report.pdf", "application/pdf"],
    ["/blob", "application/octet-stream"],
  ])("refuses %s (%s) naming the URL and the type", async (path, type) => {
    const err = await refusal(`${server.origin}${path}`, allow);
    expect(err.code).toBe("unsupported_type");
    expect(err.contentType).toBe(type);
    expect(err.message).toContain(`${server.origin}${path}`);
    expect(err.message).toContain(type);
  });

  it.each([
    ["/missing", 404],
    ["/broken-server", 500],
  ])("refuses %s answered %i", async (path, status) => {
    const err = await refusal(`${server.origin}${path}`, allow);
    expect(err).toMatchObject({ code: "http_status", status });
    expect(err.message).toContain(`HTTP ${status}`);
  });

  it("is exposed to the user as an IngestError naming the URL", async () => {
    const err = await refusal(`${server.origin}/missing`, allow);
    expect(err.expose).toBe(true);
    expect(err.source).toBe(`${server.origin}/missing`);
    expect(err.message.startsWith(`${server.origin}/missing: `)).toBe(true);
  });
});

describe("time", () => {
  it("gives up on a server that never answers", async () => {
    const started = Date.now();
    const err = await refusal(`${server.origin}/silent`, { ...allow, timeoutMs: 400 });
    expect(err.code).toBe("timeout");
    expect(err.message).toContain("0.4 s");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("gives up on a body that trickles in: the budget covers the whole response", async () => {
    const started = Date.now();
    const err = await refusal(`${server.origin}/trickle`, { ...allow, timeoutMs: 400 });
    expect(err.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("passes the caller's abort through as it is", async () => {
    const reason = new Error("shutting down");
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 50);
    await expect(fetchSource(`${server.origin}/silent`, { ...allow, signal: controller.signal })).rejects.toBe(reason);
  });
});
