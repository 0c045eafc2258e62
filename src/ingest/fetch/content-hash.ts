/**
 * The fingerprint of an article's text, for recognizing the same story fetched
 * twice (or under two URLs): sha256, hex, of the UTF-8 of normalizeText(text).
 * A fetched page hashes htmlToText(article.html).text, the body prepareArticle
 * keeps for an html article, so the store can recompute the hash of any stored
 * or posted article: hashArticleText(text), or of htmlToText(html).text.
 */
import { createHash } from "node:crypto";
import { normalizeText } from "../normalize.ts";

export function hashArticleText(text: string): string {
  return createHash("sha256").update(normalizeText(text), "utf8").digest("hex");
}
