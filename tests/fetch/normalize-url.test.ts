/** normalizeUrl as a table of [input, normal form]. */
import { describe, expect, it } from "vitest";
import { normalizeUrl, FetchError } from "../../src/ingest/fetch/index.ts";

const TABLE: Array<[string, string]> = [
  ["https://News.Example.COM/World/Story?id=7#comments", "https://news.example.com/World/Story?id=7"],
  ["http://example.com:80/a", "http://example.com/a"],
  ["https://example.com:443/a", "https://example.com/a"],
  ["https://example.com:8443/a", "https://example.com:8443/a"],
  ["https://example.com/a?utm_source=rss&utm_medium=feed&id=3&utm_campaign=x", "https://example.com/a?id=3"],
  ["https://example.com/a?fbclid=abc", "https://example.com/a"],
  ["https://example.com/a?gclid=1&page=2&GCLID=2&UTM_Term=y", "https://example.com/a?page=2"],
  ["https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"],
  ["https://example.com/a?q=peace%20talks&x=a+b", "https://example.com/a?q=peace%20talks&x=a+b"],
  ["https://example.com/a?", "https://example.com/a"],
  ["https://example.com/a?&&id=1&", "https://example.com/a?id=1"],
  ["https://example.com", "https://example.com/"],
  ["https://bücher.example/a", "https://xn--bcher-kva.example/a"],
  ["  https://example.com/a  ", "https://example.com/a"],
];

describe("normalizeUrl", () => {
  it.each(TABLE)("%s → %s", (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
    expect(normalizeUrl(expected)).toBe(expected);
  });

  it.each(["file:///etc/passwd", "mailto:a@example.com", "example.com/a", "https://user:pw@example.com/"])("refuses %s", (input) => {
    expect(() => normalizeUrl(input)).toThrow(FetchError);
  });
});
