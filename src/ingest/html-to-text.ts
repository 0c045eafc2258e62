/**
 * HTML articles to plain text with cheerio: scripts, styles, navigation, forms and
 * other page chrome are dropped; block elements become line breaks so paragraphs
 * and headings survive as lines.
 */
import * as cheerio from "cheerio";

const DROPPED = "script, style, noscript, template, iframe, object, embed, svg, canvas, nav, header > nav, footer, aside, form, button, select, input, textarea, menu, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], .comments, #comments, .related, .share, .social, .advert, .ad";
const BLOCKS = "p, div, section, article, main, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, br, hr, figcaption, dd, dt";

export interface HtmlText {
  title: string | null;
  text: string;
}

export function htmlToText(html: string): HtmlText {
  const $ = cheerio.load(html);
  const title = $("meta[property='og:title']").attr("content")?.trim() || $("title").first().text().trim() || $("h1").first().text().trim() || null;
  $("head").remove();
  $(DROPPED).remove();
  $(BLOCKS).before("\n").after("\n");
  const scope = $("article").length ? "article" : $("body").length ? "body" : null;
  return { title, text: scope ? $(scope).first().text() : $.root().text() };
}
