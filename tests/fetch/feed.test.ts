/** RSS and Atom feeds from a real local server: items with absolute URLs, sniffing, conditional GET. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchSource, FetchError, type FetchedFeed } from "../../src/ingest/fetch/index.ts";
import { FEED_ETAG, FEED_LAST_MODIFIED, startFixtureServer, type FixtureServer } from "./fixture-server.ts";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server?.close());

const allow = { allowPrivate: true };

async function feed(path: string, options = {}): Promise<FetchedFeed> {
  const got = await fetchSource(`${server.origin}${path}`, { ...allow, ...options });
  expect(got.kind).toBe("feed");
  return got as FetchedFeed;
}

describe("fetchSource: feeds", () => {
  it("reads an RSS 2.0 feed, resolving relative links against the feed URL and leaving out items without a link", async () => {
    const got = await feed("/feeds/world.rss");
    expect(got.title).toBe("The Harbor Ledger: World");
    expect(got.items).toEqual([
      { url: `${server.origin}/world/2025/04/17/lowland-water-talks`, title: "Mediators propose a ninety-day truce in the Lowland water talks", published: "2025-04-18", guid: "ledger-2025-0417-water" },
      { url: `${server.origin}/feeds/business/ferry-talks.html?utm_source=rss`, title: "Ferry unions and port operators agree to resume wage talks", published: "2025-04-16", guid: "ledger-2025-0416-ferry" },
      { url: "https://elsewhere.example/fisheries-accord", title: "Northern cantons sign a fisheries accord", published: "2025-04-15", guid: null },
    ]);
  });

  it("reads an Atom feed: alternate links, ids, published else updated", async () => {
    const got = await feed("/feeds/desk/atom.xml");
    expect(got.title).toBe("Ledger Negotiations Desk");
    expect(got.items).toEqual([
      { url: `${server.origin}/world/2025/04/18/osmark-studies-truce`, title: "Osmark studies the truce text", published: "2025-04-18", guid: "urn:uuid:0b7d4a52-7a3e-4c61-8a0f-1e2d3c4b5a61" },
      { url: `${server.origin}/feeds/desk/desk/technical-teams`, title: "Technical teams to join the water talks", published: "2025-04-17", guid: "urn:uuid:9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b62" },
    ]);
  });

  it("recognizes a feed by its root element when served as text/html or without a content type", async () => {
    expect((await feed("/feeds/as-html")).items).toHaveLength(3);
    expect((await feed("/feeds/untyped")).items).toHaveLength(2);
  });

  it("refuses XML that is not a feed, and a broken feed", async () => {
    const err = await fetchSource(`${server.origin}/sitemap.xml`, allow).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ code: "unsupported_type", contentType: "application/xml" });
    expect(err.message).toContain("<urlset>");
    await expect(fetchSource(`${server.origin}/feeds/broken`, allow)).rejects.toMatchObject({ code: "invalid_feed" });
  });

  it("returns the validators, and not-modified when they are sent back (If-None-Match)", async () => {
    const first = await feed("/feeds/conditional");
    expect(first).toMatchObject({ etag: FEED_ETAG, lastModified: FEED_LAST_MODIFIED });
    const again = await fetchSource(`${server.origin}/feeds/conditional`, { ...allow, etag: first.etag });
    expect(again).toEqual({ kind: "not-modified", finalUrl: `${server.origin}/feeds/conditional` });
    expect(server.requests.at(-1)!.headers["if-none-match"]).toBe(FEED_ETAG);
  });

  it("sends If-Modified-Since from lastModified", async () => {
    const again = await fetchSource(`${server.origin}/feeds/conditional`, { ...allow, lastModified: FEED_LAST_MODIFIED });
    expect(again.kind).toBe("not-modified");
    expect(server.requests.at(-1)!.headers["if-modified-since"]).toBe(FEED_LAST_MODIFIED);
    // A stale validator gets the full feed.
    expect((await fetchSource(`${server.origin}/feeds/conditional`, { ...allow, etag: '"old"' })).kind).toBe("feed");
  });

  it("treats a 304 nobody asked for as an HTTP status error", async () => {
    await expect(fetchSource(`${server.origin}/unasked-304`, allow)).rejects.toMatchObject({ code: "http_status", status: 304 });
  });
});
