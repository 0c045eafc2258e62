/**
 * A page's DOM for readability. linkedom is fast but builds the tree as
 * written: a page that omits the optional <html>, <head> or <body> tags (valid
 * HTML5, common in minified pages) would have no body for readability to read.
 * Such a page is first given its full structure by cheerio's HTML5 parser.
 */
import * as cheerio from "cheerio";
import { parseHTML } from "linkedom";

function isComplete(document: Document): boolean {
  const root = document.documentElement;
  if (root?.localName !== "html") return false;
  const children = [...root.children].map((c) => c.localName);
  return children.includes("head") && children.includes("body");
}

/** `pageUrl` becomes the document's base URL unless the page has a <base> of its own (resolved against it). */
export function parsePage(html: string, pageUrl: URL): Document {
  let { document } = parseHTML(html);
  if (!isComplete(document)) document = parseHTML(cheerio.load(html).html()).document;
  const existing = document.querySelector("base[href]");
  let href = pageUrl.href;
  try {
    if (existing) href = new URL(existing.getAttribute("href")!, pageUrl).href;
  } catch {
    /* an invalid <base> is ignored, as by browsers */
  }
  const base = existing ?? document.createElement("base");
  base.setAttribute("href", href);
  if (!existing) document.head.prepend(base);
  return document;
}
