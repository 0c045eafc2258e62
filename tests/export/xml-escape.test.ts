/**
 * The XML escaping helpers, table by table: every XML-special character, every
 * character XML 1.0 cannot carry, lone and paired surrogates, and (property
 * based) agreement with the plain strip-then-replace definition on any string,
 * so the fast "nothing to do" path never skips work it should have done.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stripIllegalXmlChars, xmlAttr, xmlText } from "../../src/export/xml.ts";
import { xmllint } from "./xml-tools.ts";

// The definitions the helpers must agree with (the writers' contract, spelled out slowly).
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ATTR: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };
const TEXT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const refStrip = (s: string) => s.replace(ILLEGAL, "");
const refAttr = (s: string) => refStrip(s).replace(/[&<>"'\t\n\r]/g, (c) => ATTR[c]!);
const refText = (s: string) => refStrip(s).replace(/[&<>\r]/g, (c) => TEXT[c]!);

describe("XML escaping", () => {
  it.each([
    ["&", "&amp;", "&amp;"],
    ["<", "&lt;", "&lt;"],
    [">", "&gt;", "&gt;"],
    ['"', "&quot;", '"'],
    ["'", "&apos;", "'"],
    ["\t", "&#9;", "\t"],
    ["\n", "&#10;", "\n"],
    ["\r", "&#13;", "&#13;"],
    ["]]>", "]]&gt;", "]]&gt;"],
    ["plain text, 100% = ok; é ü ✓", "plain text, 100% = ok; é ü ✓", "plain text, 100% = ok; é ü ✓"],
  ])("escapes %j as %j in attributes and %j in text", (input, attr, text) => {
    expect(xmlAttr(`a${input}b`)).toBe(`a${attr}b`);
    expect(xmlText(`a${input}b`)).toBe(`a${text}b`);
  });

  const illegal = [...Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d), 0xfffe, 0xffff];
  it.each(illegal.map((c) => [`U+${c.toString(16).toUpperCase().padStart(4, "0")}`, String.fromCharCode(c)]))("strips %s everywhere", (_name, ch) => {
    expect(stripIllegalXmlChars(`x${ch}y`)).toBe("xy");
    expect(xmlAttr(`x${ch}&y`)).toBe("x&amp;y");
    expect(xmlText(`x${ch}<y`)).toBe("x&lt;y");
  });

  it.each([
    ["lone high surrogate", "a\uD800b", "ab"],
    ["lone low surrogate", "a\uDC00b", "ab"],
    ["high surrogate at the end", "ab\uDBFF", "ab"],
    ["low then high (reversed pair)", "a\uDC00\uD800b", "ab"],
    ["valid pair (astral)", "a\uD83D\uDE00b", "a\uD83D\uDE00b"],
    ["pair next to a lone one", "\uD800\uD83D\uDE00\uDFFF", "\uD83D\uDE00"],
  ])("surrogates: %s", (_name, input, kept) => {
    expect(stripIllegalXmlChars(input)).toBe(kept);
    expect(xmlAttr(input)).toBe(kept);
    expect(xmlText(input)).toBe(kept);
  });

  it("returns clean strings untouched and stringifies non-strings", () => {
    expect(xmlAttr("located_in")).toBe("located_in");
    expect(xmlAttr(42)).toBe("42");
    expect(xmlAttr(null)).toBe("");
    expect(xmlAttr(undefined)).toBe("");
    expect(xmlText(false)).toBe("false");
  });

  it("agrees with strip-then-replace on any string", () => {
    const anyText = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom("a", "&", "<", ">", '"', "'", "\t", "\n", "\r", "\u0000", "\uD800", "\uDC00", "\uFFFE", "é", "\uD83D\uDE00") }));
    fc.assert(
      fc.property(anyText, (s) => {
        expect(stripIllegalXmlChars(s)).toBe(refStrip(s));
        expect(xmlAttr(s)).toBe(refAttr(s));
        expect(xmlText(s)).toBe(refText(s));
      }),
      { numRuns: 500 },
    );
  });

  it("gives well-formed XML for every character of the BMP", () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join("");
    const doc = `<r a="${xmlAttr(all)}">${xmlText(all)}</r>`;
    const result = xmllint(doc, []);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });
});
