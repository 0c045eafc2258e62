/**
 * One article from its raw text: format-specific parsing (.txt, .md with front
 * matter, .html), furniture and credit removal, normalization and sentence split.
 */
import matter from "gray-matter";
import type { Article } from "../types.ts";
import { IngestError } from "./errors.ts";
import { htmlToText } from "./html-to-text.ts";
import { normalizeText } from "./normalize.ts";
import { stripFurniture, type FurnitureRules } from "./furniture.ts";
import type { SentenceSplitter } from "./sentences.ts";
import { MAX_TEXT_CHARS } from "./limits.ts";

export type ArticleFormat = "txt" | "md" | "html";

export interface ArticleMetaInput {
  id: string;
  file: string;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  url?: string | null;
}

export interface IngestRules {
  furniture: FurnitureRules;
  splitSentences: SentenceSplitter;
}

// Navigation menus glued into one word by a scraper: "LatestPakistanTop News".
const GLUED_MENU = /\p{Ll}\p{Lu}\p{Ll}+\p{Lu}/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formatOf(file: string): ArticleFormat | null {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === "txt") return "txt";
  if (ext === "md" || ext === "markdown") return "md";
  if (ext === "html" || ext === "htm") return "html";
  return null;
}

/** A front-matter value as text: dates as YYYY-MM-DD, blank or non-text values as null. */
export function stringField(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

export function parseArticle(raw: string, format: ArticleFormat, meta: ArticleMetaInput, rules: IngestRules): Article {
  // Files are checked for NUL bytes when decoded; posted text is checked here.
  if (raw.includes("\u0000")) throw new IngestError(meta.file, "the text contains NUL characters: it is binary data, not an article");
  let body = raw;
  let title = meta.title ?? null;
  let outlet = meta.outlet ?? null;
  let published = meta.published ?? null;
  let url = meta.url ?? null;
  if (format === "md") {
    let parsed: matter.GrayMatterFile<string>;
    try {
      parsed = matter(raw, { engines: { javascript: () => ({}) } } as never);
    } catch (err) {
      throw new IngestError(meta.file, `front matter is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
    }
    body = parsed.content;
    title ??= stringField(parsed.data.title);
    outlet ??= stringField(parsed.data.outlet);
    published ??= stringField(parsed.data.published ?? parsed.data.date);
    url ??= stringField(parsed.data.url);
  } else if (format === "html") {
    const html = htmlToText(raw, meta.file);
    body = html.text;
    title ??= html.title;
  }
  if (body.length > MAX_TEXT_CHARS) {
    throw new IngestError(meta.file, `the article text is ${body.length.toLocaleString("en")} characters, more than the ${MAX_TEXT_CHARS.toLocaleString("en")} limit for one article`);
  }
  if (published && !ISO_DATE.test(published)) throw new IngestError(meta.file, `published date "${published}" is not YYYY-MM-DD`);
  const lines = normalizeText(body)
    .split("\n")
    .filter((line) => !GLUED_MENU.test(line.split(" ")[0] ?? ""));
  const { lines: kept, credits } = stripFurniture(lines, rules.furniture, title ?? undefined);
  if (kept.length === 0) throw new IngestError(meta.file, "no article text is left once page furniture is removed");
  const text = kept.join("\n");
  return {
    id: meta.id,
    title: title ?? kept[0]!.slice(0, 120),
    outlet,
    published,
    url,
    file: meta.file,
    credits,
    text,
    sentences: rules.splitSentences(text),
  };
}
