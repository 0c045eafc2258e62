/**
 * HTML articles to plain text with cheerio: scripts, styles, navigation, forms and
 * other page chrome are dropped; block elements become line breaks so paragraphs
 * and headings survive as lines. The text is gathered by one iterative walk (no
 * DOM edits, which cost a splice per element, and no recursion); pages nested
 * deeper than MAX_HTML_DEPTH are refused before cheerio builds a DOM (limits.ts).
 */
import { createRequire } from "node:module";
import type { AnyNode } from "domhandler";
import { assertHtmlDepth } from "./html-depth.ts";

// cheerio with its parsers and HTTP client is a quarter of a second of imports: loaded by the first HTML article,
// not by every server start and build that reads none (most folders hold Markdown and text).
const requireModule = createRequire(import.meta.url);
let cheerio: typeof import("cheerio") | null = null;
const cheerioLoaded = () => (cheerio ??= requireModule("cheerio") as typeof import("cheerio"));

const DROPPED = "head, script, style, noscript, template, iframe, object, embed, svg, canvas, nav, header > nav, footer, aside, form, button, select, input, textarea, menu, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], .comments, #comments, .related, .share, .social, .advert, .ad";
const BLOCKS = "p, div, section, article, main, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, br, hr, figcaption, dd, dt";

export interface HtmlText {
  title: string | null;
  text: string;
}

/** Text of `root` without the dropped subtrees, a line break around each block. */
function visibleText(root: AnyNode, dropped: Set<AnyNode>, blocks: Set<AnyNode>): string {
  const out: string[] = [];
  // A stack of nodes still to visit, and "\n" markers for block ends.
  const stack: Array<AnyNode | "\n"> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === "\n") {
      out.push("\n");
      continue;
    }
    if (dropped.has(node)) continue;
    if (node.type === "text" || node.type === "cdata") {
      if ("data" in node) out.push(node.data);
      continue;
    }
    if (!("children" in node)) continue;
    const block = blocks.has(node);
    if (block) {
      out.push("\n");
      stack.push("\n");
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out.join("");
}

/** `source` names the file or input field in the IngestError a refused page raises. */
export function htmlToText(html: string, source = "html"): HtmlText {
  assertHtmlDepth(html, source);
  const $ = cheerioLoaded().load(html);
  const title = $("meta[property='og:title']").attr("content")?.trim() || $("title").first().text().trim() || $("h1").first().text().trim() || null;
  const dropped = new Set($(DROPPED).toArray() as AnyNode[]);
  const blocks = new Set($(BLOCKS).toArray() as AnyNode[]);
  const kept = (node: AnyNode) => {
    for (let n: AnyNode | null = node; n; n = n.parent) if (dropped.has(n)) return false;
    return true;
  };
  const scope = $("article").toArray().find(kept) ?? $("body").toArray().find(kept) ?? $.root()[0]!;
  return { title, text: visibleText(scope, dropped, blocks) };
}
