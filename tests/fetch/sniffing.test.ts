/** Content-type kinds, root-element sniffing, charsets and dates, as tables. */
import { describe, expect, it } from "vitest";
import { declaredKind, decideKind, parseMediaType, rootElement } from "../../src/ingest/fetch/content-kind.ts";
import { decodeBody } from "../../src/ingest/fetch/charset.ts";
import { toIsoDate } from "../../src/ingest/fetch/iso-date.ts";

describe("content types", () => {
  it.each([
    ["text/html; charset=UTF-8", "html", "UTF-8"],
    ["application/xhtml+xml", "page", undefined],
    ["application/rss+xml", "xml", undefined],
    ['application/atom+xml; charset="iso-8859-1"', "xml", "iso-8859-1"],
    ["Application/XML", "xml", undefined],
    ["text/xml;charset=windows-1251", "xml", "windows-1251"],
    ["text/plain", "unknown", undefined],
    ["", "unknown", undefined],
    ["image/png", null, undefined],
    ["application/pdf", null, undefined],
    ["application/octet-stream", null, undefined],
    ["application/json", null, undefined],
  ])("%j → %s (charset %s)", (header, kind, charset) => {
    const type = parseMediaType(header);
    expect(declaredKind(type)).toBe(kind);
    expect(type?.charset).toBe(charset);
  });
});

describe("root element", () => {
  it.each([
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "rss"],
    ['\uFEFF<?xml version="1.0"?><!-- generated --><feed xmlns="http://www.w3.org/2005/Atom"/>', "feed"],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', "rdf"],
    ['<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"/>', "rss"],
    ['<!DOCTYPE feed [ <!ENTITY x "<y>"> ]><feed/>', "feed"],
    ["<!doctype html><html><body></body></html>", "html"],
    ["  <html lang=en>", "html"],
    ['<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', "urlset"],
    ["just text", null],
    ["<?xml version='1.0'", null],
    ["", null],
  ])("%j → %s", (text, root) => {
    expect(rootElement(text)).toBe(root);
  });

  it.each([
    ["html", "<rss><channel/></rss>", "feed"],
    ["html", "<div>fragment</div>", "page"],
    ["xml", "<html><body/></html>", "page"],
    ["xml", "<urlset/>", null],
    ["unknown", "<feed/>", "feed"],
    ["unknown", "hello", null],
    ["page", "<rss/>", "page"],
  ] as const)("declared %s + %j → %s", (declared, text, kind) => {
    expect(decideKind(declared, text)).toBe(kind);
  });
});

describe("charsets", () => {
  const cafe = (charset: string) => Buffer.from("<p>caf\u00e9</p>", charset === "utf-8" ? "utf8" : "latin1");
  it.each([
    ["Content-Type charset", cafe("latin1"), "windows-1252", "windows-1252"],
    ["meta charset", Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), cafe("latin1")]), undefined, "windows-1252"],
    ["meta http-equiv", Buffer.concat([Buffer.from('<meta http-equiv="content-type" content="text/html; charset=windows-1252">'), cafe("latin1")]), undefined, "windows-1252"],
    ["XML declaration", Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>'), cafe("latin1")]), undefined, "windows-1252"],
    ["UTF-8 by default", cafe("utf-8"), undefined, "utf-8"],
    ["UTF-8 BOM over a wrong header", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cafe("utf-8")]), "windows-1252", "utf-8"],
    ["unknown label skipped", Buffer.concat([Buffer.from('<meta charset="klingon">'), cafe("utf-8")]), "nonsense", "utf-8"],
  ])("%s", (_what, bytes, header, charset) => {
    const decoded = decodeBody(bytes, header);
    expect(decoded.charset).toBe(charset);
    expect(decoded.text).toContain("caf\u00e9");
  });

  it("decodes UTF-16 with a byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<rss>caf\u00e9</rss>", "utf16le")]);
    expect(decodeBody(bytes).text).toBe("<rss>caf\u00e9</rss>");
  });
});

describe("dates", () => {
  it.each([
    ["2025-04-17T22:40:00-04:00", "2025-04-17"],
    ["2025-04-17", "2025-04-17"],
    ["2025-04-17 08:00", "2025-04-17"],
    ["Fri, 18 Apr 2025 02:40:00 GMT", "2025-04-18"],
    ["April 17, 2025 12:00 UTC", "2025-04-17"],
    ["2025-02-30", null],
    ["20250417", null],
    ["yesterday", null],
    ["", null],
    [null, null],
  ])("%j → %s", (value, iso) => {
    expect(toIsoDate(value)).toBe(iso);
  });
});
