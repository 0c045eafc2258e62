/** Article pages from a real local server: readability's story, the page's metadata, charsets, redirects. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchSource, hashArticleText, FetchError, type FetchedPage } from "../../src/ingest/fetch/index.ts";
import { htmlToText, normalizeText } from "../../src/ingest/index.ts";
import { validateArticleInput } from "../../src/pipeline/article-input.ts";
import { startFixtureServer, type FixtureServer } from "./fixture-server.ts";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server?.close());

const allow = { allowPrivate: true };

async function page(path: string): Promise<FetchedPage> {
  const got = await fetchSource(`${server.origin}${path}`, allow);
  expect(got.kind).toBe("page");
  return got as FetchedPage;
}

describe("fetchSource: article pages", () => {
  it("gives the story's title, date, outlet, canonical URL and text without the page furniture", async () => {
    const got = await page("/article");
    expect(got.finalUrl).toBe(`${server.origin}/article`);
    expect(got.article).toMatchObject({
      title: "Mediators propose a ninety-day truce in the Lowland water talks",
      published: "2025-04-17",
      outlet: "The Harbor Ledger",
      url: `${server.origin}/world/2025/04/17/lowland-water-talks`,
    });
    expect(got.text).toContain("Mediators from the Coastal Union on Thursday put forward a ninety-day truce");
    expect(got.text).toContain('"We are not asking either side to give up its claims," said Anselm Verhoek');
    expect(got.text).toContain("expected to resume next week with technical teams");
    for (const furniture of ["Subscribe today", "Sport", "Most read", "Ferry strike", "Privacy policy", "All rights reserved", "dataLayer"]) {
      expect(got.text).not.toContain(furniture);
    }
    // Links in the cleaned HTML are absolute.
    expect(got.article.html).toContain(`href="${server.origin}/world/2025/04/10/reservoir-levels"`);
  });

  it("hashes exactly the text it reports, the text the pipeline keeps from the html", async () => {
    const got = await page("/article");
    expect(got.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(got.contentHash).toBe(hashArticleText(got.text));
    expect(got.text).toBe(normalizeText(htmlToText(got.article.html).text));
    // Same story through a redirect, gzip or another charset: same hash.
    expect((await page("/moved")).contentHash).toBe(got.contentHash);
    expect((await page("/article-gzip")).contentHash).toBe(got.contentHash);
  });

  it("is a valid ArticleInput for the pipeline", async () => {
    const got = await page("/article");
    expect(validateArticleInput(got.article)).toEqual(got.article);
  });

  it("reads a page that leaves out the optional <html>, <head> and <body> tags", async () => {
    const got = await page("/minified");
    expect(got.article).toMatchObject({ title: "Mediators propose a ninety-day truce in the Lowland water talks", published: "2025-04-17", outlet: "The Harbor Ledger" });
    expect(got.contentHash).toBe((await page("/article")).contentHash);
  });

  it.each(["/article-latin1", "/article-meta-charset"])("decodes a windows-1252 page (%s)", async (path) => {
    const got = await page(path);
    expect(got.text).toContain("The talks, hosted by the city of Port Aldén café, are expected");
  });

  it("follows redirects (301, 302, 307, 308) and reports the final URL", async () => {
    const got = await page("/hop/1");
    expect(got.finalUrl).toBe(`${server.origin}/article`);
    expect(got.article.title).toMatch(/^Mediators propose/);
  });

  it("refuses more redirects than maxRedirects", async () => {
    await expect(fetchSource(`${server.origin}/hop/1`, { ...allow, maxRedirects: 2 })).rejects.toMatchObject({ code: "too_many_redirects" });
    const err = await fetchSource(`${server.origin}/loop`, allow).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.code).toBe("too_many_redirects");
    expect(err.message).toContain(`${server.origin}/loop`);
    expect(server.requests.filter((r) => r.path === "/loop").length).toBe(6);
  });

  it("sends an honest User-Agent", async () => {
    await page("/article");
    expect(server.requests.at(-1)!.headers["user-agent"]).toMatch(/^Parley\//);
    await fetchSource(`${server.origin}/article`, { ...allow, userAgent: "ParleyTest/1" });
    expect(server.requests.at(-1)!.headers["user-agent"]).toBe("ParleyTest/1");
  });

  it("refuses a page without an article, and one nested too deep, as not_an_article", async () => {
    const err = await fetchSource(`${server.origin}/sign-in`, allow).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.code).toBe("not_an_article");
    expect(err.message).toContain(`${server.origin}/sign-in`);
    await expect(fetchSource(`${server.origin}/deep`, allow)).rejects.toMatchObject({ code: "not_an_article" });
  });
});
