/**
 * The articles folder into the corpus store: a file whose stat stamp (size,
 * modification time, inode) and manifest entry are unchanged is taken from the
 * store without being read; one whose bytes are unchanged, without being
 * parsed again; a new or changed file is parsed; a file gone from the folder leaves the corpus.
 * All of it is one commit, so the journal records exactly what changed.
 */
import { lstat, realpath } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../types.ts";
import { listArticleFiles, parseArticleFile, readArticleText, readManifest, undatedWarning, type IngestRules } from "../ingest/index.ts";
import { urlKeyOf } from "./url-key.ts";
import { contentHashOf, sourceHashOf, type ArticlePut, type CorpusStore } from "../store/index.ts";

export interface SyncedCorpus {
  /** Every article of the folder, in file order. */
  articles: Article[];
  /** Content hash of each article, by id. */
  contentHashes: Map<string, string>;
  added: string[];
  updated: string[];
  removed: string[];
  /** Journal sequence number after the sync. */
  seq: number;
}

export async function syncFolder(
  store: CorpusStore,
  articlesDir: string,
  rules: IngestRules,
  version: string,
  onArticle?: (file: string, done: number, total: number) => void,
  onWarning?: (message: string) => void,
): Promise<SyncedCorpus> {
  const manifest = await readManifest(articlesDir);
  const files = await listArticleFiles(articlesDir);
  const stored = new Map(store.articleRows().map((r) => [r.file, r]));
  // Every stored article in one query when they are needed (a warm folder needs nearly all of them).
  let byId: Map<string, Article> | null = null;
  const storedArticle = (id: string) => (byId ??= new Map(store.articles().map((a) => [a.id, a]))).get(id) ?? null;
  const articles: Article[] = [];
  const contentHashes = new Map<string, string>();
  const puts: ArticlePut[] = [];
  const added: string[] = [];
  const updated: string[] = [];
  // Reads overlap (each is several awaited system calls); results are used in file order.
  const root = await realpath(articlesDir);
  const stamps = readInOrder(files, (file) => fileStamp(articlesDir, file, manifest.get(file)));
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const entry = manifest.get(file);
    const row = stored.get(file);
    const stamp = await stamps(i);
    // Same size, time and inode as when it was read, and the same manifest entry: the stored article is it.
    let article = row && stamp && row.fileStamp === stamp ? storedArticle(row.id) : null;
    if (article) {
      contentHashes.set(article.id, row!.contentHash);
    } else {
      const text = await readArticleText(articlesDir, file, root);
      const sourceHash = sourceHashOf(text, entry);
      article = row?.sourceHash === sourceHash ? storedArticle(row.id) : null;
      if (article) {
        // Touched, not changed: only the stamp is new (no journal entry).
        contentHashes.set(article.id, row!.contentHash);
        puts.push({ article, sourceHash, contentHash: row!.contentHash, urlKey: row!.urlKey, fileStamp: stamp });
      } else {
        article = parseArticleFile(text, file, entry, rules);
        const contentHash = contentHashOf(article);
        contentHashes.set(article.id, contentHash);
        puts.push({ article, sourceHash, contentHash, urlKey: urlKeyOf(article.url), fileStamp: stamp });
        (row ? updated : added).push(article.id);
      }
    }
    if (!article.published) onWarning?.(undatedWarning(article));
    articles.push(article);
    onArticle?.(file, articles.length, files.length);
  }
  const inFolder = new Set(files);
  const removed = [...stored.values()].filter((r) => !inFolder.has(r.file)).map((r) => r.id);
  const seq = puts.length || removed.length ? store.commit({ put: puts, remove: removed }, version) : store.journalSeq();
  return { articles, contentHashes, added, updated, removed, seq };
}

/**
 * size:mtime:inode of the file and a hash of its manifest entry, or null when
 * it cannot be stat'ed (the read that follows then says why) or is a symbolic
 * link (its target can change under an unchanged link: always read).
 */
async function fileStamp(dir: string, file: string, entry: unknown): Promise<string | null> {
  try {
    const s = await lstat(join(dir, file), { bigint: true });
    if (!s.isFile()) return null;
    return `${s.size}:${s.mtimeNs}:${s.ino}:${sourceHashOf("", entry).slice(0, 16)}`;
  } catch {
    return null;
  }
}

/** How many file reads are in flight at once. */
const READ_AHEAD = 32;

/**
 * `read` of every item, started at most READ_AHEAD ahead of the one awaited,
 * so a large folder is read at the speed of the disk rather than one round
 * trip at a time. A failed read rejects when its turn comes, as a plain loop would.
 */
function readInOrder<T>(items: readonly string[], read: (item: string) => Promise<T>): (i: number) => Promise<T> {
  const pending = new Map<number, Promise<T>>();
  let next = 0;
  const fill = (upTo: number) => {
    for (; next < items.length && next <= upTo; next++) {
      const p = read(items[next]!);
      p.catch(() => {}); // rejection is observed when awaited in turn
      pending.set(next, p);
    }
  };
  return (i) => {
    fill(i + READ_AHEAD);
    const p = pending.get(i)!;
    pending.delete(i);
    return p;
  };
}
