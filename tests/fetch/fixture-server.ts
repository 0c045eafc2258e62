/**
 * A real HTTP server on 127.0.0.1, port 0, for the fetch tests: fixture pages
 * and feeds, redirects, conditional GETs, and misbehaving answers (oversized,
 * endless, silent, trickling, wrong type). Each request is logged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const FIXTURES = new URL("../fixtures/feeds/", import.meta.url);
export const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), "utf8");

export const FEED_ETAG = '"ledger-world-v7"';
export const FEED_LAST_MODIFIED = "Fri, 18 Apr 2025 08:00:00 GMT";
/** How many bytes /endless would send if nobody stopped reading. */
export const ENDLESS_BYTES = 200 * 1024 * 1024;

export interface LoggedRequest {
  path: string;
  headers: IncomingMessage["headers"];
}

export interface FixtureServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  port: number;
  requests: LoggedRequest[];
  /** Bytes /endless wrote before its client went away, once it has. */
  endless: { written: number; closed: Promise<void> };
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, server: FixtureServer) => void;

const send = (type: string | null, body: string | Buffer, extra: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(200, { ...(type ? { "content-type": type } : {}), ...extra });
  res.end(body);
};
const redirect = (status: number, location: string | ((s: FixtureServer) => string)): Handler => (_req, res, s) => {
  res.writeHead(status, { location: typeof location === "string" ? location : location(s) });
  res.end();
};

const tinyPng = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const latin1Page = (declareIn: "header" | "meta") =>
  Buffer.from(
    fixture("article.html")
      .replace('<meta charset="utf-8">', declareIn === "meta" ? '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' : "")
      .replaceAll("Port Alden", "Port Ald\u00e9n café"),
    "latin1",
  );

const ROUTES: Record<string, Handler> = {
  "/article": send("text/html; charset=utf-8", fixture("article.html")),
  "/article-gzip": send("text/html; charset=utf-8", gzipSync(fixture("article.html")), { "content-encoding": "gzip" }),
  "/article-latin1": send("text/html; charset=windows-1252", latin1Page("header")),
  "/article-meta-charset": send("text/html", latin1Page("meta")),
  // The optional <html>, <head> and <body> tags left out, as minified pages do.
  "/minified": send("text/html; charset=utf-8", fixture("article.html").replace(/<\/?(html|head|body)\b[^>]*>/g, "")),
  "/sign-in": send("text/html; charset=utf-8", fixture("index-page.html")),
  "/deep": send("text/html", `<html><body>${"<div>".repeat(300)}deep${"</div>".repeat(300)}</body></html>`),
  "/feeds/world.rss": send("application/rss+xml; charset=utf-8", fixture("rss.xml")),
  "/feeds/desk/atom.xml": send("application/atom+xml", fixture("atom.xml")),
  "/feeds/as-html": send("text/html; charset=utf-8", fixture("rss.xml")),
  "/feeds/untyped": send(null, fixture("atom.xml")),
  "/feeds/broken": send("application/rss+xml", "<rss><channel><title>cut off"),
  "/sitemap.xml": send("application/xml", '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a</loc></url></urlset>'),
  "/feeds/conditional": (req, res) => {
    if (req.headers["if-none-match"] === FEED_ETAG || req.headers["if-modified-since"] === FEED_LAST_MODIFIED) {
      res.writeHead(304, { etag: FEED_ETAG });
      return res.end();
    }
    res.writeHead(200, { "content-type": "application/rss+xml", etag: FEED_ETAG, "last-modified": FEED_LAST_MODIFIED });
    res.end(fixture("rss.xml"));
  },
  "/image.png": send("image/png", tinyPng),
  "/report.pdf": send("application/pdf", "%PDF-1.7\n%\u00e2\u00e3\n"),
  "/blob": send("application/octet-stream", Buffer.alloc(64, 7)),
  "/missing": (_req, res) => {
    res.writeHead(404, { "content-type": "text/html" });
    res.end("<h1>Not found</h1>");
  },
  "/broken-server": (_req, res) => {
    res.writeHead(500, { "content-type": "text/html" });
    res.end("<h1>Internal error</h1>");
  },
  "/unasked-304": (_req, res) => {
    res.writeHead(304);
    res.end();
  },
  "/moved": redirect(301, "/article"),
  "/hop/1": redirect(302, "/hop/2"),
  "/hop/2": redirect(307, "/hop/3"),
  "/hop/3": redirect(308, "/article"),
  "/loop": redirect(302, "/loop"),
  "/to-file": redirect(302, "file:///etc/passwd"),
  "/to-loopback-literal": redirect(302, (s) => `http://127.0.0.2:${s.port}/article`),
  "/to-ipv6-loopback": redirect(302, (s) => `http://[::1]:${s.port}/article`),
  "/to-rebind": redirect(302, (s) => `http://rebind.test:${s.port}/article`),
  "/big-declared": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(2 * 1024 * 1024) });
    res.end(Buffer.alloc(2 * 1024 * 1024, 0x20));
  },
  "/gzip-bomb": send("text/html", gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20)), { "content-encoding": "gzip" }),
  "/endless": (_req, res, s) => {
    res.writeHead(200, { "content-type": "text/html" }); // no Content-Length: chunked
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let resolveClosed!: () => void;
    s.endless.closed = new Promise((r) => (resolveClosed = r));
    res.on("close", () => resolveClosed());
    const pump = () => {
      while (!res.destroyed && s.endless.written < ENDLESS_BYTES) {
        s.endless.written += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  },
  "/silent": () => {
    /* never answers */
  },
  "/trickle": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body><p>");
    const timer = setInterval(() => res.write("."), 50);
    res.on("close", () => clearInterval(timer));
  },
};

export async function startFixtureServer(): Promise<FixtureServer> {
  const server = createServer();
  const state: FixtureServer = {
    origin: "",
    port: 0,
    requests: [],
    endless: { written: 0, closed: Promise.resolve() },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on("request", (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    state.requests.push({ path, headers: req.headers });
    const route = ROUTES[path];
    if (route) return route(req, res, state);
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${state.port}`;
  return state;
}
