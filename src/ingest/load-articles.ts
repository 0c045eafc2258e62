/**
 * Reads an articles folder: every .txt/.md/.html file (sorted by name, so builds
 * are deterministic), with title/outlet/date from manifest.json where it has an
 * entry. A file that cannot be read as an article stops the load with an
 * IngestError naming it; nothing is half-loaded. An article without a
 * publication date (null or missing in the manifest and the file) is loaded as
 * "date unknown" and reported through `onWarning`, never refused.
 */
import { readFile, readdir, realpath, lstat } from "node:fs/promises";
import { join, relative, isAbsolute, sep } from "node:path";
import { z } from "zod";
import type { Article } from "../types.ts";
import { IngestError } from "./errors.ts";
import { decodeArticleBytes, tooLargeError } from "./decode.ts";
import { MAX_FILE_BYTES } from "./limits.ts";
import { formatOf, parseArticle, type IngestRules } from "./article.ts";

const ManifestEntry = z.object({
  // A plain file name: an entry cannot describe (or seem to describe) a file elsewhere.
  file: z.string().min(1).regex(/^(?!\.\.?$)[^/\\\0]+$/, "file must be a file name in the articles folder, without a path"),
  // null is how many tools write "not known": it means the same as a missing field.
  title: z.string().nullish(),
  outlet: z.string().nullish(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "published must be YYYY-MM-DD (or null when unknown)").nullish(),
  url: z.string().nullish(),
});
const Manifest = z.array(ManifestEntry.passthrough());
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const MANIFEST_FILE = "manifest.json";

export function articleIdOf(file: string): string {
  return file.replace(/\.[^.]+$/, "");
}

export async function readManifest(dir: string): Promise<Map<string, ManifestEntry>> {
  let raw: string;
  try {
    raw = await readFile(join(dir, MANIFEST_FILE), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw new IngestError(MANIFEST_FILE, `cannot be read (${(err as NodeJS.ErrnoException).code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new IngestError(MANIFEST_FILE, `is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IngestError(MANIFEST_FILE, `entry ${issue.path.join(".")}: ${issue.message}`);
  }
  return new Map(parsed.data.map((e) => [e.file, e]));
}

/** Refuses symlinks (or anything else) that resolve outside the articles folder. */
async function assertInside(dir: string, file: string, knownRoot?: string): Promise<string> {
  const root = knownRoot ?? (await realpath(dir));
  let real: string;
  try {
    real = await realpath(join(dir, file));
  } catch (err) {
    throw new IngestError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const rel = relative(root, real);
  if (rel.startsWith(".." + sep) || rel === ".." || isAbsolute(rel)) throw new IngestError(file, "points outside the articles folder");
  return real;
}

export async function listArticleFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    throw new IngestError(dir, `articles folder cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return names.filter((n) => !n.startsWith(".") && formatOf(n) !== null).sort();
}

/**
 * The decoded text of one file of the articles folder, after the same checks as a load.
 * `root` is the folder's real path when the caller reads many files (one lookup instead of one per file).
 */
export async function readArticleText(dir: string, file: string, root?: string): Promise<string> {
  if (/[/\\]/.test(file) || file === ".." || file === ".") throw new IngestError(file, "is not a plain file name in the articles folder (paths such as ../ are refused)");
  const real = await assertInside(dir, file, root);
  const stat = await lstat(real);
  if (!stat.isFile()) throw new IngestError(file, "is not a regular file");
  if (stat.size > MAX_FILE_BYTES) throw tooLargeError(file, stat.size);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(real);
  } catch (err) {
    throw new IngestError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return decodeArticleBytes(bytes, file);
}

export function parseArticleFile(text: string, file: string, entry: ManifestEntry | undefined, rules: IngestRules): Article {
  return parseArticle(text, formatOf(file)!, { ...entry, id: articleIdOf(file), file }, rules);
}

export async function readArticleFile(dir: string, file: string, entry: ManifestEntry | undefined, rules: IngestRules): Promise<Article> {
  return parseArticleFile(await readArticleText(dir, file), file, entry, rules);
}

export const undatedWarning = (a: Article) => `${a.file}: no publication date (null or missing); read as "date unknown", so its relations have no first/last seen date`;

export async function loadArticles(dir: string, rules: IngestRules, onArticle?: (file: string, done: number, total: number) => void, onWarning?: (message: string) => void): Promise<Article[]> {
  const manifest = await readManifest(dir);
  const files = await listArticleFiles(dir);
  const articles: Article[] = [];
  for (const file of files) {
    const article = await readArticleFile(dir, file, manifest.get(file), rules);
    if (!article.published) onWarning?.(undatedWarning(article));
    articles.push(article);
    onArticle?.(file, articles.length, files.length);
  }
  return articles;
}
