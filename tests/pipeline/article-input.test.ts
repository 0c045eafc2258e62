/** Posted articles are validated field by field; the source URL must be a web address. */
import { describe, expect, it } from "vitest";
import { validateArticleInput } from "../../src/pipeline/index.ts";

describe("validateArticleInput url", () => {
  it.each(["https://apnews.com/article/x", "http://example.org/a?b=c"])("accepts %s", (url) => {
    expect(validateArticleInput({ title: "t", text: "Putin met Trump.", url }).url).toBe(url);
  });

  it.each(["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "//evil.example/x", "ftp://x/y"])("refuses %s naming the field", (url) => {
    expect(() => validateArticleInput({ title: "t", text: "Putin met Trump.", url })).toThrow(/field "url".*http\(s\) address/);
  });
});
