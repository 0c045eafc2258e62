/**
 * XML text helpers shared by the GEXF and GraphML writers. Graph text comes from
 * scraped articles, so anything XML 1.0 cannot carry (control characters, lone
 * surrogates, U+FFFE/U+FFFF) is stripped rather than trusted, and every value is
 * escaped for the place it lands in (attribute or element text).
 */

// Everything outside XML 1.0's Char production. With the `u` flag a lone
// surrogate is one code point, so it falls outside every allowed range too.
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // Attribute-value normalization would turn raw whitespace into spaces on read.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };

export function stripIllegalXmlChars(value: string): string {
  return value.replace(ILLEGAL_XML_CHARS, "");
}

/** Escapes a value for use inside a double-quoted XML attribute. */
export function xmlAttr(value: unknown): string {
  return stripIllegalXmlChars(String(value ?? "")).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

/** Escapes a value for use as element text (also safe for `]]>`, since `>` is escaped). */
export function xmlText(value: unknown): string {
  return stripIllegalXmlChars(String(value ?? "")).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** A finite number as XML Schema float/double text; non-finite values fall back. */
export function xmlNumber(value: unknown, fallback = 0): string {
  const n = typeof value === "number" ? value : Number(value);
  return String(Number.isFinite(n) ? n : fallback);
}
