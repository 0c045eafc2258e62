/**
 * A local file as a posted article (`parley ingest FILE`): .md with its front
 * matter (title, published, outlet, url), .html with its <title>, .txt with
 * its first line as the title — the same readings the articles folder gives.
 * Checks and limits are those of the folder (size, binary data, encoding).
 */
import { basename, dirname } from "node:path";
import matter from "gray-matter";
import { formatOf, IngestError, readArticleText, htmlToText, stringField } from "../ingest/index.ts";
import type { ArticleInput } from "./article-input.ts";

export async function articleInputFromFile(path: string): Promise<ArticleInput> {
  const file = basename(path);
  const format = formatOf(file);
  if (!format) throw new IngestError(file, "is not a .txt, .md or .html file");
  const raw = await readArticleText(dirname(path), file);
  if (format === "html") {
    const title = htmlToText(raw, file).title ?? file.replace(/\.[^.]+$/, "");
    return { title: title.slice(0, 500), html: raw };
  }
  let body = raw;
  let front: Record<string, unknown> = {};
  if (format === "md") {
    try {
      const parsed = matter(raw, { engines: { javascript: () => ({}) } } as never);
      body = parsed.content;
      front = parsed.data;
    } catch (err) {
      throw new IngestError(file, `front matter is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
    }
  }
  const firstLine = body.split("\n").find((l) => l.trim())?.trim();
  const title = stringField(front.title) ?? firstLine?.slice(0, 500);
  if (!title) throw new IngestError(file, "has no text");
  const input: ArticleInput = { title, text: body };
  const published = stringField(front.published ?? front.date);
  const outlet = stringField(front.outlet);
  const url = stringField(front.url);
  if (published) input.published = published;
  if (outlet) input.outlet = outlet;
  if (url) input.url = url;
  return input;
}
