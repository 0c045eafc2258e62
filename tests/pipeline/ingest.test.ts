import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, symlinkSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IngestError, loadArticles, parseArticle, normalizeText, readArticleFile } from "../../src/ingest/index.ts";
import { ARTICLES_DIR, rules } from "./helpers.ts";

const parse = (raw: string, format: "txt" | "md" | "html" = "txt") => parseArticle(raw, format, { id: "x", file: `x.${format}` }, rules.ingest);

describe("normalization", () => {
  it.each([
    ["“Quoted” ‘text’", "\"Quoted\" 'text'"],
    ["Kryvyy Rih—President", "Kryvyy Rih - President"],
    ["a\u00a0b  c\t d", "a b c d"],
    ["zero\u200bwidth", "zerowidth"],
  ])("%s", (input, expected) => expect(normalizeText(input)).toBe(expected));
});

describe("page furniture and credits", () => {
  it("drops furniture lines and everything after an end-of-article widget", () => {
    const a = parse("Subscribe Us\nRussia rejected the plan.\nRelated Posts:\nSome other story about Kyiv.\nLeave A Reply");
    expect(a.text).toBe("Russia rejected the plan.");
  });
  it.each([
    ["Anton Troianovski and Alan Rappeport contributed reporting.", ["Anton Troianovski", "Alan Rappeport"]],
    ["Reporting by Jane Doe and John Roe", ["Jane Doe", "John Roe"]],
    ["This article was written with the participation of Lydia Kelly from Melbourne", ["Lydia Kelly"]],
    ["Mara Quist contributed reporting from Geneva, Ole Brandt from Oslo.", ["Mara Quist"]],
  ])("keeps credits as metadata: %s", (line, names) => {
    const a = parse(`Russia rejected the plan.\n${line}`);
    expect(a.credits).toEqual(names);
    expect(a.text).toBe("Russia rejected the plan.");
  });
  it("drops an author box that repeats the byline, copyright lines and related-news lists", () => {
    const a = parse("Talks resume in Geneva\nby Mara Quist\nRussia rejected the plan.\nWire MediaMara Quist\nMara Quist\nCopyright 2025 Wire Media. All Rights Reserved\nRelated News:\nUkraine agreed.");
    expect(a.credits).toEqual(["Mara Quist"]);
    expect(a.text).toBe("Talks resume in Geneva\nRussia rejected the plan.");
  });
  it("drops the author's biography after the author box", () => {
    const a = parse("Talks resume in Geneva\nby Mara Quist\nRussia rejected the plan.\nMara Quist\nBorn in Oslo, Mara joined Wire Media in 2019 and covers Kyiv.\nUkraine agreed.");
    expect(a.text).toBe("Talks resume in Geneva\nRussia rejected the plan.\nUkraine agreed.");
  });
  it("cuts an agency photo credit out of its line", () => {
    const a = parse("Russia rejected the plan.\nMarch 19, 2023 | Share Wire/AP Photo/Ana Petrova");
    expect(a.text).toBe("Russia rejected the plan.\nMarch 19, 2023 | Share");
  });
  it("cuts a photo credit out of its caption", () => {
    const a = parse("Russia rejected the plan.\nFighters parade near Sanaa, Yemen (photo credit: WIRE/ALI HASSAN)");
    expect(a.text).toBe("Russia rejected the plan.\nFighters parade near Sanaa, Yemen");
  });
  it("treats a bare list of names near the top as a byline", () => {
    const a = parse("Headline about talks\nGuy Faulconbridge, Dmitry Antonov\nMoscow - The Kremlin said no.");
    expect(a.credits).toEqual(["Guy Faulconbridge", "Dmitry Antonov"]);
  });
});

describe("formats", () => {
  it("reads Markdown front matter", () => {
    const a = parse("---\ntitle: Talks resume\noutlet: Wire\npublished: 2025-04-01\n---\nRussia agreed to talks.", "md");
    expect([a.title, a.outlet, a.published, a.text]).toEqual(["Talks resume", "Wire", "2025-04-01", "Russia agreed to talks."]);
  });
  it("keeps only the text of HTML: no scripts, styles or navigation", () => {
    const a = parse("<html><head><title>T</title><style>p{}</style></head><body><nav>Home News</nav><script>alert(1)</script><article><h1>Head</h1><p>Russia agreed.</p><p>Ukraine too.</p></article><footer>(c)</footer></body></html>", "html");
    expect(a.title).toBe("T");
    expect(a.text).toBe("Head\nRussia agreed.\nUkraine too.");
  });
  it("refuses a bad published date", () => {
    expect(() => parse("---\npublished: March 3\n---\nText.", "md")).toThrow(IngestError);
  });
});

describe("files", () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-ingest-"));
  const write = (name: string, data: string | Uint8Array) => writeFileSync(join(dir, name), data);
  it.each([
    ["empty.txt", new Uint8Array(), /empty/],
    ["blank.txt", "  \n\t ", /whitespace/],
    ["image.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary/],
    ["latin1.txt", new Uint8Array([0x52, 0x75, 0xe9, 0x73]), /not valid UTF-8/],
  ])("refuses %s naming the file", async (name, data, reason) => {
    write(name, data);
    const err = await readArticleFile(dir, name, undefined, rules.ingest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).message).toContain(name);
    expect((err as IngestError).reason).toMatch(reason);
  });
  it("decodes UTF-16 with a byte-order mark", async () => {
    write("utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Russia agreed to talks.", "utf16le")]));
    expect((await readArticleFile(dir, "utf16.txt", undefined, rules.ingest)).text).toBe("Russia agreed to talks.");
  });
  it("refuses a symlink that points outside the articles folder", async () => {
    const outside = mkdtempSync(join(tmpdir(), "parley-outside-"));
    writeFileSync(join(outside, "secret.txt"), "Secret text.");
    mkdirSync(join(dir, "sub"), { recursive: true });
    symlinkSync(join(outside, "secret.txt"), join(dir, "link.txt"));
    await expect(readArticleFile(dir, "link.txt", undefined, rules.ingest)).rejects.toThrow(/outside the articles folder/);
  });
  it("loads the seed corpus with its manifest", async () => {
    const articles = await loadArticles(ARTICLES_DIR, rules.ingest);
    expect(articles.map((a) => a.id)).toHaveLength(5);
    expect(articles[0]!.published).toBe("2025-03-12");
    expect(articles.every((a) => !/Subscribe Us|Leave A Reply|Back to top/i.test(a.text))).toBe(true);
  });
  it("reads a manifest entry with null fields as unknown, with a warning, instead of refusing the corpus", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-null-date-"));
    writeFileSync(join(dir, "a.txt"), "Russia rejected the plan.");
    writeFileSync(join(dir, "b.txt"), "Ukraine backed the plan.");
    writeFileSync(join(dir, "manifest.json"), JSON.stringify([{ file: "a.txt", title: "A", published: null, outlet: null, url: null }, { file: "b.txt", published: "2025-03-12" }]));
    const warnings: string[] = [];
    const articles = await loadArticles(dir, rules.ingest, undefined, (w) => warnings.push(w));
    expect(articles.map((a) => [a.title, a.published, a.outlet])).toEqual([["A", null, null], ["Ukraine backed the plan.", "2025-03-12", null]]);
    expect(warnings).toEqual([expect.stringMatching(/^a\.txt: no publication date .*date unknown/)]);
  });
  it("still refuses a manifest date that is not YYYY-MM-DD, naming the entry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-bad-date-"));
    writeFileSync(join(dir, "a.txt"), "Russia rejected the plan.");
    writeFileSync(join(dir, "manifest.json"), JSON.stringify([{ file: "a.txt", published: "March 3" }]));
    await expect(loadArticles(dir, rules.ingest)).rejects.toThrow(/manifest\.json: entry 0\.published: published must be YYYY-MM-DD/);
  });
});
