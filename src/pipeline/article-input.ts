/**
 * An article posted through the API ({title, text | html, published?, outlet?, url?}):
 * validated, given a stable id, and rendered as the Markdown file (front matter +
 * body) that is kept under graph-data/articles/.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import matter from "gray-matter";
import type { Article } from "../types.ts";
import { IngestError, parseArticle, htmlToText, type IngestRules } from "../ingest/index.ts";

export const ArticleInputSchema = z
  .object({
    title: z.string().trim().min(1, "title is required").max(500, "title is longer than 500 characters"),
    text: z.string().max(20_000_000).optional(),
    html: z.string().max(20_000_000).optional(),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "published must be a date YYYY-MM-DD").optional(),
    outlet: z.string().trim().max(200).optional(),
    // Only web addresses: a javascript: or data: URL is never a source, and a reader may one day make it a link.
    url: z.string().trim().max(2000).regex(/^https?:\/\/[^\s]+$/i, "url must be an http(s) address").optional(),
  })
  .strict()
  .refine((a) => (a.text === undefined) !== (a.html === undefined), { message: "give exactly one of text or html" });

export type ArticleInput = z.infer<typeof ArticleInputSchema>;

export function validateArticleInput(body: unknown): ArticleInput {
  const parsed = ArticleInputSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IngestError(issue.path.length ? `field "${issue.path.join(".")}"` : "article", issue.message);
  }
  return parsed.data;
}

function slug(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "article";
}

/** Ids sort after the seeds and are stable for the same content. */
export function articleIdFor(input: ArticleInput): string {
  const hash = createHash("sha256").update(`${input.title}\n${input.published ?? ""}\n${input.text ?? input.html}`).digest("hex").slice(0, 10);
  return `${input.published ?? "undated"}-${slug(input.title)}-${hash}`;
}

export interface PreparedArticle {
  article: Article;
  fileName: string;
  fileContent: string;
}

/**
 * Posted articles are always kept as Markdown with front matter (HTML is reduced to
 * its text first), and the Article is parsed from exactly that file content, so a
 * restart reads back the very article that was ingested.
 */
export function prepareArticle(input: ArticleInput, rules: IngestRules): PreparedArticle {
  const id = articleIdFor(input);
  const body = input.html !== undefined ? htmlToText(input.html, 'field "html"').text : input.text!;
  if (!body.trim()) throw new IngestError(`field "${input.html !== undefined ? "html" : "text"}"`, "has no text");
  const fileName = `${id}.md`;
  const front = Object.fromEntries(Object.entries({ title: input.title, outlet: input.outlet, published: input.published, url: input.url }).filter(([, v]) => v !== undefined));
  const fileContent = matter.stringify(body.trim() + "\n", front);
  const article = parseArticle(fileContent, "md", { id, file: fileName }, rules);
  return { article, fileName, fileContent };
}
