/**
 * XML text helpers shared by the GEXF and GraphML writers. Graph text comes from
 * scraped articles, so anything XML 1.0 cannot carry (control characters, lone
 * surrogates, U+FFFE/U+FFFF) is stripped rather than trusted, and every value is
 * escaped for the place it lands in (attribute or element text).
 *
 * These run on every value of a million-edge export, and almost every value is
 * plain text, so each helper first asks one non-global regex whether the string
 * needs any work at all and returns it untouched when it does not.
 */

// Everything outside XML 1.0's Char production. With the `u` flag a lone
// surrogate is one code point, so it falls outside every allowed range too.
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Fast pre-checks (no `u` flag): they also flag every surrogate, paired or not,
// which only sends astral text down the exact (slower) path.
const MAY_BE_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;
/** Any character an attribute value cannot carry as is: illegal ones, `& < > " '`, tab, LF, CR. */
const ATTR_NEEDS_WORK = /[^\u0020\u0021\u0023-\u0025\u0028-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/;
/** Any character element text cannot carry as is: illegal ones, `& < >`, CR. */
const TEXT_NEEDS_WORK = /[^\t\n\u0020-\u0025\u0027-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/;

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

const asText = (value: unknown): string => (typeof value === "string" ? value : String(value ?? ""));

export function stripIllegalXmlChars(value: string): string {
  return MAY_BE_ILLEGAL.test(value) ? value.replace(ILLEGAL_XML_CHARS, "") : value;
}

/** Escapes a value for use inside a double-quoted XML attribute. */
export function xmlAttr(value: unknown): string {
  const text = asText(value);
  if (!ATTR_NEEDS_WORK.test(text)) return text;
  return stripIllegalXmlChars(text).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

/** Escapes a value for use as element text (also safe for `]]>`, since `>` is escaped). */
export function xmlText(value: unknown): string {
  const text = asText(value);
  if (!TEXT_NEEDS_WORK.test(text)) return text;
  return stripIllegalXmlChars(text).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** A finite number as XML Schema float/double text; non-finite values fall back. */
export function xmlNumber(value: unknown, fallback = 0): string {
  const n = typeof value === "number" ? value : Number(value);
  return String(Number.isFinite(n) ? n : fallback);
}
